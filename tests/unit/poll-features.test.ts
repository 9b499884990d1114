import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Poll, RosterMember } from '../../src/domain/model';
import { ballotTable, toCsv, toXlsx } from '../../src/register/polls/export';
import type { CloseResult, PollPublisher } from '../../src/register/polls/publisher';
import { ForbiddenError } from '../../src/register/polls/service';
import { Register } from '../../src/register/register-service';
import { ValidationError } from '../../src/register/errors';
import { createLocalStore } from '../../src/store/local/local-store';
import type { RegisterStore, Stored } from '../../src/store/store';

/** A PollPublisher that records what the poll service asked it to do; `failRemind` makes Teams refuse reminders. */
class FakePublisher implements PollPublisher {
  posted: string[] = [];
  reminders: Array<{ pollId: string; names: string[] }> = [];
  closedPolls: CloseResult[] = [];
  failRemind = false;
  channel: RosterMember[] = [];
  async publish(poll: Stored<Poll>) {
    this.posted.push(poll.id);
    return { conversationId: '19:channel', activityId: `card-${poll.id}`, serviceUrl: 'https://smba.example' };
  }
  async closed(result: CloseResult) {
    this.closedPolls.push(result);
  }
  async remind(poll: Stored<Poll>, members: readonly RosterMember[]) {
    if (this.failRemind) throw new Error('BotNotInConversationRoster');
    this.reminders.push({ pollId: poll.id, names: members.map((m) => m.name) });
  }
  async channelMembers() {
    return this.channel;
  }
}

let dir: string;
let store: RegisterStore;
let register: Register;
let publisher: FakePublisher;
let withdrawPublisher: () => void;
let now: Date;
const clock = { now: () => now };
let groupId: string;
let entryId: string;
const chair = { id: 'chair', name: 'Chair Claire' };
const ann = { id: 'ann', name: 'Ann' };
const roster = ['ann', 'bert', 'chair', 'dirk', 'els'].map((id) => ({ id, name: id.toUpperCase() }));

