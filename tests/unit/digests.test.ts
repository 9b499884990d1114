import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FocusGroup } from '../../src/domain/model';
import type { Language } from '../../src/domain/vocabulary';
import type { Digest, DigestSender } from '../../src/register/digest-service';
import { Register } from '../../src/register/register-service';
import { createLocalStore } from '../../src/store/local/local-store';
import type { RegisterStore, Stored } from '../../src/store/store';

/** Records every message; refuses those to the people in `refuse` (a user who left, a chat Teams rejects). */
class FakeSender implements DigestSender {
  sent: Array<{ to: string; language: Language; actions: string[]; week: string }> = [];
  refuse = new Set<string>();
  async toOwner(owner: { id: string }, language: Language, digest: Digest) {
    if (this.refuse.has(owner.id)) throw new Error(`Forbidden: ${owner.id} left`);
    this.sent.push({ to: owner.id, language, actions: digest.lines.map((l) => l.title), week: digest.week });
  }
  async toChannel(group: Stored<FocusGroup>, language: Language, digest: Digest) {
    this.sent.push({ to: `channel:${group.id}`, language, actions: digest.lines.map((l) => l.title), week: digest.week });
  }
}

let dir: string;
let store: RegisterStore;
let now: Date;
const clock = { now: () => now };
const settings = { enabled: true, weekday: 1, time: '08:00' };

function registerWith(sender: DigestSender): Register {
  const register = new Register(store, clock, { digests: settings });
  register.ports.provide({ digestSender: sender });
  return register;
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'digests-'));
  store = createLocalStore(dir);
  await store.init();
  now = new Date('2026-03-01T12:00:00Z');
  const register = new Register(store, clock);
  const group = await register.focusGroups.create({ domain: 'ICT', name: { nl: 'ICT' }, channel: { teamId: 't', channelId: 'c' } });
  const entry = await register.entries.create(
    { title: { nl: 'E' }, domain: 'ICT', status: 'proposed', kind: 'synergy', formalisation: 'agreement', focusGroupId: group.id },
    { name: 'T' },
  );
  const action = (title: string, owner: { name: string; id?: string }, dueDate: string | null, over = {}) =>
    register.actions.create({ entryId: entry.id, title, owner, dueDate, ...over });
  await action('Ann overdue', { name: 'Ann', id: 'ann' }, '2026-02-20');
  await action('Ann due Thursday', { name: 'Ann', id: 'ann' }, '2026-03-05');
  await action('Ann due next week', { name: 'Ann', id: 'ann' }, '2026-03-09');
  await action('Bert overdue', { name: 'Bert', id: 'bert' }, '2026-02-27');
  await action('Bert done', { name: 'Bert', id: 'bert' }, '2026-02-01', { status: 'done', doneDate: '2026-02-02' });
  await action('IT managers overdue', { name: 'de IT-managers' }, '2026-02-15');
  await store.people.upsertByKey({ userId: 'ann', name: 'Ann', language: 'fr', chat: null, updatedAt: now.toISOString() });
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the schedule (fake clock): nothing before Monday 08:00 Brussels, one message per owner and channel after, once a week', async () => {
  const sender = new FakeSender();
  const register = registerWith(sender);
  now = new Date('2026-03-02T06:59:00Z'); // Monday 07:59 Brussels: last week's slot is over a day old
  expect(await register.digests.run()).toMatchObject({ week: null });
  expect(sender.sent).toEqual([]);
  now = new Date('2026-03-02T07:00:00Z'); // Monday 08:00 Brussels
  const run = await register.digests.run();
  expect(run).toMatchObject({ week: '2026-W10', owners: { sent: 2 }, channels: { sent: 1 }, unreachable: 1 });
  expect(sender.sent).toEqual([
    { to: 'ann', language: 'fr', actions: ['Ann overdue', 'Ann due Thursday'], week: '2026-W10' },
    { to: 'bert', language: 'nl', actions: ['Bert overdue'], week: '2026-W10' },
    { to: 'channel:1', language: 'nl', actions: ['IT managers overdue', 'Ann overdue', 'Bert overdue', 'Ann due Thursday'], week: '2026-W10' },
  ]);
  // Later that day, and after a restart (a new register on the same store): nothing again.
  now = new Date('2026-03-02T15:00:00Z');
  expect((await register.digests.run()).owners).toEqual({ already_sent: 2 });
  const restarted = registerWith(sender);
  expect((await restarted.digests.run()).channels).toEqual({ already_sent: 1 });
  expect(sender.sent).toHaveLength(3);
  // Tuesday: past the day of grace, nothing; next Monday, next week's digests.
  now = new Date('2026-03-03T08:00:00Z');
  expect((await register.digests.run()).week).toBeNull();
  now = new Date('2026-03-09T07:30:00Z');
  expect((await register.digests.run()).week).toBe('2026-W11');
  expect(sender.sent.filter((s) => s.week === '2026-W11').map((s) => s.to)).toEqual(['ann', 'bert', 'channel:1']);
});

