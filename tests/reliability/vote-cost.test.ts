import { Register } from '../../src/register/register-service';
import { withReadCache } from '../../src/store/read-cache';
import type { RegisterStore } from '../../src/store/store';
import { type GraphFake, startGraphFake } from '../fakes/graph-fake';
import { openGraphStoreOnFake } from '../fakes/graph/store-on-fake';

/**
 * A vote on SharePoint costs at most two Graph requests (the poll as it stands, the ballot written), its answer
 * (the tally, the voter's view) none more, and a vote that was stored is never reported as failed.
 */
describe('votes on the SharePoint store', () => {
  let fake: GraphFake;
  let store: RegisterStore;
  let register: Register;
  let pollId: string;
  const chair = { id: 'chair', name: 'Chair' };

  beforeEach(async () => {
    fake = await startGraphFake();
    store = withReadCache(await openGraphStoreOnFake(fake), { ttlMs: 30_000 });
    register = new Register(store, { now: () => new Date('2026-03-01T10:00:00Z') });
    const group = await register.focusGroups.create({ domain: 'ICT', name: { nl: 'ICT' } });
    const poll = await register.polls.create({ focusGroupId: group.id, question: 'Akkoord?', options: ['ja', 'nee'] }, chair, { publish: false });
    pollId = poll.id;
    // the card was drawn when the poll was posted: the ballots and the focus group (for the buttons) were read
    await register.polls.view(pollId, { id: 'someone' });
  });
  afterEach(async () => fake.close());

  test('each vote and the view it answers with: at most 2 requests; a change of mind too', async () => {
    for (let i = 0; i < 12; i++) {
      fake.resetStats();
      const voter = { id: `v${i}`, name: `Voter ${i}` };
      const result = await register.polls.vote(pollId, voter, [i % 2 ? 'o1' : 'o2']);
      const view = await register.polls.view(result.poll, voter);
      expect(view.myBallot).toEqual([i % 2 ? 'o1' : 'o2']);
      expect(result.tally?.ballots).toBe(i + 1);
      expect(fake.stats.requests).toBeLessThanOrEqual(2);
    }
    fake.resetStats();
    const changed = await register.polls.vote(pollId, { id: 'v3', name: 'Voter 3' }, ['o2']);
    expect(changed.changed).toBe(true);
    expect(fake.stats.requests).toBeLessThanOrEqual(2);
    fake.resetStats();
    const again = await register.polls.vote(pollId, { id: 'v3', name: 'Voter 3' }, ['o2']);
    expect(again.changed).toBe(false);
    expect(fake.stats.requests).toBeLessThanOrEqual(2);
    const fresh = await register.polls.votes(pollId, { fresh: true });
    expect(fresh).toHaveLength(12);
    expect(fresh.find((v) => v.voter.id === 'v3')?.optionIds).toEqual(['o2']);
  });

  test('100 concurrent voters: every ballot stored and counted, about 2 requests each', async () => {
    fake.resetStats();
    const voters = Array.from({ length: 100 }, (_, i) => ({ id: `c${i}`, name: `Voter ${i}` }));
    const results = await Promise.all(voters.map((v, i) => register.polls.vote(pollId, v, [i % 4 ? 'o1' : 'o2'])));
    expect(results.every((r) => r.vote.pollId === pollId)).toBe(true);
    expect(fake.stats.requests).toBeLessThanOrEqual(2 * voters.length + 2);
    const { tally } = await register.polls.tally(pollId);
    expect(tally.ballots).toBe(100);
    expect(tally.options.map((o) => o.count)).toEqual([75, 25]);
    expect(await register.polls.votes(pollId, { fresh: true })).toHaveLength(100);
  });

  test('the ballots cannot be read after the vote: the vote still stands and is reported as stored', async () => {
    const other = withReadCache(await openGraphStoreOnFake(fake), { ttlMs: 30_000 });
    const cold = new Register(other, register.clock);
    // both ballot reads fail (before the write and after it), the poll read and the ballot write go through
    fake.failNext(2, 500, 'generalException', 'SharePoint failed', 'request', { kind: 'items.list', list: 'SynergyRegisterVotes' });
    const result = await cold.polls.vote(pollId, { id: 'late', name: 'Late voter' }, ['o1']);
    expect(result.vote.optionIds).toEqual(['o1']);
    expect(result.tally).toBeUndefined();
    const stored = await register.polls.votes(pollId, { fresh: true });
    expect(stored.map((v) => v.voter.id)).toContain('late');
  });
});
