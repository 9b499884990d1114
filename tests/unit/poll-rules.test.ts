import type { Poll, Vote } from '../../src/domain/model';
import { outcomeOf } from '../../src/domain/poll-outcome';
import {
  chairIdsOf,
  checkBallot,
  checkPollDraft,
  closedPoll,
  isClosed,
  mayManage,
  nonVoters,
  parseChoiceValue,
  phaseOf,
  quorumOf,
  tallyOf,
  visibleTally,
  winnersOf,
} from '../../src/domain/poll-rules';

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
  opensAt: null,
  status: 'open',
  sealed: false,
  roster: null,
  quorum: null,
  reminderTime: null,
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
    expect(checkBallot(poll(), 'a', ['o2'], NOW)).toEqual({ ok: true, optionIds: ['o2'] });
    expect(checkBallot(poll(), 'a', ['o1', 'o2'], NOW)).toEqual({ ok: false, problem: 'single_choice' });
    expect(checkBallot(poll(), 'a', [], NOW)).toEqual({ ok: false, problem: 'no_option' });
    expect(checkBallot(poll(), 'a', [' '], NOW)).toEqual({ ok: false, problem: 'no_option' });
    expect(checkBallot(poll(), 'a', ['o9'], NOW)).toEqual({ ok: false, problem: 'unknown_option', optionId: 'o9' });
  });

  test('multiple choice dedupes and orders by the poll', () => {
    expect(checkBallot(poll({ multipleChoice: true }), 'a', ['o3', 'o1', 'o3'], NOW)).toEqual({ ok: true, optionIds: ['o1', 'o3'] });
  });

  test('a closed poll, or one past its closing time, refuses ballots', () => {
    expect(checkBallot(poll({ status: 'closed' }), 'a', ['o1'], NOW)).toEqual({ ok: false, problem: 'closed' });
    expect(checkBallot(poll({ closesAt: '2026-03-01T10:00:00Z' }), 'a', ['o1'], NOW)).toEqual({ ok: false, problem: 'closed' });
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
  const roster = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `P${i}` }));
  const votes = (...choices: string[]) => choices.map((c, i) => vote(`p${i}`, [c]));

  test('"which day?" names the day chosen and is noted, never approved', () => {
    const p = poll({
      question: 'Which day?',
      options: [
        { id: 'o1', label: 'Monday' },
        { id: 'o2', label: 'Tuesday' },
      ],
    });
    const o = outcomeOf(p, tallyOf(p, votes('o2', 'o2', 'o1')));
    expect(o).toMatchObject({ kind: 'chosen', outcome: 'noted', winners: ['o2'], ballots: 3 });
    expect(o.text.en).toBe('Poll “Which day?”: “Tuesday” chosen with 2 of 3 ballots (67%). Tally: Monday 1, Tuesday 2.');
    expect(o.text.nl).toBe('Stemming “Which day?”: “Tuesday” gekozen met 2 van de 3 stemmen (67%). Telling: Monday 1, Tuesday 2.');
    expect(o.text.fr).toBe(
      'Sondage «\u00a0Which day?\u00a0»\u00a0: «\u00a0Tuesday\u00a0» retenu avec 2 voix sur 3 (67\u00a0%). Décompte\u00a0: Monday 1, Tuesday 2.',
    );
  });

  test('a tie names every option with the most votes', () => {
    const p = poll();
    const o = outcomeOf(p, tallyOf(p, votes('o1', 'o2')));
    expect(o).toMatchObject({ kind: 'tie', outcome: 'noted', winners: ['o1', 'o2'] });
    expect(o.text.en).toContain('tie between “A” and “B”, 1 of 2 ballots each');
    expect(winnersOf(tallyOf(p, votes('o1', 'o2'))).map((w) => w.optionId)).toEqual(['o1', 'o2']);
  });

  test('a yes/no question is approved, rejected, or undecided on a tie', () => {
    const yesNo = poll({
      question: 'Join the purchasing centre?',
      options: [
        { id: 'o1', label: 'Ja' },
        { id: 'o2', label: 'Nee' },
        { id: 'o3', label: 'Onthouding' },
      ],
    });
    expect(outcomeOf(yesNo, tallyOf(yesNo, votes('o1', 'o1', 'o2'))).outcome).toBe('approved');
    expect(outcomeOf(yesNo, tallyOf(yesNo, votes('o2', 'o2', 'o1', 'o3'))).outcome).toBe('rejected');
    expect(outcomeOf(yesNo, tallyOf(yesNo, votes('o1', 'o2', 'o3', 'o3'))).outcome).toBe('deferred');
    expect(outcomeOf(yesNo, tallyOf(yesNo, votes('o1', 'o1', 'o2'))).text.fr).toContain('approuvé\u00a0: «\u00a0Ja\u00a0» retenu avec 2 voix sur 3');
    const oui = poll({
      options: [
        { id: 'o1', label: 'Oui' },
        { id: 'o2', label: 'Non' },
      ],
    });
    expect(outcomeOf(oui, tallyOf(oui, votes('o2'))).outcome).toBe('rejected');
  });

  test('below the quorum nothing is decided, whatever the votes; at the quorum the result counts', () => {
    const p = poll({ roster: roster(8), quorum: { percent: 50 } });
    expect(quorumOf(p, 3)).toEqual({ required: 4, reached: false });
    const short = outcomeOf(p, tallyOf(p, votes('o1', 'o1', 'o2')));
    expect(short).toMatchObject({ kind: 'no_quorum', outcome: 'deferred', winners: [], roster: 8, quorum: 4 });
    expect(short.text.en).toBe(
      'Poll “Which?”: no quorum (3 ballots, 4 required); not decided. Tally: A 2, B 1, C 0. Turnout: 3 of 8 on the roster (38%), quorum of 4 not reached.',
    );
    expect(short.text.nl).toContain('quorum niet bereikt (3 stemmen, 4 vereist); geen beslissing');
    expect(short.text.fr).toContain('quorum non atteint (3 bulletins pour 4 requis)\u00a0; pas de décision');
    const enough = outcomeOf(p, tallyOf(p, votes('o1', 'o1', 'o2', 'o1')));
    expect(enough).toMatchObject({ kind: 'chosen', winners: ['o1'], quorum: 4 });
    expect(enough.text.en).toContain('Turnout: 4 of 8 on the roster (50%), quorum of 4 reached.');
    expect(quorumOf(poll({ quorum: { ballots: 2 } }), 2)).toEqual({ required: 2, reached: true });
    expect(quorumOf(poll({ roster: roster(7), quorum: { percent: 50 } }), 3).required).toBe(4);
    expect(quorumOf(poll(), 0)).toEqual({ required: null, reached: true });
  });

  test('no ballots: nothing decided', () => {
    const p = poll();
    expect(outcomeOf(p, tallyOf(p, []))).toMatchObject({ kind: 'no_ballots', outcome: 'deferred', winners: [] });
    expect(outcomeOf(p, tallyOf(p, [])).text.en).toBe('Poll “Which?”: nobody voted.');
  });

  test('closing keeps an earlier closing time', () => {
    const closed = closedPoll(poll(), NOW);
    expect(closed).toMatchObject({ status: 'closed', closedAt: NOW.toISOString() });
    expect(closedPoll(closed, new Date('2030-01-01T00:00:00Z')).closedAt).toBe(NOW.toISOString());
  });

  test('drafts: a quorum the roster cannot reach, a share without a roster, reminders without a roster', () => {
    const roster = [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
    ];
    const base = { options: [{ label: 'Yes' }, { label: 'No' }], closesAt: null };
    expect(checkPollDraft({ ...base, roster, quorum: { ballots: 3 } }, NOW)).toEqual([
      { field: 'quorum.ballots', code: 'quorum_above_roster', params: { count: 2 }, reason: 'is more than the 2 people on the roster' },
    ]);
    expect(checkPollDraft({ ...base, quorum: { percent: 50 }, reminderTime: '09:00' }, NOW).map((p) => p.field)).toEqual(['quorum.percent', 'reminderTime']);
    expect(checkPollDraft({ ...base, roster: [...roster, { id: 'a', name: 'A again' }] }, NOW)).toEqual([
      { field: 'roster.2.id', code: 'repeats_person', params: { id: 'a' }, reason: 'repeats a' },
    ]);
    expect(checkPollDraft({ ...base, closesAt: '2026-03-02T10:00:00Z', opensAt: '2026-03-03T10:00:00Z' }, NOW)).toEqual([
      { field: 'closesAt', code: 'closes_before_opening', reason: 'must be after the opening time' },
    ]);
  });

  test('drafts: repeated labels and past closing times are refused', () => {
    expect(checkPollDraft({ options: [{ label: 'Yes' }, { label: ' yes' }], closesAt: '2026-01-01T00:00:00Z' }, NOW)).toEqual([
      { field: 'options.1.label', code: 'repeats_option', params: { n: 1 }, reason: 'repeats option 1' },
      { field: 'closesAt', code: 'must_be_future', reason: 'must be in the future' },
    ]);
    expect(checkPollDraft({ options: [{ label: 'Yes' }, { label: 'No' }], closesAt: null }, NOW)).toEqual([]);
  });
});