beforeEach(async () => {
  now = new Date('2026-03-02T08:00:00Z'); // Monday 09:00 Brussels
  dir = mkdtempSync(path.join(os.tmpdir(), 'poll-features-'));
  store = createLocalStore(dir);
  await store.init();
  register = new Register(store, clock);
  publisher = new FakePublisher();
  withdrawPublisher = register.ports.provide({ publisher });
  groupId = (
    await register.focusGroups.create({
      domain: 'ICT',
      name: { nl: 'ICT' },
      channel: { teamId: 't', channelId: '19:channel' },
      members: [
        { ...chair, administration: 'gemeente', role: 'contact' },
        { id: 'bert', name: 'Bert', administration: 'ocmw', role: 'member' },
        { name: 'Zonder Id', administration: 'ocmw', role: 'member' },
      ],
    })
  ).id;
  entryId = (
    await register.entries.create({ title: { nl: 'E' }, domain: 'ICT', status: 'proposed', kind: 'synergy', formalisation: 'agreement' }, { name: 'T' })
  ).id;
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const draft = (over: Record<string, unknown> = {}) => ({
  focusGroupId: groupId,
  entryId,
  question: 'Which day?',
  options: ['Monday', 'Tuesday'],
  roster,
  ...over,
});

test("a poll is published once to its group's channel; the roster decides who votes", async () => {
  const poll = await register.polls.create(draft(), ann);
  expect(publisher.posted).toEqual([poll.id]);
  expect(poll.message).toMatchObject({ activityId: `card-${poll.id}` });
  await register.pollSchedule.sweep();
  expect(publisher.posted).toEqual([poll.id]);
  await expect(register.polls.vote(poll.id, { id: 'zoe', name: 'Zoe' }, ['o1'])).rejects.toMatchObject({ problem: 'not_on_roster' });
  await expect(register.polls.vote(poll.id, { id: 'bert', name: 'Bert' }, ['o9'])).rejects.toMatchObject({ problem: 'unknown_option' });
  expect(await register.polls.votes(poll.id)).toHaveLength(0);
  await register.polls.vote(poll.id, { id: 'bert', name: 'Bert' }, ['o2']);
  expect((await register.polls.votes(poll.id)).map((v) => v.voter.id)).toEqual(['bert']);
});

test('roster from the focus group (members without an Entra id are named) or from the channel', async () => {
  const fromGroup = await register.polls.createOnce(draft({ roster: 'focusGroup' }), ann);
  expect(fromGroup.poll.roster).toEqual([
    { id: 'chair', name: 'Chair Claire' },
    { id: 'bert', name: 'Bert' },
  ]);
  expect(fromGroup.rosterSkipped).toEqual(['Zonder Id']);
  publisher.channel = [{ id: 'x', name: 'X' }];
  expect((await register.polls.create(draft({ roster: 'channel' }), ann)).roster).toEqual([{ id: 'x', name: 'X' }]);
  withdrawPublisher();
  await expect(register.polls.create(draft({ roster: 'channel' }), ann)).rejects.toBeInstanceOf(ValidationError);
});

test('sealed: everyone sees only the number of ballots, the voter sees their own ballot, export waits for the close', async () => {
  const poll = await register.polls.create(draft({ sealed: true }), ann);
  await register.polls.vote(poll.id, { id: 'bert', name: 'Bert' }, ['o2']);
  const bert = await register.polls.view(poll.id, 'bert');
  expect(bert).toMatchObject({ phase: 'open', myBallot: ['o2'], canManage: false, mayVote: true, tally: { sealed: true, ballots: 1 } });
  expect(bert.tally.options.map((o) => o.count)).toEqual([0, 0]);
  expect(bert.notVoted).toBeUndefined();
  expect(() => ballotTable(poll, [], 'en', now)).toThrow(ForbiddenError);
  await register.polls.close(poll.id, 'ann');
  const after = await register.polls.view(poll.id, 'bert');
  expect(after.tally.options.map((o) => o.count)).toEqual([0, 1]);
});

test("who has not voted: for the creator and the chairs only, never anyone's choice", async () => {
  const poll = await register.polls.create(draft({ anonymous: true }), ann);
  await register.polls.vote(poll.id, { id: 'bert', name: 'Bert' }, ['o1']);
  expect((await register.polls.nonVoters(poll.id, 'ann')).members.map((m) => m.id)).toEqual(['ann', 'chair', 'dirk', 'els']);
  expect((await register.polls.nonVoters(poll.id, 'chair')).members).toHaveLength(4);
  await expect(register.polls.nonVoters(poll.id, 'bert')).rejects.toBeInstanceOf(ForbiddenError);
  const view = await register.polls.view(poll.id, 'chair');
  expect(view.notVoted?.map((m) => m.name)).toEqual(['ANN', 'CHAIR', 'DIRK', 'ELS']);
  expect(view.tally.options.every((o) => o.voters.length === 0)).toBe(true);
});

test('a chair closes; below the quorum "no quorum" is recorded on the entry with the figures', async () => {
  const poll = await register.polls.create(draft({ quorum: { percent: 60 }, recordDecision: true }), ann);
  await register.polls.vote(poll.id, { id: 'bert', name: 'Bert' }, ['o1']);
  await register.polls.vote(poll.id, { id: 'dirk', name: 'Dirk' }, ['o1']);
  await expect(register.polls.close(poll.id, 'bert')).rejects.toBeInstanceOf(ForbiddenError);
  const result = await register.polls.close(poll.id, 'chair');
  expect(result.outcome).toMatchObject({ kind: 'no_quorum', outcome: 'deferred', quorum: 3, roster: 5 });
  expect(publisher.closedPolls.map((r) => r.poll.id)).toEqual([poll.id]);
  const [decision] = (await register.entries.get(entryId)).decisions;
  expect(decision).toMatchObject({ body: 'focus_group', outcome: 'deferred', pollId: poll.id });
  expect(decision.text.en).toBe(
    'Poll “Which day?”: no quorum (2 ballots, 3 required); not decided. Tally: Monday 2, Tuesday 0. Turnout: 2 of 5 on the roster (40%), quorum of 3 not reached.',
  );
  await expect(register.polls.vote(poll.id, { id: 'els', name: 'Els' }, ['o2'])).rejects.toMatchObject({ problem: 'closed' });
});

test('reminders: the non-voters only, one per poll per Brussels day (asked or scheduled), retried when Teams refuses', async () => {
  const poll = await register.polls.create(draft({ reminderTime: '10:00' }), ann);
  await register.polls.vote(poll.id, { id: 'bert', name: 'Bert' }, ['o1']);
  await expect(register.pollSchedule.remind(poll.id, 'bert')).rejects.toBeInstanceOf(ForbiddenError);
  // 09:00 Brussels: the daily reminder (10:00) is not due yet; the creator asks for one.
  expect((await register.pollSchedule.sweep()).reminded).toBe(0);
  expect(await register.pollSchedule.remind(poll.id, 'ann')).toMatchObject({
    outcome: 'sent',
    members: [{ id: 'ann' }, { id: 'chair' }, { id: 'dirk' }, { id: 'els' }],
  });
  expect(publisher.reminders).toEqual([{ pollId: poll.id, names: ['ANN', 'CHAIR', 'DIRK', 'ELS'] }]);
  // The same day: neither another request nor the schedule sends a second one.
  now = new Date('2026-03-02T09:30:00Z');
  expect((await register.pollSchedule.remind(poll.id, 'chair')).outcome).toBe('already_sent');
  expect((await register.pollSchedule.sweep()).reminded).toBe(0);
  // Next day at 10:00 Brussels the schedule sends one; Teams refuses it, a later sweep retries it.
  now = new Date('2026-03-03T09:00:00Z');
  await register.polls.vote(poll.id, { id: 'dirk', name: 'Dirk' }, ['o2']);
  publisher.failRemind = true;
  expect((await register.pollSchedule.sweep()).reminded).toBe(0);
  publisher.failRemind = false;
  now = new Date('2026-03-03T09:05:00Z');
  expect((await register.pollSchedule.sweep()).reminded).toBe(0); // waits before retrying
  now = new Date('2026-03-03T09:20:00Z');
  expect((await register.pollSchedule.sweep()).reminded).toBe(1);
  expect(publisher.reminders[1]).toEqual({ pollId: poll.id, names: ['ANN', 'CHAIR', 'ELS'] });
  const [sent] = await store.deliveries.list({ field: 'key', equals: `poll:${poll.id}:reminder:2026-03-03` });
  expect(sent).toMatchObject({ state: 'sent', attempts: 2, lastError: 'BotNotInConversationRoster' });
  // Everyone voted: nothing to send.
  for (const id of ['ann', 'chair', 'els']) await register.polls.vote(poll.id, { id, name: id }, ['o1']);
  now = new Date('2026-03-04T09:30:00Z');
  expect((await register.pollSchedule.remind(poll.id, 'ann')).outcome).toBe('everyone_voted');
});

test('a scheduled poll takes no votes before it opens, is posted once when it opens (two servers on one store)', async () => {
  const poll = await register.polls.create(draft({ opensAt: '2026-03-02T12:00:00Z', closesAt: '2026-03-03T12:00:00Z' }), ann);
  expect(poll.status).toBe('scheduled');
  expect(publisher.posted).toEqual([]);
  await expect(register.polls.vote(poll.id, { id: 'bert', name: 'Bert' }, ['o1'])).rejects.toMatchObject({ problem: 'not_open' });
  const other = new Register(store, clock);
  const otherPublisher = new FakePublisher();
  other.ports.provide({ publisher: otherPublisher });
  now = new Date('2026-03-02T12:00:01Z');
  const [a, b] = await Promise.all([register.pollSchedule.sweep(), other.pollSchedule.sweep()]);
  expect(a.opened + b.opened).toBe(1);
  expect([...publisher.posted, ...otherPublisher.posted]).toEqual([poll.id]);
  expect((await register.polls.get(poll.id)).message).not.toBeNull();
  await register.polls.vote(poll.id, { id: 'bert', name: 'Bert' }, ['o1']);
});

test('duplicate: same question, options and settings, a new poll open from now', async () => {
  const first = await register.polls.create(draft({ sealed: true, quorum: { ballots: 2 } }), ann);
  await register.polls.close(first.id, 'ann');
  const { poll: copy, created } = await register.polls.duplicate(first.id, { question: 'Which day, again?' }, chair, { requestKey: 'api:dup' });
  expect(created).toBe(true);
  expect(copy).toMatchObject({
    question: 'Which day, again?',
    sealed: true,
    quorum: { ballots: 2 },
    roster,
    status: 'open',
    copiedFrom: first.id,
    createdBy: { id: 'chair' },
  });
  expect((await register.polls.duplicate(first.id, { question: 'Which day, again?' }, chair, { requestKey: 'api:dup' })).poll.id).toBe(copy.id);
});

test('export: one row per ballot and a totals row, semicolons for Belgian Excel, Brussels times; anonymous polls without names or times; spreadsheet formulas neutralised', async () => {
  const named = await register.polls.create(draft({ options: ['=1+1', 'Tuesday, late'] }), ann);
  await register.polls.vote(named.id, { id: 'bert', name: '@Bert' }, ['o1']);
  now = new Date('2026-03-02T08:01:00Z');
  await register.polls.vote(named.id, { id: 'dirk', name: 'Dirk "D"' }, ['o2']);
  const votes = await register.polls.votes(named.id);
  expect(toCsv(ballotTable(named, votes, 'en', now))).toBe(
    '\ufeffBallot;Voter;Voted at (Brussels);\'=1+1;"Tuesday, late"\r\n1;\'@Bert;2026-03-02 09:00;1;0\r\n2;"Dirk ""D""";2026-03-02 09:01;0;1\r\nTotal;;;1;1\r\n',
  );
  const anonymous = await register.polls.create(draft({ anonymous: true }), ann);
  await register.polls.vote(anonymous.id, { id: 'bert', name: 'Bert' }, ['o2']);
  await register.polls.vote(anonymous.id, { id: 'dirk', name: 'Dirk' }, ['o1']);
  const table = ballotTable(anonymous, await register.polls.votes(anonymous.id), 'fr', now);
  expect(table).toEqual({
    header: ['Bulletin', 'Monday', 'Tuesday'],
    rows: [
      [1, 1, 0],
      [2, 0, 1],
      ['Total', 1, 1],
    ],
  });
  expect(JSON.stringify(table)).not.toMatch(/Bert|Dirk|2026/);
});

test("the .xlsx export says the status in the reader's language and gives real date cells on the Brussels clock", async () => {
  const poll = await register.polls.create(draft({}), ann);
  await register.polls.vote(poll.id, { id: 'bert', name: 'Bert' }, ['o1']);
  await register.polls.close(poll.id, 'chair');
  const closed = await register.polls.get(poll.id);
  const { Workbook } = await import('exceljs');
  const book = new Workbook();
  await book.xlsx.load((await toXlsx(closed, await register.polls.votes(poll.id), 'fr', now)) as never);
  const results = book.getWorksheet('Résultats')!;
  expect(results.getRow(2).values).toEqual([undefined, 'Statut', 'clôturé']);
  const ballots = book.getWorksheet('Bulletins')!;
  const at = ballots.getRow(2).getCell(3);
  expect(at.value).toEqual(new Date('2026-03-02T09:00:00Z'));
  expect(at.numFmt).toBe('dd/mm/yyyy hh:mm');
});
