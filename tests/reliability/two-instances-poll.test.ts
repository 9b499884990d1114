import type { PollService } from '../../src/register/polls/service';
import { Register } from '../../src/register/register-service';
import { withReadCache } from '../../src/store/read-cache';
import type { RegisterStore } from '../../src/store/store';
import { type GraphFake, startGraphFake } from '../fakes/graph-fake';
import { openGraphStoreOnFake } from '../fakes/graph/store-on-fake';

/**
 * Two server instances on one SharePoint site, each with its 30-second read cache: a poll closed on instance A
 * counts the ballots instance B stored a moment ago, and its outcome decision joins the decisions B recorded
 * on the same entry instead of overwriting them.
 */
let fake: GraphFake;
let a: { store: RegisterStore; register: Register; polls: PollService };
let b: typeof a;

async function instance() {
  const store = withReadCache(await openGraphStoreOnFake(fake), { ttlMs: 30_000 });
  const register = new Register(store, undefined, { defaultLanguage: 'en' });
  return { store, register, polls: register.polls };
}

beforeAll(async () => {
  fake = await startGraphFake({ batchOrder: 'random' });
  a = await instance();
  b = await instance();
});
afterAll(async () => fake.close());

test("closing on A counts what B stored (no stale read decides), and the outcome keeps B's decisions", async () => {
  const group = await a.register.focusGroups.create({ domain: 'ICT', name: { nl: 'ICT' } });
  const entry = await a.register.entries.create(
    { title: { nl: 'E' }, domain: 'ICT', status: 'proposed', kind: 'synergy', formalisation: 'agreement' },
    { name: 'T' },
  );
  const poll = await a.polls.create({ focusGroupId: group.id, entryId: entry.id, question: 'Go?', options: ['yes', 'no'] }, { id: 'ann', name: 'Ann' });
  for (let i = 0; i < 5; i++) await a.polls.vote(poll.id, { id: `a${i}`, name: `A ${i}` }, ['o1']);
  expect((await a.polls.tally(poll.id)).tally.ballots).toBe(5); // A's cache now holds 5 ballots

  await Promise.all(Array.from({ length: 30 }, (_, i) => b.polls.vote(poll.id, { id: `b${i}`, name: `B ${i}` }, ['o2'])));
  await Promise.all(
    Array.from({ length: 5 }, (_, i) =>
      b.register.entries.recordDecision(entry.id, { body: 'college', date: '2026-03-01', text: { nl: `College ${i}` }, outcome: 'approved' }, { name: 'Secr' }),
    ),
  );

  const closed = await a.polls.close(poll.id, 'ann');
  expect(closed.tally.ballots).toBe(35);
  expect(closed.tally.options.map((o) => o.count)).toEqual([5, 30]);
  const stored = await a.store.entries.get(entry.id);
  expect(stored!.decisions).toHaveLength(6);
  expect(stored!.decisions.filter((d) => d.pollId === poll.id)).toHaveLength(1);
});
