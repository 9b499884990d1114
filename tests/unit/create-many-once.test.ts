import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withReadCache } from '../../src/store/read-cache';
import { createLocalStore } from '../../src/store/local/local-store';
import type { RegisterStore } from '../../src/store/store';
import { entry } from '../contract/records';
import { type GraphFake, startGraphFake } from '../fakes/graph-fake';
import { openGraphStoreOnFake } from '../fakes/graph/store-on-fake';

/**
 * createManyOnce: many idempotent creates at once. On both stores a repeated or concurrent call creates nothing
 * twice and answers in input order; on SharePoint new records cost one $batch per 20 and nothing else.
 */

const ENTRIES_LIST = 'SynergyRegisterEntries';
const keys = (n: number, prefix = 'import:f00d:m') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const values = (n: number) => Array.from({ length: n }, (_, i) => entry(i + 1));
const titleOf = (record: { title: { nl?: string } }) => record.title.nl;

interface Subject {
  store: RegisterStore;
  fake?: GraphFake;
  cleanup(): Promise<void>;
}

const SUBJECTS: Record<'local' | 'graph', () => Promise<Subject>> = {
  async local() {
    const dir = await mkdtemp(path.join(tmpdir(), 'synergy-once-'));
    const store = createLocalStore(dir);
    await store.init();
    return {
      store,
      cleanup: async () => {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
  async graph() {
    const fake = await startGraphFake({ batchOrder: 'random' });
    // retries of throttled inner requests wait no real time
    const store = await openGraphStoreOnFake(fake, { pageSize: 50, batch: { sleep: async () => undefined } });
    return { store, fake, cleanup: () => fake.close() };
  },
};

describe.each(Object.keys(SUBJECTS) as Array<keyof typeof SUBJECTS>)('createManyOnce on the %s store', (kind) => {
  let subject: Subject;
  beforeEach(async () => {
    subject = await SUBJECTS[kind]();
  });
  afterEach(async () => subject.cleanup());

  test('creates in input order; the same call again creates nothing and finds the same records', async () => {
    const first = await subject.store.entries.createManyOnce(values(45), keys(45));
    expect(first.map((r) => titleOf(r.record))).toEqual(values(45).map((v) => v.title.nl));
    expect(first.every((r) => r.created)).toBe(true);
    const again = await subject.store.entries.createManyOnce(values(45), keys(45));
    expect(again.every((r) => !r.created)).toBe(true);
    expect(again.map((r) => r.record.id)).toEqual(first.map((r) => r.record.id));
    expect(await subject.store.entries.count()).toBe(45);
  });

  test('a call cut short and made again (a longer list) creates only the missing records', async () => {
    const part = await subject.store.entries.createManyOnce(values(30), keys(30));
    const whole = await subject.store.entries.createManyOnce(values(50), keys(50));
    expect(whole.filter((r) => r.created).map((r) => titleOf(r.record))).toEqual(
      values(50)
        .slice(30)
        .map((v) => v.title.nl),
    );
    expect(whole.slice(0, 30).map((r) => r.record.id)).toEqual(part.map((r) => r.record.id));
    expect(await subject.store.entries.count()).toBe(50);
  });

  test('two concurrent calls with the same keys (two servers confirming at once) create each record once', async () => {
    const [a, b] = await Promise.all([subject.store.entries.createManyOnce(values(41), keys(41)), subject.store.entries.createManyOnce(values(41), keys(41))]);
    expect(a.map((r) => r.record.id)).toEqual(b.map((r) => r.record.id));
    // each record was created by exactly one of the two
    a.forEach((r, i) => expect(Number(r.created) + Number(b[i].created)).toBe(1));
    expect(await subject.store.entries.count()).toBe(41);
  });

  test('a key given twice in one call names one record, created once', async () => {
    const result = await subject.store.entries.createManyOnce([entry(1), entry(2), entry(1)], ['k-a', 'k-b', 'k-a']);
    expect(result.map((r) => r.created)).toEqual([true, true, false]);
    expect(result[2].record.id).toBe(result[0].record.id);
    expect(await subject.store.entries.count()).toBe(2);
  });

  test('a key created earlier by createOnce is found inside the batch; one key per value is required', async () => {
    const earlier = await subject.store.entries.createOnce(entry(7), 'k-7');
    const result = await subject.store.entries.createManyOnce([entry(6), entry(7), entry(8)], ['k-6', 'k-7', 'k-8']);
    expect(result.map((r) => r.created)).toEqual([true, false, true]);
    expect(result[1].record).toEqual(earlier.record);
    await expect(subject.store.entries.createManyOnce([entry(1)], [])).rejects.toThrow(/one request key per value/);
    expect(await subject.store.entries.createManyOnce([], [])).toEqual([]);
  });

  test('updateMany replaces each record still at the version it names; a changed or removed one answers undefined', async () => {
    const created = (await subject.store.entries.createManyOnce(values(4), keys(4))).map((r) => r.record);
    const moved = await subject.store.entries.update(created[1].id, entry(2, { status: 'decided' }), created[1].etag);
    await subject.store.entries.remove(created[3].id, created[3].etag);
    const changes = created.map((record, i) => ({ id: record.id, value: entry(i + 1, { status: 'in_progress' }), ifMatch: record.etag }));
    const results = await subject.store.entries.updateMany(changes);
    expect(results.map((r) => r?.status)).toEqual(['in_progress', undefined, 'in_progress', undefined]);
    expect((await subject.store.entries.get(created[1].id))?.etag).toBe(moved.etag);
    expect((await subject.store.entries.get(created[2].id))?.etag).toBe(results[2]!.etag);
    expect((await subject.store.entries.get(created[0].id))?.status).toBe('in_progress');
  });

  test('through the read cache, a cached list shows the created records at once', async () => {
    const cached = withReadCache(subject.store, { ttlMs: 60_000 });
    await cached.entries.createManyOnce(values(3), keys(3));
    expect(await cached.entries.list()).toHaveLength(3);
    await cached.entries.createManyOnce([...values(3), entry(4), entry(4)], [...keys(3), 'k-4', 'k-4']);
    const listed = await cached.entries.list();
    // (the fake answers a $batch in random order, so ids need not follow the input's order)
    expect(listed.map(titleOf).sort()).toEqual(['Maatregel 1', 'Maatregel 2', 'Maatregel 3', 'Maatregel 4']);
    expect(listed.map((r) => Number(r.id))).toEqual([...listed.map((r) => Number(r.id))].sort((a, b) => a - b));
  });
});

describe('createManyOnce on SharePoint: requests and failures', () => {
  let fake: GraphFake;
  let store: RegisterStore;
  beforeEach(async () => {
    fake = await startGraphFake({ batchOrder: 'random' });
    store = await openGraphStoreOnFake(fake, { pageSize: 50, batch: { sleep: async () => undefined } });
    fake.resetStats();
  });
  afterEach(async () => fake.close());

  test('new records cost one $batch per 20 and no read; records already there cost one read per 20 more', async () => {
    await store.entries.createManyOnce(values(45), keys(45));
    expect(fake.stats.requests).toBe(3);
    expect(fake.stats.byKind).toEqual({ batch: 3 });
    expect(fake.stats.innerByKind).toEqual({ 'item.create': 45 });
    fake.resetStats();
    await store.entries.createManyOnce(values(45), keys(45));
    expect(fake.stats.requests).toBe(6);
    expect(fake.stats.innerByKind).toEqual({ 'item.create': 45, 'items.list': 45 });
  });

  test('25 conditional replaces cost two $batch requests, each PATCH carrying its If-Match', async () => {
    const created = (await store.entries.createManyOnce(values(25), keys(25))).map((r) => r.record);
    fake.resetStats();
    const results = await store.entries.updateMany(
      created.map((record, i) => ({ id: record.id, value: entry(i + 1, { status: 'decided' }), ifMatch: record.etag })),
    );
    expect(results.every((r) => r?.status === 'decided')).toBe(true);
    expect(fake.stats.requests).toBe(2);
    expect(fake.stats.innerByKind).toEqual({ 'item.update': 25 });
    // the versions named are now stale: every replace is refused, none is written
    expect(await store.entries.updateMany(created.slice(0, 3).map((record) => ({ id: record.id, value: entry(9), ifMatch: record.etag })))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  test('a duplicate answer in any of SharePoint’s shapes (400, 409, 500) resolves to the existing item', async () => {
    for (const status of [400, 500] as const) {
      const other = await startGraphFake({ duplicateKeyStatus: status });
      const onOther = await openGraphStoreOnFake(other, { batch: { sleep: async () => undefined } });
      await onOther.entries.createManyOnce(values(2), keys(2));
      const again = await onOther.entries.createManyOnce(values(3), keys(3));
      expect(again.map((r) => r.created)).toEqual([false, false, true]);
      expect(other.itemCount(ENTRIES_LIST)).toBe(3);
      await other.close();
    }
  });

  test('creates refused mid-way (503 beyond the retries) fail the call; the same call again writes only what is missing', async () => {
    // no retry of a throttled inner request: the 503 stands at once
    const impatient = await openGraphStoreOnFake(fake, { pageSize: 50, batch: { sleep: async () => undefined, maxAttempts: 1 } });
    fake.setBatchOrder('request');
    fake.failNext(5, 503, 'serviceNotAvailable', 'The service is temporarily unavailable.', 'batchItem', { kind: 'item.create' });
    await expect(impatient.entries.createManyOnce(values(60), keys(60))).rejects.toThrow(/503/);
    // the other 55 were written and stay
    expect(fake.itemCount(ENTRIES_LIST)).toBe(55);
    const again = await impatient.entries.createManyOnce(values(60), keys(60));
    expect(again.filter((r) => r.created).map((r) => titleOf(r.record))).toEqual(values(5).map((v) => v.title.nl));
    expect(fake.itemCount(ENTRIES_LIST)).toBe(60);
    expect(new Set(again.map((r) => r.record.id)).size).toBe(60);
  });

  test('a throttled create is sent again and lands once', async () => {
    fake.throttleNext(7, 1, { target: 'batchItem' });
    const result = await store.entries.createManyOnce(values(25), keys(25));
    expect(result.every((r) => r.created)).toBe(true);
    expect(fake.itemCount(ENTRIES_LIST)).toBe(25);
  });
});
