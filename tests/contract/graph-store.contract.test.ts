import { createGraphStore } from '../../src/store/graph';
import type { RegisterStore } from '../../src/store/store';
import { startGraphFake } from '../fakes/graph-fake';
import { describeStoreContract } from './store-contract';

describeStoreContract('graph', async () => {
  const fake = await startGraphFake({ batchOrder: 'random' });
  const start = async () => {
    // A small page size makes every list read in the contract cross page boundaries.
    const store = createGraphStore({ siteId: fake.siteId, baseUrl: fake.url, pageSize: 7, authProvider: { getAccessToken: async () => 'contract-token' } });
    await store.init();
    return store;
  };
  const store: RegisterStore = await start();
  return { store, reopen: start, cleanup: () => fake.close() };
});
