import type { Poll, Vote } from '../../src/domain/model';
import { checkBallot, checkPollDraft, closedPoll, isClosed, outcomeOf, parseChoiceValue, tallyOf, winnersOf } from '../../src/domain/poll-rules';

const NOW = new Date('2026-03-01T10:00:00Z');
const poll = (over: Partial<Poll> = {}): Poll & { id: string } => ({
  id: '7',
  focusGroupId: '1',
  entryId: null,
  question: 'Which?',
  options: [
    { id: 'o1', label: 'A' },
    { id: 'o2', label: 'B' },
    { id: 'o3', label: 'C' },
  ],
  multipleChoice: false,
  anonymous: false,
  closesAt: null,
  status: 'open',
  createdBy: { name: 'Ann', id: 'ann' },
  createdAt: '2026-03-01T09:00:00Z',
  closedAt: null,
  message: null,
  language: 'nl',
  requestKey: 'activity:a:chat:1',
  ...over,
});
let n = 0;
const vote = (voter: string, optionIds: string[], pollId = '7'): Vote => ({
  pollId,
  voter: { id: voter, name: voter.toUpperCase() },
  optionIds,
  at: `2026-03-01T09:${String(10 + n++).padStart(2, '0')}:00Z`,
  ballotKey: `${pollId}|${voter}`,
});

describe('ballots', () => {
  test('single choice accepts one known option', () => {
    expect(checkBallot(poll(), ['o2'], NOW)).toEqual({ ok: true, optionIds: ['o2'] });
    expect(checkBallot(poll(), ['o1', 'o2'], NOW)).toEqual({ ok: false, problem: 'single_choice' });
    expect(checkBallot(poll(), [], NOW)).toEqual({ ok: false, problem: 'no_option' });
    expect(checkBallot(poll(), [' '], NOW)).toEqual({ ok: false, problem: 'no_option' });
    expect(checkBallot(poll(), ['o9'], NOW)).toEqual({ ok: false, problem: 'unknown_option', optionId: 'o9' });
  });

  test('multiple choice dedupes and orders by the poll', () => {
    expect(checkBallot(poll({ multipleChoice: true }), ['o3', 'o1', 'o3'], NOW)).toEqual({ ok: true, optionIds: ['o1', 'o3'] });
  });

  test('a closed poll, or one past its closing time, refuses ballots', () => {
    expect(checkBallot(poll({ status: 'closed' }), ['o1'], NOW)).toEqual({ ok: false, problem: 'closed' });
    expect(checkBallot(poll({ closesAt: '2026-03-01T10:00:00Z' }), ['o1'], NOW)).toEqual({ ok: false, problem: 'closed' });
    expect(isClosed(poll({ closesAt: '2026-03-01T10:00:01Z' }), NOW)).toBe(false);
  });

  test('choice set values split on commas', () => {
    expect(parseChoiceValue('o1,o3')).toEqual(['o1', 'o3']);
    expect(parseChoiceValue(['o1', 'o2,o3'])).toEqual(['o1', 'o2', 'o3']);
    expect(parseChoiceValue(undefined)).toEqual([]);
  });
});

describe('tally', () => {
  test('counts one ballot per voter (latest wins), ignores other polls and unknown options', () => {
    const votes = [vote('a', ['o1']), vote('b', ['o2']), vote('a', ['o2']), vote('c', ['o9']), vote('d', ['o1'], 'other')];
    const t = tallyOf(poll(), votes);
    expect(t.ballots).toBe(2);
    expect(t.options.map((o) => o.count)).toEqual([0, 2, 0]);
    expect(t.options[1].voters).toEqual(['B', 'A']);
  });

  test('anonymous polls keep no names; multiple choice counts every ticked option', () => {
    const t = tallyOf(poll({ anonymous: true, multipleChoice: true }), [vote('a', ['o1', 'o2']), vote('b', ['o2'])]);
    expect(t.options.map((o) => [o.count, o.voters])).toEqual([
      [1, []],
      [2, []],
      [0, []],
    ]);
    expect(t.ballots).toBe(2);
  });
});

describe('outcome', () => {
  test('an absolute majority is "approved" and named in three languages', () => {
    const p = poll();
    const t = tallyOf(p, [vote('a', ['o2']), vote('b', ['o2']), vote('c', ['o1'])]);
    const o = outcomeOf(p, t);
    expect(o.outcome).toBe('approved');
    expect(o.winners).toEqual(['o2']);
    expect(o.text.en).toBe('Focus group poll: “Which?”. Chosen: “B” (2 votes / 3, by absolute majority). Result: A 1, B 2, C 0.');
    expect(o.text.nl).toContain('Gekozen: “B” (2 stemmen / 3, met absolute meerderheid)');
    expect(o.text.fr).toContain('Choix retenu: “B” (2 voix / 3, à la majorité absolue)');
  });

  test('a plurality, a tie or no votes is "noted"', () => {
    const p = poll();
    const plurality = tallyOf(p, [vote('a', ['o1']), vote('b', ['o1']), vote('c', ['o2']), vote('d', ['o3'])]);
    expect(outcomeOf(p, plurality).outcome).toBe('noted');
    const tie = tallyOf(p, [vote('a', ['o1']), vote('b', ['o2'])]);
    expect(winnersOf(tie).map((w) => w.optionId)).toEqual(['o1', 'o2']);
    expect(outcomeOf(p, tie)).toMatchObject({ outcome: 'noted', winners: ['o1', 'o2'] });
    expect(outcomeOf(p, tie).text.en).toContain('Tie between “A”, “B”');
    expect(outcomeOf(p, tallyOf(p, []))).toMatchObject({ outcome: 'noted', winners: [] });
  });

  test('closing keeps an earlier closing time', () => {
    const closed = closedPoll(poll(), NOW);
    expect(closed).toMatchObject({ status: 'closed', closedAt: NOW.toISOString() });
    expect(closedPoll(closed, new Date('2030-01-01T00:00:00Z')).closedAt).toBe(NOW.toISOString());
  });

  test('drafts: repeated labels and past closing times are refused', () => {
    expect(checkPollDraft({ options: [{ label: 'Yes' }, { label: ' yes' }], closesAt: '2026-01-01T00:00:00Z' }, NOW)).toEqual([
      { field: 'options.1.label', code: 'repeats_option', params: { n: 1 }, reason: 'repeats option 1' },
      { field: 'closesAt', code: 'must_be_future', reason: 'must be in the future' },
    ]);
    expect(checkPollDraft({ options: [{ label: 'Yes' }, { label: 'No' }], closesAt: null }, NOW)).toEqual([]);
  });
});
