import { DOMAIN_CODES, type EntryFilter } from '../../src/domain';
import { Register } from '../../src/register/register-service';
import { withReadCache } from '../../src/store/read-cache';
import type { RegisterStore } from '../../src/store/store';
import { withTallies } from '../../src/store/tally';
import { type GraphFake, startGraphFake } from '../fakes/graph-fake';
import { openGraphStoreOnFake } from '../fakes/graph/store-on-fake';
import { entry } from '../contract/records';

/**
 * On SharePoint the register page reads its counts from the entries' tally (one record kept beside the list as
 * entries are written) and its entries from the domains the page covers: a few requests however large the register,
 * and the same page, counts and order as reading every entry. Counts that went wrong are counted again.
 */
describe('the register page from the entries tally on the SharePoint store', () => {
  let fake: GraphFake;
  let graph: RegisterStore;
  /** what a page should be: the register read whole (no tally), as before */
  let reference: Register;
  const clerk = { name: 'Clerk' };
  const STATUSES = ['proposed', 'decided', 'in_progress', 'existing'] as const;
  const DOMAINS = ['FIN', 'ICT', 'ICT.SEC', 'HR', 'SOC'].filter((d) => (DOMAIN_CODES as readonly string[]).includes(d)) as Array<(typeof DOMAIN_CODES)[number]>;

  /** A server that has read nothing yet: a new read cache and tally layer on the same lists. */
  const coldRegister = () => new Register(withTallies(withReadCache(graph, { ttlMs: 30_000 })));

  const cost = async <T>(read: () => Promise<T>): Promise<{ result: T; requests: number }> => {
    fake.resetStats();
    const result = await read();
    return { result, requests: fake.stats.requests };
  };

  const expectSamePage = async (register: Register, filter: EntryFilter, offset: number, limit: number) => {
    const [got, want] = await Promise.all([register.entries.page(filter, offset, limit), reference.entries.page(filter, offset, limit)]);
    expect(got.items.map((e) => e.id)).toEqual(want.items.map((e) => e.id));
    expect({ total: got.total, byDomain: got.countsByDomain, byStatus: got.countsByStatus }).toEqual({
      total: want.total,
      byDomain: want.countsByDomain,
      byStatus: want.countsByStatus,
    });
  };

  beforeAll(async () => {
    fake = await startGraphFake({ batchOrder: 'request' });
    graph = await openGraphStoreOnFake(fake, { pageSize: 200 });
    // 3 000 entries written before any tally existed (as in a register that had none yet)
    await graph.entries.createMany(
      Array.from({ length: 3000 }, (_, i) => entry(i + 1, { domain: DOMAINS[(i * 7) % DOMAINS.length], status: STATUSES[(i * 3) % STATUSES.length] })),
    );
    reference = new Register(graph);
    // the first server to read the register counts it once
    const first = withTallies(withReadCache(graph, { ttlMs: 30_000 }));
    expect(await first.entries.tally!()).toBeUndefined();
    await first.entries.recount!();
  }, 120_000);
  afterAll(async () => fake.close());

  test('a cold first page costs at most three requests and is the page the whole register gives', async () => {
    const register = coldRegister();
    const first = await cost(() => register.entries.page({}, 0, 50));
    expect(first.requests).toBeLessThanOrEqual(3);
    expect(first.result.total).toBe(3000);
    await expectSamePage(coldRegister(), {}, 0, 50);
  });

  test('a cold page filtered by status, by domain with its sub-domains, or by start year: at most three requests, the same page', async () => {
    for (const filter of [{ status: 'decided' }, { domain: 'ICT' }, { year: 2022 }, { domain: 'FIN', status: 'existing' }] as EntryFilter[]) {
      const register = coldRegister();
      const { requests } = await cost(() => register.entries.page(filter, 0, 50));
      expect({ filter, requests, withinThree: requests <= 3 }).toMatchObject({ filter, withinThree: true });
      await expectSamePage(coldRegister(), filter, 0, 50);
    }
  });

  test('pages further on, across the end of one domain into the next, are the same as the whole register gives', async () => {
    const register = coldRegister();
    for (const offset of [50, 550, 590, 1190, 2990]) await expectSamePage(register, {}, offset, 50);
    await expectSamePage(register, { status: 'proposed' }, 140, 50);
  });

  test('creates, edits that move an entry to another status or domain, and removals move the counts, from two servers at once', async () => {
    const one = coldRegister();
    const two = coldRegister();
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).entries.create(entry(9000 + i, { domain: 'ICT', status: 'decided' }), clerk)),
    );
    await one.entries.update(created[0].id, { status: 'proposed', domain: 'FIN' }, clerk, created[0].etag);
    await two.entries.remove(created[1].id, clerk, created[1].etag);
    for (const filter of [{}, { status: 'decided' }, { domain: 'ICT' }, { domain: 'FIN', status: 'proposed' }] as EntryFilter[]) {
      await expectSamePage(coldRegister(), filter, 0, 50);
    }
    expect((await coldRegister().entries.page({}, 0, 1)).total).toBe(3009);
  });

  test('counts left wrong by a write that went around them are found by the page that comes up short, and counted again', async () => {
    const [victim] = await graph.entries.list({ field: 'domain', equals: 'SOC' });
    await graph.entries.remove(victim.id, victim.etag);
    const register = coldRegister();
    // the tally still counts the removed entry: the page reads fewer than counted, answers from the register itself
    const soc = await register.entries.page({ domain: 'SOC' }, 0, 1000);
    expect(soc.items.map((e) => e.id)).not.toContain(victim.id);
    expect(soc.total).toBe(soc.items.length);
    const store = withTallies(withReadCache(graph, { ttlMs: 30_000 }));
    await store.entries.recount!();
    await expectSamePage(new Register(store), { domain: 'SOC' }, 0, 1000);
    expect((await store.entries.tally!())!.rows.reduce((n, r) => n + r.count, 0)).toBe((await graph.entries.list()).length);
  });

  test('a status few entries hold, spread over every domain, is read through its own index at once', async () => {
    const writer = coldRegister();
    for (let i = 0; i < 40; i++) await writer.entries.create(entry(7000 + i, { domain: DOMAINS[i % DOMAINS.length], status: 'stopped' }), clerk);
    const { requests } = await cost(() => coldRegister().entries.page({ status: 'stopped' }, 0, 50));
    expect(requests).toBeLessThanOrEqual(2);
    await expectSamePage(coldRegister(), { status: 'stopped' }, 0, 50);
    await expectSamePage(coldRegister(), { status: 'stopped' }, 20, 10);
  });

  test('the many writes of one task (an import) move the tally once, edits by the versions they name, and pages follow', async () => {
    const store = withTallies(withReadCache(graph, { ttlMs: 30_000 }));
    await store.entries.tally!();
    const [a, b] = await graph.entries.list({ field: 'domain', equals: 'HR' });
    fake.resetStats();
    await store.entries.countTogether!(async () => {
      for (let step = 0; step < 3; step++) {
        const values = Array.from({ length: 20 }, (_, i) => entry(8000 + step * 20 + i, { domain: 'ICT', status: 'decided' }));
        await store.entries.createManyOnce(
          values,
          values.map((_, i) => `task:${step}:${i}`),
        );
      }
      const moved = [a, b].map(({ id, etag, ...value }) => ({ id, ifMatch: etag, value: { ...value, status: 'rejected' as const }, before: value }));
      await store.entries.updateMany(moved);
    });
    // three $batch of creates, one of edits, and one write of the counts
    expect(fake.stats.requests).toBe(5);
    for (const filter of [{}, { status: 'rejected' }, { domain: 'ICT' }, { domain: 'HR' }] as EntryFilter[])
      await expectSamePage(coldRegister(), filter, 0, 50);
  });
});