test('an owner Teams refuses is retried later on their own; the others are not sent again', async () => {
  const sender = new FakeSender();
  sender.refuse.add('bert');
  const register = registerWith(sender);
  now = new Date('2026-03-02T07:00:00Z');
  expect(await register.digests.run()).toMatchObject({ owners: { sent: 1, failed: 1 }, channels: { sent: 1 } });
  sender.refuse.clear();
  now = new Date('2026-03-02T07:05:00Z');
  expect((await register.digests.run()).owners).toEqual({ already_sent: 1, busy: 1 });
  now = new Date('2026-03-02T07:20:00Z');
  expect((await register.digests.run()).owners).toEqual({ already_sent: 1, sent: 1 });
  expect(sender.sent.map((s) => s.to)).toEqual(['ann', 'channel:1', 'bert']);
  const [bert] = await store.deliveries.list({ field: 'key', equals: 'digest:2026-W10:owner:bert' });
  expect(bert).toMatchObject({ state: 'sent', attempts: 2, lastError: 'Forbidden: bert left', kind: 'digest_owner' });
});

test('two servers at the same moment: each digest is sent once', async () => {
  const a = new FakeSender();
  const b = new FakeSender();
  now = new Date('2026-03-02T07:00:00Z');
  await Promise.all([registerWith(a).digests.run(), registerWith(b).digests.run()]);
  expect([...a.sent, ...b.sent].map((s) => s.to).sort()).toEqual(['ann', 'bert', 'channel:1']);
});

test('disabled, or no bot to send with: nothing is sent or recorded', async () => {
  const register = new Register(store, clock, { digests: { ...settings, enabled: false } });
  register.ports.provide({ digestSender: new FakeSender() });
  now = new Date('2026-03-02T07:00:00Z');
  expect((await register.digests.run()).week).toBeNull();
  expect((await new Register(store, clock).digests.run()).week).toBeNull();
  expect(await store.deliveries.list()).toEqual([]);
});

test('a secretary previews the digest (nothing sent) and sends it now, whatever the slot: once per recipient and Brussels day; a refused delivery is reported', async () => {
  const sender = new FakeSender();
  sender.refuse.add('bert');
  const register = registerWith(sender);
  const reported: string[] = [];
  register.ports.provide({ onError: (message, error) => reported.push(`${message}: ${(error as Error).message}`) });
  now = new Date('2026-03-04T10:00:00Z'); // a Wednesday: no weekly slot today
  const plan = await register.digests.preview();
  expect(plan.today).toBe('2026-03-04');
  expect(
    plan.messages.map((m) => (m.to === 'owner' ? `${m.owner.id}:${m.language}:${m.digest.lines.length}` : `channel:${m.group.id}:${m.digest.lines.length}`)),
  ).toEqual(['ann:fr:2', 'bert:nl:1', 'channel:1:4']);
  expect(plan.unreachable).toBe(1);
  expect(sender.sent).toEqual([]);
  expect(await register.store.deliveries.list()).toEqual([]);

  const run = await register.digests.sendNow();
  expect(run).toMatchObject({ owners: { sent: 1, failed: 1 }, channels: { sent: 1 }, unreachable: 1 });
  expect(sender.sent.map((s) => s.to)).toEqual(['ann', 'channel:1']);
  expect(reported).toEqual([
    expect.stringMatching(/^the digest for Bert \(digest:now:2026-03-04:owner:bert\) was not delivered; it is tried again later: Forbidden: bert left$/),
  ]);
  // pressed again the same day: nothing twice (Bert's failed message waits for its retry)
  expect(await register.digests.sendNow()).toMatchObject({ owners: { already_sent: 1, busy: 1 }, channels: { already_sent: 1 } });
  expect(sender.sent).toHaveLength(2);
  // 23:30 UTC is already the next day in Brussels: a new day, sent again
  now = new Date('2026-03-04T23:30:00Z');
  expect((await register.digests.sendNow()).owners).toMatchObject({ sent: 1 });
});
