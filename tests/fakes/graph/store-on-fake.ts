import { createGraphStore, type GraphStoreOptions } from '../../../src/store/graph';
import type { RegisterStore } from '../../../src/store/store';
import type { GraphFake } from '../graph-fake';

/** A Graph store pointed at the fake, through the real Graph client, with a fixed test token. */
export async function openGraphStoreOnFake(fake: Pick<GraphFake, 'url' | 'siteId'>, options: Partial<GraphStoreOptions> = {}): Promise<RegisterStore> {
  const store = createGraphStore({
    siteId: fake.siteId,
    baseUrl: fake.url,
    authProvider: { getAccessToken: async () => 'test-token' },
    ...options,
  });
  await store.init();
  return store;
}
