import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BallotRejectedError, ForbiddenError } from '../../src/register/polls/service';
import type { PollPublisher } from '../../src/register/polls/publisher';
import { Register } from '../../src/register/register-service';
import { ValidationError } from '../../src/register/errors';
import { createLocalStore } from '../../src/store/local/local-store';
import type { RegisterStore } from '../../src/store/store';

let dir: string;
let store: RegisterStore;
let register: Register;
let now = new Date('2026-03-01T10:00:00Z');
const clock = { now: () => now };
let groupId: string;
let entryId: string;

beforeEach(async () => {
  now = new Date('2026-03-01T10:00:00Z');
  dir = mkdtempSync(path.join(os.tmpdir(), 'poll-service-'));
  store = createLocalStore(dir);
  await store.init();
  register = new Register(store, clock);
  groupId = (await register.focusGroups.create({ domain: 'ICT', name: { nl: 'ICT' } })).id;
  entryId = (
    await register.entries.create({ title: { nl: 'E' }, domain: 'ICT', status: 'proposed', kind: 'synergy', formalisation: 'agreement' }, { name: 'T' })
  ).id;
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ann = { id: 'ann', name: 'Ann' };

test('create validates (2–10 options, existing group and entry, future closing time)', async () => {
  const polls = register.polls;
  await expect(polls.create({ focusGroupId: groupId, question: 'Q', options: ['a'] }, ann)).rejects.toBeInstanceOf(ValidationError);
  await expect(polls.create({ focusGroupId: groupId, question: 'Q', options: Array.from({ length: 11 }, (_, i) => `o${i}`) }, ann)).rejects.toBeInstanceOf(
    ValidationError,
  );
  const err = await polls
    .create({ focusGroupId: '404', entryId: '404', question: 'Q', options: ['a', 'b'], closesAt: '2020-01-01T00:00:00Z' }, ann)
    .catch((e) => e);
  expect((err as ValidationError).issues.map((i) => i.field).sort()).toEqual(['closesAt', 'entryId', 'focusGroupId']);
  const poll = await polls.create({ focusGroupId: groupId, entryId, question: ' Q ', options: ['a', 'b'] }, ann);
  expect(poll).toMatchObject({
    question: 'Q',
    options: [
      { id: 'o1', label: 'a' },
      { id: 'o2', label: 'b' },
    ],
    status: 'open',
    createdBy: ann,
  });
});

test('300 concurrent voters: 300 ballots, exact tally; repeats and changes never duplicate', async () => {
  const polls = register.polls;
  const poll = await polls.create({ focusGroupId: groupId, question: 'Q', options: ['a', 'b', 'c'] }, ann);
  const voters = Array.from({ length: 300 }, (_, i) => ({ id: `v${i}`, name: `Voter ${i}` }));
  await Promise.all(voters.map((v, i) => polls.vote(poll.id, v, [`o${(i % 3) + 1}`])));
  // the same ballots again, concurrently (retries), and 30 changes of mind
  await Promise.all(voters.map((v, i) => polls.vote(poll.id, v, [`o${(i % 3) + 1}`])));
  await Promise.all(voters.slice(0, 30).map((v) => polls.vote(poll.id, v, ['o3'])));
  const { tally } = await polls.tally(poll.id);
  expect(await store.votes.list({ field: 'pollId', equals: poll.id })).toHaveLength(300);
  expect(tally.ballots).toBe(300);
  expect(tally.options.map((o) => o.count)).toEqual([90, 90, 120]);
});

test('a repeated submit reports no change', async () => {
  const polls = register.polls;
  const poll = await polls.create({ focusGroupId: groupId, question: 'Q', options: ['a', 'b'] }, ann);
  expect((await polls.vote(poll.id, ann, ['o1'])).changed).toBe(true);
  expect((await polls.vote(poll.id, ann, ['o1'])).changed).toBe(false);
  expect((await polls.vote(poll.id, ann, ['o2'])).changed).toBe(true);
  await expect(polls.vote(poll.id, ann, ['o1', 'o2'])).rejects.toBeInstanceOf(BallotRejectedError);
});

test('close: creator only, once, outcome on the entry; racing closers record one decision', async () => {
  const closedEvents: string[] = [];
  const polls = register.polls;
  register.ports.provide({ publisher: { closed: async (r) => void closedEvents.push(r.poll.id) } as PollPublisher });
  const poll = await polls.create({ focusGroupId: groupId, entryId, question: 'Go?', options: ['yes', 'no'] }, ann);
  await polls.vote(poll.id, { id: 'b', name: 'B' }, ['o1']);
  await expect(polls.close(poll.id, 'b')).rejects.toBeInstanceOf(ForbiddenError);
  const results = await Promise.all([polls.close(poll.id, 'ann'), polls.close(poll.id, 'ann'), register.pollSchedule.sweep()]);
  expect(results[0].poll.status).toBe('closed');
  expect(results.filter((r) => 'closedNow' in r && r.closedNow).length + (results[2] as { closed: number }).closed).toBe(1);
  expect(closedEvents).toEqual([poll.id]);
  const entry = await register.entries.get(entryId);
  expect(entry.decisions).toEqual([
    expect.objectContaining({
      body: 'focus_group',
      outcome: 'approved',
      pollId: poll.id,
      date: '2026-03-01',
      text: expect.objectContaining({ en: 'Poll “Go?”: approved: “yes” chosen with 1 of 1 ballot (100%). Tally: yes 1, no 0.' }),
    }),
  ]);
  await expect(polls.vote(poll.id, { id: 'c', name: 'C' }, ['o2'])).rejects.toMatchObject({ problem: 'closed' });
});

test("managers: the creator, the focus group's chairs, secretaries and admins — not an editor or a reader who did not start it", async () => {
  const polls = register.polls;
  const group = await register.focusGroups.create({
    domain: 'HR',
    name: { nl: 'HR' },
    members: [{ name: 'Chair', id: 'chair', administration: 'gemeente', role: 'contact' }],
  });
  const poll = await polls.create({ focusGroupId: group.id, question: 'Go?', options: ['yes', 'no'] }, ann);
  const may = (id: string, roles: Array<'reader' | 'editor' | 'secretary' | 'admin'>) => polls.mayManage(poll, { id, roles });
  expect(await Promise.all([may('ann', ['reader']), may('chair', []), may('sec', ['secretary']), may('boss', ['admin', 'reader'])])).toEqual([
    true,
    true,
    true,
    true,
  ]);
  expect(await Promise.all([may('ed', ['editor']), may('rd', ['reader']), may('nobody', []), polls.mayManage(poll, 'ed')])).toEqual([
    false,
    false,
    false,
    false,
  ]);
  await expect(polls.nonVoters(poll.id, { id: 'ed', roles: ['editor'] })).rejects.toBeInstanceOf(ForbiddenError);
  expect((await polls.close(poll.id, { id: 'sec', roles: ['secretary'] })).closedNow).toBe(true);
});

test('the closing time closes the poll on read and in the sweep, dated at the closing time', async () => {
  const polls = register.polls;
  const a = await polls.create(
    { focusGroupId: groupId, entryId, question: 'A?', options: ['x', 'y'], closesAt: '2026-03-01T12:00:00Z', recordDecision: true },
    ann,
  );
  const b = await polls.create({ focusGroupId: groupId, question: 'B?', options: ['x', 'y'], closesAt: '2026-03-02T12:00:00Z' }, ann);
  now = new Date('2026-03-01T13:00:00Z');
  expect((await polls.get(a.id)).status).toBe('closed');
  expect((await polls.get(a.id)).closedAt).toBe('2026-03-01T12:00:00.000Z');
  expect((await register.pollSchedule.sweep()).closed).toBe(0);
  now = new Date('2026-03-03T00:00:00Z');
  expect((await register.pollSchedule.sweep()).closed).toBe(1);
  expect((await store.polls.get(b.id))!.status).toBe('closed');
  expect((await register.entries.get(entryId)).decisions).toHaveLength(1);
});

test('a poll closing at 00:00 Brussels time records its decision on that Brussels day, not the UTC day before', async () => {
  // 2026-12-05 00:00 in Brussels (CET, UTC+1) is 2026-12-04 23:00 UTC
  const poll = await register.polls.create({ focusGroupId: groupId, entryId, question: 'Go?', options: ['Ja', 'Nee'], closesAt: '2026-12-05T00:00' }, ann);
  expect(poll.closesAt).toBe('2026-12-04T23:00:00.000Z');
  now = new Date('2026-12-04T23:00:30Z');
  expect((await register.pollSchedule.sweep()).closed).toBe(1);
  const decision = (await register.entries.get(entryId)).decisions.find((d) => d.pollId === poll.id);
  expect(decision?.date).toBe('2026-12-05');
});

test('record as decision: on by default for a yes/no question, off for any other, otherwise as the chair chose', async () => {
  const polls = register.polls;
  const yesNo = await polls.create({ focusGroupId: groupId, entryId, question: 'Go?', options: ['Oui', 'Non'] }, ann);
  const which = await polls.create({ focusGroupId: groupId, entryId, question: 'Which day?', options: ['Monday', 'Tuesday'] }, ann);
  const chosen = await polls.create({ focusGroupId: groupId, entryId, question: 'Which supplier?', options: ['A', 'B'], recordDecision: true }, ann);
  const declined = await polls.create({ focusGroupId: groupId, entryId, question: 'Go ahead?', options: ['yes', 'no'], recordDecision: false }, ann);
  expect([yesNo, which, chosen, declined].map((p) => p.recordDecision)).toEqual([true, false, true, false]);
  for (const p of [yesNo, which, chosen, declined]) await polls.close(p.id, ann.id);
  const recorded = (await register.entries.get(entryId)).decisions.map((d) => d.pollId);
  expect([yesNo, which, chosen, declined].map((p) => recorded.includes(p.id))).toEqual([true, false, true, false]);
});

describe('request keys and languages', () => {
  const draft = (question: string, over: Record<string, unknown> = {}) => ({ focusGroupId: groupId, question, options: ['a', 'b'], ...over });

  test('createOnce: one poll per request key — repeated, concurrent, and after the store is reopened', async () => {
    const polls = register.polls;
    const first = await polls.createOnce(draft('Once?'), ann, { requestKey: 'activity:a:chat:1' });
    expect(first).toMatchObject({ created: true, poll: { requestKey: 'activity:a:chat:1', question: 'Once?' } });
    const again = await polls.createOnce(draft('Once?'), ann, { requestKey: 'activity:a:chat:1' });
    expect(again).toEqual({ created: false, rosterSkipped: [], poll: expect.objectContaining({ id: first.poll.id }) });

    const racing = await Promise.all(Array.from({ length: 8 }, () => polls.createOnce(draft('Race?'), ann, { requestKey: 'api:race' })));
    expect(racing.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(racing.map((r) => r.poll.id)).size).toBe(1);

    await store.close();
    store = createLocalStore(dir);
    await store.init();
    register = new Register(store, clock);
    const reopened = register.polls;
    const afterRestart = await reopened.createOnce(draft('Once?'), ann, { requestKey: 'activity:a:chat:1' });
    expect(afterRestart).toEqual({ created: false, rosterSkipped: [], poll: expect.objectContaining({ id: first.poll.id }) });
    const other = await reopened.createOnce(draft('Once?'), ann, { requestKey: 'activity:a:chat:2' });
    expect(other.created).toBe(true);
    expect((await store.polls.list()).map((p) => p.requestKey).sort()).toEqual(['activity:a:chat:1', 'activity:a:chat:2', 'api:race']);
    // Without a key, every create is a new poll (a fresh random key each time).
    const a = await reopened.create(draft('Keyless?'), ann);
    const b = await reopened.create(draft('Keyless?'), ann);
    expect(a.id).not.toBe(b.id);
    expect(a.requestKey).not.toBe(b.requestKey);
  });

  test('a retry whose request no longer validates still gets its poll; bad keys are refused', async () => {
    const polls = register.polls;
    const request = draft('Timed?', { closesAt: '2026-03-01T10:00:30Z' });
    const first = await polls.createOnce(request, ann, { requestKey: 'api:timed' });
    now = new Date('2026-03-01T10:00:20Z');
    // 20 s later the closing time is still ahead; a minute later it is not, and the retry still finds the poll.
    expect((await polls.createOnce(request, ann, { requestKey: 'api:timed' })).poll.id).toBe(first.poll.id);
    now = new Date('2026-03-01T10:01:00Z');
    const late = await polls.createOnce(request, ann, { requestKey: 'api:timed' });
    expect(late).toMatchObject({ created: false, poll: { id: first.poll.id, status: 'closed' } });
    await expect(polls.createOnce(request, ann, { requestKey: 'api:other' })).rejects.toBeInstanceOf(ValidationError);
    await expect(polls.createOnce(draft('Q'), ann, { requestKey: '' })).rejects.toMatchObject({ issues: [{ field: 'requestKey' }] });
    await expect(polls.createOnce(draft('Q'), ann, { requestKey: 'k'.repeat(301) })).rejects.toMatchObject({ issues: [{ field: 'requestKey' }] });
    expect(await store.polls.list()).toHaveLength(1);
  });

  test('a poll keeps its language: from the request, else the service default; others are refused', async () => {
    const polls = register.polls;
    polls.defaultLanguage = 'fr';
    expect((await polls.create(draft('Default?'), ann)).language).toBe('fr');
    const en = await polls.create(draft('English?', { language: 'en' }), ann);
    expect((await store.polls.get(en.id))!.language).toBe('en');
    expect((await new Register(store, clock).polls.create(draft('Dutch?'), ann)).language).toBe('nl');
    const err = await polls.create(draft('German?', { language: 'de' }), ann).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues.map((i) => i.field)).toEqual(['language']);
    // The language survives writes (message, closing).
    await polls.setMessage(en.id, { conversationId: 'c', activityId: 'a', serviceUrl: 'https://s' });
    const closed = await polls.close(en.id, 'ann');
    expect(closed.poll).toMatchObject({ language: 'en', status: 'closed', requestKey: en.requestKey });
  });

  test('a poll stored before polls had a language and a request key gets both when next written', async () => {
    const modern = await register.polls.create(draft('New?'), ann);
    const { id: _id, etag: _etag, language: _language, requestKey: _key, ...legacy } = modern;
    // Stores refuse to write such a record now: it comes from the journal of an older release.
    await store.close();
    const old = { id: '900' };
    // the journal of the store's last opening (its lock generation)
    const generation = readFileSync(path.join(dir, 'generation'), 'utf8').trim();
    appendFileSync(
      path.join(dir, `journal-${generation}.jsonl`),
      `${JSON.stringify({ c: 'polls', op: 'put', id: old.id, version: 1, value: { ...legacy, question: 'Old?' } })}\n`,
    );
    store = createLocalStore(dir);
    await store.init();
    register = new Register(store, clock, { defaultLanguage: 'fr' });
    const polls = register.polls;
    const updated = await polls.setMessage(old.id, { conversationId: 'c', activityId: 'a', serviceUrl: 'https://s' });
    expect(updated).toMatchObject({ language: 'fr', requestKey: `poll:${old.id}`, message: { activityId: 'a' } });
    expect((await polls.close(old.id, 'ann')).poll.requestKey).toBe(`poll:${old.id}`);
  });
});
