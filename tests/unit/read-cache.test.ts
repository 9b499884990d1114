import { historyEvent } from '../../src/domain/model';
import { currentDeadline, runWithRequestContext } from '../../src/host/request-context';
import { StoreUnavailableError } from '../../src/store/errors';
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
    graph = await openGraphStoreOnFake(fake, { pageSize: 10, bulkPageSize: 10 });
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

  it('hands out frozen rows shared by every caller: none can change what the next one reads', async () => {
    const first = await store.history.list();
    const original = first[0].entryId;
    expect(() => (first[0].entryId = 'changed by a caller')).toThrow(TypeError);
    first.pop(); // the array is the caller's own
    expect(await store.history.list()).toHaveLength(25);
    expect((await store.history.list())[0].entryId).toBe(original);
  });

  it('serves a page and a count from a cached list, and goes to SharePoint for one $top page when none is cached', async () => {
    const cold = await store.history.page({ top: 5 });
    expect(cold.items).toHaveLength(5);
    expect(fake.stats.requests).toBe(1);
    await store.history.list();
    const before = fake.stats.requests;
    const warm = await store.history.page({ top: 5 });
    expect(warm.items.map((e) => e.id)).toEqual(cold.items.map((e) => e.id));
    const second = await store.history.page({ top: 5, after: warm.next });
    expect(second.items[0].id).not.toBe(warm.items[0].id);
    expect(await store.history.count()).toBe(25);
    expect(fake.stats.requests).toBe(before);
    // the cache expires between two pages: the store continues after the id the cached page ended on
    now += 30_000;
    const third = await store.history.page({ top: 5, after: second.next });
    expect(Number(third.items[0].id)).toBeGreaterThan(Number(second.items[4].id));
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

describe('a read shared by several requests', () => {
  let fake: GraphFake;
  let store: RegisterStore;

  beforeEach(async () => {
    // each of the read's three pages takes 30 ms: longer than the first caller's time left
    fake = await startGraphFake({ latencyMs: 30 });
    // as the server wires it: each request's deadline from its own context
    const graph = await openGraphStoreOnFake(fake, { pageSize: 10, bulkPageSize: 10, deadline: currentDeadline });
    await graph.history.createMany(Array.from({ length: 25 }, (_, i) => event(String(i % 3))));
    store = withReadCache(graph, { ttlMs: 30_000, deadline: currentDeadline });
    fake.resetStats();
  });
  afterEach(async () => fake.close());

  it("never ends at the first caller's deadline: it goes on for the others, and the first caller's retry is served from it", async () => {
    // the first caller has almost no time left; the second has none set (the bot's background work)
    const first = runWithRequestContext({ deadline: Date.now() + 1 }, () => store.history.list()).catch((e: unknown) => e);
    const second = store.history.list();
    const error = await first;
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/The read of the history list from SharePoint was still running when this request's time was up/);
    expect(await second).toHaveLength(25);
    const requests = fake.stats.requests;
    expect(await store.history.list()).toHaveLength(25);
    expect(fake.stats.requests).toBe(requests);
  });
});
