import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ValidationError } from '../../src/register/errors';
import { type Clock, Register } from '../../src/register/register-service';
import { ConflictError, NotFoundError } from '../../src/store/errors';
import { createLocalStore } from '../../src/store/local/local-store';
import type { RegisterStore } from '../../src/store/store';
import { entryInput as buildEntry } from '../support/builders';

const anne = { name: 'Anne Peeters', email: 'anne@ocmw.brussels', id: 'u-anne' };
const jan = { name: 'Jan Janssens', id: 'u-jan' };
const entryInput = (title: string, extra: object = {}) =>
  buildEntry(title, { domain: 'PROC', status: 'new', kind: 'economy_of_scale', formalisation: 'joint_procurement', ...extra });

describe('register service on the embedded store', () => {
  let dir: string;
  let store: RegisterStore;
  let register: Register;
  let now: Date;
  const clock: Clock = { now: () => now };

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'register-'));
    store = createLocalStore(dir);
    await store.init();
    now = new Date('2026-11-23T09:00:00Z');
    register = new Register(store, clock);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records who created and who changed what, in order', async () => {
    const created = await register.entries.create(entryInput('Groepsaankoop brandstof'), anne);
    now = new Date('2026-11-23T10:00:00Z');
    await register.entries.update(created.id, { status: 'existing', parties: ['gemeente', 'OCMW'] }, jan, created.etag);
    now = new Date('2026-11-23T11:00:00Z');
    await register.entries.update(created.id, { description: { fr: 'Marché conjoint de carburant' } }, anne);

    const history = await register.entries.history(created.id);
    expect(history.map((h) => [h.kind, h.by.name])).toEqual([
      ['created', 'Anne Peeters'],
      ['status_changed', 'Jan Janssens'],
      ['updated', 'Anne Peeters'],
    ]);
    expect(history[1].changes).toEqual(
      expect.arrayContaining([
        { field: 'status', from: 'new', to: 'existing' },
        { field: 'parties', from: [], to: ['gemeente', 'OCMW'] },
      ]),
    );
    expect(history[1].at).toBe('2026-11-23T10:00:00.000Z');
  });

  it('refuses a save on a stale version and hands back the current one', async () => {
    const created = await register.entries.create(entryInput('Kaderovereenkomst postdiensten'), anne);
    await register.entries.update(created.id, { title: { nl: 'Raamovereenkomst postdiensten' } }, anne, created.etag);
    const attempt = register.entries.update(created.id, { title: { nl: 'Iets anders' } }, jan, created.etag);
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    const conflict = (await attempt.catch((e) => e)) as ConflictError<{ title: { nl?: string } }>;
    expect(conflict.current?.title.nl).toBe('Raamovereenkomst postdiensten');
    expect((await register.entries.get(created.id)).title.nl).toBe('Raamovereenkomst postdiensten');
  });

  it('writes nothing, not even history, when an update is invalid or changes nothing', async () => {
    const created = await register.entries.create(entryInput('x'), anne);
    await expect(register.entries.update(created.id, { domain: 'NOPE' }, anne)).rejects.toBeInstanceOf(ValidationError);
    const same = await register.entries.update(created.id, { title: { nl: 'x' } }, anne);
    expect(same.etag).toBe(created.etag);
    expect(await register.entries.history(created.id)).toHaveLength(1);
  });

  it('refuses a link to a focus group that does not exist', async () => {
    await expect(register.entries.create(entryInput('x', { focusGroupId: '42' }), anne)).rejects.toMatchObject({
      issues: [{ field: 'focusGroupId', reason: 'focus group 42 does not exist' }],
    });
  });

  it('keeps the history of a deleted entry and of an abandoned one', async () => {
    const a = await register.entries.create(entryInput('a'), anne);
    const b = await register.entries.create(entryInput('b'), anne);
    await register.entries.update(b.id, { status: 'stopped' }, jan);
    await register.entries.remove(a.id, anne);
    await expect(register.entries.get(a.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await register.entries.history(a.id)).map((h) => h.kind)).toEqual(['created', 'deleted']);
    expect((await register.entries.history(b.id)).map((h) => h.kind)).toEqual(['created', 'status_changed']);
  });

  it('records a decision on the entry and in its history', async () => {
    const e = await register.entries.create(entryInput('Aansluiting 2de pensioenpijler'), anne);
    const saved = await register.entries.recordDecision(e.id, { body: 'college', date: '2026-10-02', text: { nl: 'Goedgekeurd' }, outcome: 'approved' }, anne);
    expect(saved.decisions).toHaveLength(1);
    expect((await register.entries.history(e.id)).at(-1)).toMatchObject({ kind: 'decision_recorded', changes: [{ field: 'decisions' }] });
    await expect(register.entries.recordDecision(e.id, { body: 'college', date: '2026-13-01', text: {}, outcome: 'maybe' }, anne)).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ field: 'date' }), expect.objectContaining({ field: 'outcome' })]),
    });
  });

  it('rolls the year over once: new becomes existing, the year is frozen, abandoned stays, a later measure is not of it', async () => {
    const fresh = await register.entries.create(entryInput('nieuw'), anne);
    const dropped = await register.entries.create(entryInput('stopgezet', { status: 'stopped', startYear: 2020, endYear: 2026 }), anne);
    const later = await register.entries.create(entryInput('later', { startYear: 2027 }), anne);
    expect(await register.entries.rollOver(2026, anne)).toEqual({ rolledOver: 2, alreadyDone: 0, notInYear: 1 });
    expect(await register.entries.rollOver(2026, anne)).toEqual({ rolledOver: 0, alreadyDone: 2, notInYear: 1 });
    expect((await register.entries.get(later.id)).mentions).toEqual([]);
    const after = await register.entries.get(fresh.id);
    expect(after.status).toBe('existing');
    expect(after.mentions).toEqual([{ reportYear: 2026, status: 'new', italic: true, listed: true, rolledOver: true }]);
    expect((await register.entries.get(dropped.id)).status).toBe('stopped');
    expect((await register.entries.history(fresh.id)).at(-1)!.kind).toBe('rolled_over');
    await expect(register.entries.rollOver(1999, anne)).rejects.toBeInstanceOf(ValidationError);
  });

  it('lists open, overdue and personal actions by due date, and marks one done today', async () => {
    const e = await register.entries.create(entryInput('x', { domain: 'SOC.HOUS' }), anne);
    const later = await register.actions.create({ entryId: e.id, title: 'later', owner: anne, dueDate: '2027-03-01' });
    await register.actions.create({ entryId: e.id, title: 'overdue', owner: jan, dueDate: '2026-06-30' });
    await register.actions.create({ title: 'undated', owner: anne });
    await expect(register.actions.create({ entryId: '999', title: 'orphan', owner: anne })).rejects.toMatchObject({
      issues: [{ field: 'entryId', code: 'entry_missing' }],
    });

    expect((await register.actions.query({ open: true })).map((a) => a.title)).toEqual(['overdue', 'later', 'undated']);
    expect((await register.actions.query({ overdue: true })).map((a) => a.title)).toEqual(['overdue']);
    expect((await register.actions.query({ owner: { email: 'ANNE@ocmw.brussels' } })).map((a) => a.title)).toEqual(['later', 'undated']);
    expect((await register.actions.query({ domain: 'SOC' })).map((a) => a.title)).toEqual(['overdue', 'later']);

    const done = await register.actions.markDone(later.id, later.etag);
    expect(done).toMatchObject({ status: 'done', doneDate: '2026-11-23' });
    expect((await register.actions.query({ open: true })).map((a) => a.title)).toEqual(['overdue', 'undated']);
  });
});
