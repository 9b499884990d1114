import { historyEvent } from '../../src/domain/model';
import { withReadCache } from '../../src/store/read-cache';
import type { RegisterStore } from '../../src/store/store';
import { startGraphFake, type GraphFake } from '../fakes/graph-fake';
import { openGraphStoreOnFake } from '../fakes/graph/store-on-fake';

const event = (entryId: string) => historyEvent.parse({ entryId, at: '2026-11-23T09:00:00Z', by: { name: 'Anne' }, kind: 'updated' });

describe('read cache in front of the SharePoint store', () => {
  let fake: GraphFake;
  let graph: RegisterStore;
  let store: RegisterStore;
  let now: number;

  beforeEach(async () => {
    fake = await startGraphFake();
    graph = await openGraphStoreOnFake(fake, { pageSize: 10 });
    await graph.history.createMany(Array.from({ length: 25 }, (_, i) => event(String(i % 3))));
    now = 1_000_000;
    store = withReadCache(graph, { ttlMs: 30_000, now: () => now });
    fake.resetStats();
  });
  afterEach(async () => fake.close());

  it('answers a repeated read from the cache until the time is up', async () => {
    expect(await store.history.list()).toHaveLength(25);
    expect(fake.stats.requests).toBe(3); // 25 items in pages of 10
    expect(await store.history.list()).toHaveLength(25);
    expect(fake.stats.requests).toBe(3);
    now += 30_000;
    await store.history.list();
    expect(fake.stats.requests).toBe(6);
  });

  it('keeps reads with different filters apart', async () => {
    expect((await store.history.list({ field: 'entryId', equals: '1' })).map((e) => e.entryId)).toEqual(Array(8).fill('1'));
    expect((await store.history.list({ field: 'entryId', equals: '2' })).map((e) => e.entryId)).toEqual(Array(8).fill('2'));
    expect(fake.stats.requests).toBe(2);
  });

  it('lets concurrent identical reads share one round trip', async () => {
    const results = await Promise.all([store.history.list(), store.history.list(), store.history.list()]);
    expect(results.map((r) => r.length)).toEqual([25, 25, 25]);
    expect(fake.stats.requests).toBe(3);
  });

  it('drops the cache on every write through it, a failed one included', async () => {
    await store.history.list();
    const created = await store.history.create(event('new'));
    expect((await store.history.list()).map((e) => e.id)).toContain(created.id);

    await store.history.list();
    const before = fake.stats.requests;
    await expect(store.history.update(created.id, event('stale'), '"not-the-etag"')).rejects.toThrow();
    await store.history.list();
    expect(fake.stats.requests).toBeGreaterThan(before + 1);
  });

  it('never hands out its own copy: a caller changing a row changes nothing for the next', async () => {
    const first = await store.history.list();
    const original = first[0].entryId;
    first[0].entryId = 'changed by a caller';
    expect((await store.history.list())[0].entryId).toBe(original);
  });

  it('does not remember a failed read', async () => {
    fake.failNext(1, 403, 'accessDenied', 'Access denied');
    await expect(store.history.list()).rejects.toThrow(/403 accessDenied/);
    expect(await store.history.list()).toHaveLength(25);
  });

  it('reads single items fresh', async () => {
    const [row] = await store.history.list();
    await graph.history.update(row.id, event('changed elsewhere'), row.etag);
    expect((await store.history.get(row.id))!.entryId).toBe('changed elsewhere');
  });
});
