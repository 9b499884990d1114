import { withReadCache } from '../../src/store/read-cache';
import { Register } from '../../src/register/register-service';
import type { RegisterStore } from '../../src/store/store';
import { type GraphFake, startGraphFake } from '../fakes/graph-fake';
import { resourceUnitsOf } from '../fakes/graph/budget';
import { openGraphStoreOnFake } from '../fakes/graph/store-on-fake';
import { entry } from '../contract/records';

/**
 * The Graph fake throttles like SharePoint under load (a resource-unit budget per window, 429 with Retry-After,
 * inner $batch requests refused one by one), and the store backs off and still finishes every write. (The list
 * view threshold on columns that are not indexed: strict-graph.test.ts.)
 */
describe('SharePoint throttling by resource units', () => {
  let fake: GraphFake;
  let store: RegisterStore;

  beforeEach(async () => {
    // 40 units a second: twenty creates, or forty single reads
    fake = await startGraphFake({ batchOrder: 'random', resourceBudget: { units: 40, windowMs: 1_000 } });
    store = await openGraphStoreOnFake(fake, { retry: { maxRetries: 8 }, batch: { maxAttempts: 10 } });
    fake.resetStats();
  });
  afterEach(async () => fake.close());

  test('costs as SharePoint counts them', () => {
    expect([
      resourceUnitsOf('item.get'),
      resourceUnitsOf('items.list'),
      resourceUnitsOf('item.create'),
      resourceUnitsOf('item.update'),
      resourceUnitsOf('batch'),
    ]).toEqual([1, 2, 2, 2, 0]);
  });

  test('single creates over the budget: refused with 429 and Retry-After, retried after it, all stored', async () => {
    const created = await Promise.all(Array.from({ length: 30 }, (_, i) => store.entries.create(entry(i + 1))));
    expect(new Set(created.map((e) => e.id)).size).toBe(30);
    expect(fake.stats.throttled).toBeGreaterThan(0);
    expect(fake.itemCount('SynergyRegisterEntries')).toBe(30);
  }, 30_000);

  test('a $batch whose inner requests are throttled one by one: they are sent again after the largest Retry-After', async () => {
    const created = await store.entries.createMany(Array.from({ length: 45 }, (_, i) => entry(i + 1)));
    expect(created).toHaveLength(45);
    expect(fake.stats.throttled).toBeGreaterThan(0);
    expect(fake.itemCount('SynergyRegisterEntries')).toBe(45);
  }, 30_000);

  test('votes under throttling: every ballot stored, every voter told so', async () => {
    const register = new Register(withReadCache(store, { ttlMs: 30_000 }), { now: () => new Date('2026-03-01T10:00:00Z') });
    const group = await register.focusGroups.create({ domain: 'ICT', name: { nl: 'ICT' } });
    const poll = await register.polls.create(
      { focusGroupId: group.id, question: 'Akkoord?', options: ['ja', 'nee'] },
      { id: 'chair', name: 'Chair' },
      { publish: false },
    );
    fake.resetStats();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => register.polls.vote(poll.id, { id: `v${i}`, name: `V${i}` }, ['o1'])));
    expect(results.every((r) => r.vote.optionIds[0] === 'o1')).toBe(true);
    expect(fake.stats.throttled).toBeGreaterThan(0);
    expect(await register.polls.votes(poll.id, { fresh: true })).toHaveLength(40);
  }, 60_000);
});
