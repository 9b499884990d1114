import { startGraphFake } from '../fakes/graph-fake';
import { openGraphStoreOnFake } from '../fakes/graph/store-on-fake';
import { describeStoreContract } from './store-contract';

describeStoreContract('graph', async () => {
  const fake = await startGraphFake({ batchOrder: 'random' });
  // A small page size makes every list read in the contract cross page boundaries.
  const start = () => openGraphStoreOnFake(fake, { pageSize: 7 });
  return { store: await start(), reopen: start, cleanup: () => fake.close() };
});