describe('roster, sealed results, scheduled opening, managers', () => {
  const roster = [
    { id: 'ann', name: 'Ann' },
    { id: 'bert', name: 'Bert' },
    { id: 'claire', name: 'Claire' },
  ];

  test('someone outside the roster cannot vote; those on it can', () => {
    const p = poll({ roster });
    expect(checkBallot(p, 'zoe', ['o1'], NOW)).toEqual({ ok: false, problem: 'not_on_roster' });
    expect(checkBallot(p, 'bert', ['o1'], NOW)).toEqual({ ok: true, optionIds: ['o1'] });
  });

  test('a scheduled poll takes no ballots before it opens, then opens on time', () => {
    const p = poll({ status: 'scheduled', opensAt: '2026-03-01T11:00:00Z' });
    expect(phaseOf(p, NOW)).toBe('scheduled');
    expect(checkBallot(p, 'a', ['o1'], NOW)).toEqual({ ok: false, problem: 'not_open' });
    expect(phaseOf(p, new Date('2026-03-01T11:00:00Z'))).toBe('open');
  });

  test('who has not voted: the roster minus every ballot, in roster order', () => {
    const p = poll({ roster });
    expect(nonVoters(p, [vote('bert', ['o1']), vote('zoe', ['o2']), vote('ann', ['o1'], 'other')])).toEqual([roster[0], roster[2]]);
    expect(nonVoters(poll(), [])).toEqual([]);
  });

  test('a sealed poll shows only the number of ballots until it closes', () => {
    const p = poll({ sealed: true });
    const t = tallyOf(p, [vote('a', ['o1']), vote('b', ['o2'])]);
    const open = visibleTally(p, t, NOW);
    expect(open).toMatchObject({ sealed: true, ballots: 2 });
    expect(open.options.map((o) => [o.count, o.voters])).toEqual([
      [0, []],
      [0, []],
      [0, []],
    ]);
    expect(visibleTally({ ...p, status: 'closed' }, t, NOW).options.map((o) => o.count)).toEqual([1, 1, 0]);
  });

  test("the creator and the focus group's contact persons manage a poll", () => {
    const chairs = chairIdsOf({
      members: [
        { name: 'C', id: 'chair', role: 'contact', administration: 'gemeente' },
        { name: 'M', id: 'member', role: 'member', administration: 'ocmw' },
      ],
    });
    expect(chairs).toEqual(['chair']);
    expect(mayManage(poll(), chairs, 'ann')).toBe(true);
    expect(mayManage(poll(), chairs, 'chair')).toBe(true);
    expect(mayManage(poll(), chairs, 'member')).toBe(false);
    expect(mayManage(poll(), chairs, '')).toBe(false);
  });
});
