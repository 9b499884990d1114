import { COLLECTION_NAMES } from '../../src/store/collections';
import { listSpecOf, fieldsOf } from '../../src/store/graph/columns';
import { DEFAULT_USER_AGENT } from '../../src/store/graph';
import { ConflictError, DuplicateKeyError, StoreUnavailableError } from '../../src/store/errors';
import type { RegisterStore } from '../../src/store/store';
import { entry, vote } from '../contract/records';
import { type GraphFake, type GraphFakeOptions, startGraphFake } from '../fakes/graph-fake';
import { openGraphStoreOnFake } from '../fakes/graph/store-on-fake';

const ENTRIES = 'SynergyRegisterEntries';

function seedEntries(fake: GraphFake, count: number): void {
  const list = listSpecOf('entries', 'SynergyRegister');
  fake.seedItems(
    ENTRIES,
    Array.from({ length: count }, (_, i) => fieldsOf(list, entry(i + 1))),
  );
}

/** Seconds between consecutive arrivals of one request kind. */
function gaps(fake: GraphFake, kind: string): number[] {
  const times = fake.stats.arrivals.filter((a) => a.kind === kind).map((a) => a.at);
  return times.slice(1).map((t, i) => t - times[i]);
}

describe('Graph store against the Graph fake', () => {
  let fake: GraphFake;
  let store: RegisterStore;

  async function setUp(fakeOptions: GraphFakeOptions = {}, storeOptions: Parameters<typeof openGraphStoreOnFake>[1] = {}) {
    fake = await startGraphFake(fakeOptions);
    store = await openGraphStoreOnFake(fake, storeOptions);
    fake.resetStats();
  }

  afterEach(async () => {
    await fake?.close();
  });

  test('list follows every nextLink: 1 000 items at 200 a page cost exactly 5 requests', async () => {
    await setUp({}, { pageSize: 200, bulkPageSize: 200 });
    seedEntries(fake, 1000);
    const all = await store.entries.list();
    expect(all).toHaveLength(1000);
    expect(all.map((e) => Number(e.id))).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(all[999].title.nl).toBe('Maatregel 1000');
    expect(fake.stats.byKind).toEqual({ 'items.list': 5 });
  });

  test('a whole-list read asks for SharePoint’s largest page: 12 000 items cost 3 requests, a person’s page stays small', async () => {
    await setUp({}, { pageSize: 200 });
    seedEntries(fake, 12_000);
    expect(await store.entries.list()).toHaveLength(12_000);
    expect(fake.stats.byKind).toEqual({ 'items.list': 3 });
    fake.resetStats();
    expect((await store.entries.page({ top: 50 })).items).toHaveLength(50);
    expect(fake.stats.byKind).toEqual({ 'items.list': 1 });
  });

  test('a server page smaller than asked is still read to the end (page size is never assumed)', async () => {
    await setUp({ maxTop: 90 }, { pageSize: 200, bulkPageSize: 200 });
    seedEntries(fake, 300);
    expect(await store.entries.list()).toHaveLength(300);
    expect(fake.stats.byKind['items.list']).toBe(4);
  });

  test('createMany of 45 costs exactly 3 $batch requests and keeps input order', async () => {
    await setUp({ batchOrder: 'reverse' });
    const values = Array.from({ length: 45 }, (_, i) => entry(i + 1));
    const created = await store.entries.createMany(values);
    expect(fake.stats.byKind).toEqual({ batch: 3 });
    expect(fake.stats.innerByKind).toEqual({ 'item.create': 45 });
    expect(created.map((c) => c.title.nl)).toEqual(values.map((v) => v.title.nl));
    for (const c of created) expect((await store.entries.get(c.id))?.title.nl).toBe(c.title.nl);
  });

  test('batch responses are read even when the header is spelled content-type', async () => {
    await setUp({ batchContentTypeHeader: 'content-type' });
    const created = await store.entries.createMany([entry(1), entry(2)]);
    expect(created.map((c) => c.id).sort()).toEqual(['1', '2']);
  });

  test('a top-level 429 is retried after its Retry-After and nothing is lost', async () => {
    await setUp();
    seedEntries(fake, 3);
    fake.throttleNext(1, 1);
    expect(await store.entries.list()).toHaveLength(3);
    expect(fake.stats.throttled).toBe(1);
    expect(fake.stats.byKind['items.list']).toBe(2);
    expect(gaps(fake, 'items.list')[0]).toBeGreaterThanOrEqual(0.95);

    fake.resetStats();
    fake.throttleNext(1, 1, { status: 503 });
    const created = await store.entries.createMany(Array.from({ length: 21 }, (_, i) => entry(i)));
    expect(created).toHaveLength(21);
    expect(fake.itemCount(ENTRIES)).toBe(24);
    expect(fake.stats.byKind.batch).toBe(3);
  });

  test('throttled inner batch requests are re-queued after the largest Retry-After', async () => {
    await setUp({ batchOrder: 'random' });
    fake.throttleNext(5, 1, { target: 'batchItem' });
    const values = Array.from({ length: 45 }, (_, i) => entry(i + 1));
    const created = await store.entries.createMany(values);
    expect(created.map((c) => c.title.nl)).toEqual(values.map((v) => v.title.nl));
    expect(new Set(created.map((c) => c.id)).size).toBe(45);
    expect(fake.itemCount(ENTRIES)).toBe(45);
    expect(fake.stats.throttled).toBe(5);
    // 45 requests plus 5 re-queued ones, still packed 20 a batch.
    expect(fake.stats.byKind.batch).toBe(Math.ceil(50 / 20));
    expect(fake.stats.innerByKind['item.create']).toBe(50);
    expect(gaps(fake, 'batch')[0]).toBeGreaterThanOrEqual(0.95);
  });

  test('a stale eTag: 412 from Graph becomes ConflictError with the current version', async () => {
    await setUp();
    const created = await store.entries.create(entry(1));
    const fresh = await store.entries.update(created.id, entry(1, { status: 'decided' }), created.etag);
    fake.resetStats();
    const error = await store.entries.update(created.id, entry(1, { status: 'stopped' }), created.etag).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toEqual(fresh);
    expect(fake.stats.byKind).toEqual({ 'item.update': 1, 'item.get': 1 });
  });

  test('an existing unique key rejected inside a batch becomes DuplicateKeyError', async () => {
    await setUp();
    await store.votes.create(vote('p', 'u1'));
    await expect(store.votes.createMany([vote('p', 'u2'), vote('p', 'u1')])).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  test('403 accessDenied becomes StoreUnavailableError with a message people can act on', async () => {
    await setUp();
    fake.failNext(1, 403, 'accessDenied', 'Access denied');
    const error = await store.entries.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    const message = (error as StoreUnavailableError).message;
    expect(message).toContain('(403 accessDenied)');
    expect(message).toContain('Sites.Selected');
    expect(message).toContain(fake.siteId);
    expect(message).not.toMatch(/\n\s+at /);
    expect((error as StoreUnavailableError).status).toBe(403);

    const other = await startGraphFake();
    try {
      other.failNext(1, 403, 'accessDenied', 'Access denied');
      const initError = await openGraphStoreOnFake(other).catch((e: unknown) => e);
      expect(initError).toBeInstanceOf(StoreUnavailableError);
      expect((initError as Error).message).toMatch(/manage to create lists/);
    } finally {
      await other.close();
    }
  });

  test('throttling that outlasts the retries is reported as unavailable', async () => {
    await setUp({}, { retry: { maxRetries: 2 } });
    fake.throttleNext(3, 0);
    const error = await store.entries.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/429 TooManyRequests.*throttling/);
    expect(fake.stats.byKind['items.list']).toBe(3);
  });

  test('every request carries the bearer token and the decorated User-Agent, and no Prefer header', async () => {
    await setUp();
    await store.entries.createMany([entry(1), entry(2)]);
    const [one] = await store.entries.list({ field: 'status', equals: 'proposed' });
    await store.entries.update(one.id, entry(1), one.etag);
    await store.entries.remove(one.id, '*');
    expect(fake.stats.requests).toBe(4);
    expect(new Set(fake.stats.authorizations)).toEqual(new Set(['Bearer test-token']));
    expect(new Set(fake.stats.userAgents)).toEqual(new Set([DEFAULT_USER_AGENT]));
    expect(fake.stats.preferHeaders).toEqual([]);
  });
});

describe('provisioning', () => {
  let fake: GraphFake;
  afterEach(async () => {
    await fake?.close();
  });

  async function columnsOf(listName: string): Promise<Array<Record<string, unknown>>> {
    const response = await fetch(`${fake.url}/sites/${fake.siteId}/lists?$expand=columns`, { headers: { Authorization: 'Bearer probe' } });
    const lists = (await response.json()) as { value: Array<{ displayName: string; columns: Array<Record<string, unknown>> }> };
    return lists.value.find((l) => l.displayName === listName)?.columns ?? [];
  }

  test('creates every list once with typed, indexed and unique columns; a second init only reads', async () => {
    fake = await startGraphFake();
    await openGraphStoreOnFake(fake);
    // one metadata read, the creates, and one read that verifies them
    expect(fake.stats.byKind).toEqual({ 'lists.get': 2, 'lists.create': COLLECTION_NAMES.length });
    expect(fake.listNames()).toEqual(expect.arrayContaining([ENTRIES, 'SynergyRegisterVotes', 'SynergyRegisterConversations']));
    const votes = await columnsOf('SynergyRegisterVotes');
    expect(votes.find((c) => c.name === 'SrBallotKey')).toMatchObject({ indexed: true, enforceUniqueValues: true, text: {} });
    expect(votes.find((c) => c.name === 'SrPollId')).toMatchObject({ indexed: true, enforceUniqueValues: false });
    expect(votes.find((c) => c.name === 'RecordJson')).toMatchObject({ indexed: false, text: { allowMultipleLines: true, textType: 'plain' } });
    const entries = await columnsOf(ENTRIES);
    expect(entries.find((c) => c.name === 'SrStartYear')).toMatchObject({ indexed: true, number: {} });
    expect((await columnsOf('SynergyRegisterActions')).find((c) => c.name === 'SrDueDate')).toMatchObject({ indexed: true, dateTime: {} });

    fake.resetStats();
    const again = await openGraphStoreOnFake(fake);
    await again.init();
    expect(fake.stats.byKind).toEqual({ 'lists.get': 2 });
  });

  test('adds only the missing columns to a list that exists already', async () => {
    fake = await startGraphFake();
    await fetch(`${fake.url}/sites/${fake.siteId}/lists`, {
      method: 'POST',
      headers: { Authorization: 'Bearer probe', 'Content-Type': 'application/json' },
      body: JSON.stringify({ displayName: ENTRIES, columns: [{ name: 'SrStatus', text: {}, indexed: true }], list: { template: 'genericList' } }),
    });
    fake.resetStats();
    const store = await openGraphStoreOnFake(fake);
    // the four indexed columns the list lacks, the create key and RecordJson
    expect(fake.stats.byKind).toEqual({ 'lists.get': 2, 'lists.create': COLLECTION_NAMES.length - 1, 'columns.create': 5 });
    const created = await store.entries.create(entry(1));
    expect(await store.entries.list({ field: 'startYear', equals: created.startYear })).toEqual([created]);
  });
});
