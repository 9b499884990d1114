import { Register } from '../../src/register/register-service';
import { withReadCache } from '../../src/store/read-cache';
import { type GraphFake, startGraphFake } from '../fakes/graph-fake';
import { openGraphStoreOnFake } from '../fakes/graph/store-on-fake';
import { action, entry } from '../contract/records';

/**
 * The register's reads go to the store's indexes on SharePoint: a filtered page reads the filtered items, "open
 * actions" the open ones, a domain its entries; never the whole list for a part of it.
 */
describe('read paths on the SharePoint store', () => {
  let fake: GraphFake;
  let register: Register;

  beforeAll(async () => {
    fake = await startGraphFake({ batchOrder: 'request' });
    const graph = await openGraphStoreOnFake(fake, { pageSize: 200 });
    // 1 000 entries (60 decided, 30 in ICT), 1 000 actions (40 still open)
    const entries = await graph.entries.createMany(
      Array.from({ length: 1000 }, (_, i) => entry(i + 1, { status: i % 50 < 3 ? 'decided' : 'proposed', domain: i % 100 < 3 ? 'ICT' : 'FIN' })),
    );
    await graph.actions.createMany(
      Array.from({ length: 1000 }, (_, i) => action(i + 1, { entryId: entries[i].id, ...(i % 25 === 0 ? {} : { status: 'done', doneDate: '2026-01-10' }) })),
    );
    register = new Register(withReadCache(graph, { ttlMs: 30_000 }), { now: () => new Date('2026-03-01T10:00:00Z') });
  }, 60_000);
  afterAll(async () => fake.close());

  const cost = async <T>(read: () => Promise<T>): Promise<{ result: T; requests: number }> => {
    fake.resetStats();
    const result = await read();
    return { result, requests: fake.stats.requests };
  };

  test('a page filtered on status or domain: one indexed read, not five pages of the whole list', async () => {
    const decided = await cost(() => register.entries.page({ status: 'decided' }, 0, 50));
    expect(decided.result.total).toBe(60);
    expect(decided.result.items).toHaveLength(50);
    expect(decided.result.countsByStatus).toEqual({ decided: 60 });
    expect(decided.requests).toBe(1);
    const ict = await cost(() => register.entries.page({ domain: 'ICT' }, 0, 50));
    expect(ict.result.total).toBe(30);
    // one indexed read per code of the domain: ICT and its sub-domain ICT.SEC
    expect(ict.requests).toBe(2);
    expect(fake.stats.preferHeaders).toEqual([]);
  });

  test('a page asked again costs nothing while the cache holds; a write through it shows on the next page', async () => {
    await register.entries.page({ status: 'decided' }, 0, 50);
    const again = await cost(() => register.entries.page({ status: 'decided' }, 50, 50));
    expect(again.result.items).toHaveLength(10);
    expect(again.requests).toBe(0);
    const created = await register.entries.create(entry(5000, { status: 'decided' }), { name: 'Clerk' });
    const after = await cost(() => register.entries.page({ status: 'decided' }, 0, 100));
    expect(after.result.total).toBe(61);
    expect(after.result.items.map((e) => e.id)).toContain(created.id);
    expect(after.requests).toBe(0);
    await register.entries.remove(created.id, { name: 'Clerk' }, (await register.entries.get(created.id)).etag);
  });

  test('open actions: the open statuses only (40 of 1 000 actions), sorted by due date', async () => {
    const open = await cost(() => register.actions.query({ open: true }));
    expect(open.result).toHaveLength(40);
    expect(open.requests).toBe(2); // "open" and "in progress", one page each
    const dues = open.result.map((a) => a.dueDate ?? '');
    expect([...dues].sort()).toEqual(dues);
  });
});
