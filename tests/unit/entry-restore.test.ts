import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { entryVersions, lastVersionOf } from '../../src/domain/entry-versions';
import { EntryRestore } from '../../src/register/entry-restore';
import { NotDeletedError, RestoreExpiredError } from '../../src/register/errors';
import { type Clock, Register } from '../../src/register/register-service';
import { ConflictError, NotFoundError } from '../../src/store/errors';
import { createLocalStore } from '../../src/store/local/local-store';
import type { RegisterStore } from '../../src/store/store';
import { entryInput as buildEntry } from '../support/builders';

const anne = { name: 'Anne Peeters', id: 'u-anne' };
const jan = { name: 'Jan Janssens', id: 'u-jan' };
const entryInput = (title: string, extra: object = {}) =>
  buildEntry(title, { domain: 'PROC', status: 'new', kind: 'economy_of_scale', formalisation: 'joint_procurement', ...extra });
const college = { body: 'college', date: '2026-02-01', text: { nl: 'Akkoord' }, outcome: 'approved' };

describe('entry versions and restore (embedded store, fake clock)', () => {
  let dir: string;
  let store: RegisterStore;
  let register: Register;
  let restore: EntryRestore;
  let now: Date;
  const clock: Clock = { now: () => now };
  const later = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'restore-'));
    store = createLocalStore(dir);
    await store.init();
    now = new Date('2026-11-23T09:00:00Z');
    register = new Register(store, clock);
    restore = new EntryRestore(store, register.entries, clock);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** created → title changed → status changed → decision recorded → description added */
  async function entryWithFiveVersions() {
    const created = await register.entries.create(entryInput('Brandstof'), anne);
    later(1);
    let e = await register.entries.update(created.id, { title: { nl: 'Groepsaankoop brandstof' } }, jan, created.etag);
    later(1);
    e = await register.entries.update(e.id, { status: 'existing' }, jan, e.etag);
    later(1);
    await register.entries.recordDecision(e.id, college, anne);
    later(1);
    e = await register.entries.update(e.id, { description: { fr: 'Carburant' } }, jan);
    return e;
  }

  test('every version is rebuilt from the history, with what each event changed', async () => {
    const e = await entryWithFiveVersions();
    const versions = await restore.versions(e.id);
    expect(versions.map((v) => [v.number, v.kind, v.by.name, v.current])).toEqual([
      [1, 'created', 'Anne Peeters', false],
      [2, 'updated', 'Jan Janssens', false],
      [3, 'status_changed', 'Jan Janssens', false],
      [4, 'decision_recorded', 'Anne Peeters', false],
      [5, 'updated', 'Jan Janssens', true],
    ]);
    expect(versions[0].value).toMatchObject({ title: { nl: 'Brandstof' }, status: 'new', decisions: [], description: {} });
    expect(versions[1].value).toMatchObject({ title: { nl: 'Groepsaankoop brandstof' }, status: 'new' });
    expect(versions[2].value).toMatchObject({ status: 'existing', decisions: [] });
    expect(versions[3].value.decisions).toHaveLength(1);
    expect(versions[4].value).toMatchObject({ description: { fr: 'Carburant' } });
    expect(versions[1].changes).toEqual([{ field: 'title', from: { nl: 'Brandstof' }, to: { nl: 'Groepsaankoop brandstof' } }]);
  });

  test('restoring version 1 makes a new version with its content; decisions stay; the history says which version came back', async () => {
    const e = await entryWithFiveVersions();
    const [first] = await restore.versions(e.id);
    later(1);
    const { entry, changed } = await restore.restoreVersion(e.id, first.eventId, anne, e.etag);
    expect(changed).toBe(true);
    expect(entry).toMatchObject({ title: { nl: 'Brandstof' }, status: 'new', description: {} });
    expect(entry.decisions).toHaveLength(1);
    expect(entry.etag).not.toBe(e.etag);
    const history = await register.entries.history(e.id);
    const last = history.at(-1)!;
    expect(last).toMatchObject({ kind: 'restored', by: { name: 'Anne Peeters' }, restoredFrom: { entryId: e.id, eventId: first.eventId } });
    expect(last.changes.map((c) => c.field).sort()).toEqual(['description', 'status', 'title']);
    // the restore is a version too, and version 5 can be restored in turn
    const versions = await restore.versions(e.id);
    expect(versions).toHaveLength(6);
    const back = await restore.restoreVersion(e.id, versions[4].eventId, jan, entry.etag);
    expect(back.entry).toMatchObject({ title: { nl: 'Groepsaankoop brandstof' }, status: 'existing', description: { fr: 'Carburant' } });
  });

  test('a restore from a version the person did not see is refused (409), never undoing the other edit', async () => {
    const e = await entryWithFiveVersions();
    const [first] = await restore.versions(e.id);
    const edited = await register.entries.update(e.id, { source: 'notulen 12/3' }, jan, e.etag);
    await expect(restore.restoreVersion(e.id, first.eventId, anne, e.etag)).rejects.toBeInstanceOf(ConflictError);
    expect((await register.entries.get(e.id)).source).toBe('notulen 12/3');
    // restoring the current version changes nothing and records nothing
    const versions = await restore.versions(e.id);
    const same = await restore.restoreVersion(e.id, versions.at(-1)!.eventId, anne, edited.etag);
    expect(same.changed).toBe(false);
    expect((await register.entries.history(e.id)).at(-1)!.kind).toBe('updated');
    await expect(restore.restoreVersion(e.id, '99999', anne, edited.etag)).rejects.toBeInstanceOf(NotFoundError);
  });

  test('a deleted entry comes back within 30 days under a new id, with its actions, polls and meeting links, its history continued', async () => {
    const group = await register.focusGroups.create({ domain: 'PROC', name: { nl: 'Aankoop' } });
    const e = await register.entries.create(entryInput('Schoonmaak', { focusGroupId: group.id, parties: ['Gemeente', 'OCMW'] }), anne);
    const action = await register.actions.create({ entryId: e.id, title: 'Bestek', owner: { name: 'Jan' } });
    const meeting = await register.meetings.create({ body: 'steering_group', date: '2026-03-01', decisions: [{ text: { nl: 'Ja' }, entryIds: [e.id] }] });
    const poll = await store.polls.create({
      focusGroupId: group.id,
      entryId: e.id,
      question: 'Welke firma?',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
      createdBy: { name: 'Anne' },
      createdAt: now.toISOString(),
      requestKey: 'test:poll',
    } as never);
    later(60);
    await register.entries.remove(e.id, jan, e.etag);
    expect(await restore.deleted()).toEqual([
      expect.objectContaining({
        id: e.id,
        title: { nl: 'Schoonmaak' },
        deletedBy: { name: 'Jan Janssens', id: 'u-jan' },
        restorableUntil: '2026-12-23T10:00:00.000Z',
      }),
    ]);

    now = new Date('2026-12-23T09:59:00Z'); // 29 days 23 h 59 min later
    const { entry, changed } = await restore.restoreDeleted(e.id, anne);
    expect(changed).toBe(true);
    expect(entry.id).not.toBe(e.id);
    expect(entry).toMatchObject({ title: { nl: 'Schoonmaak' }, focusGroupId: group.id, parties: ['Gemeente', 'OCMW'] });
    expect((await store.actions.get(action.id))!.entryId).toBe(entry.id);
    expect((await store.polls.get(poll.id))!.entryId).toBe(entry.id);
    expect((await store.meetings.get(meeting.id))!.decisions[0].entryIds).toEqual([entry.id]);
    const history = await register.entries.history(entry.id);
    expect(history.map((h) => h.kind)).toEqual(['created', 'deleted', 'restored', 'restored']);
    expect(await restore.deleted()).toEqual([]);
    // the versions run on through the deletion: the first one is the created entry
    const versions = await restore.versions(entry.id);
    expect(versions.map((v) => v.kind)).toEqual(['created', 'restored']);
    // again: the same entry, nothing more
    const again = await restore.restoreDeleted(e.id, jan);
    expect(again).toMatchObject({ changed: false, entry: { id: entry.id } });
    expect(await store.entries.list()).toHaveLength(1);
    await expect(restore.restoreDeleted(entry.id, jan)).rejects.toBeInstanceOf(NotDeletedError);
  });

  test('after 30 days a deletion can no longer be restored (410) and is not listed', async () => {
    const e = await register.entries.create(entryInput('Oud'), anne);
    await register.entries.remove(e.id, jan, e.etag);
    now = new Date('2026-12-23T09:00:01Z');
    expect(await restore.deleted()).toEqual([]);
    await expect(restore.restoreDeleted(e.id, anne)).rejects.toBeInstanceOf(RestoreExpiredError);
    await expect(restore.restoreDeleted('424242', anne)).rejects.toBeInstanceOf(NotFoundError);
  });

  test('a restore cut off half way (crash before the last history write) finishes on retry without a second entry', async () => {
    const e = await register.entries.create(entryInput('Onderbroken'), anne);
    const action = await register.actions.create({ entryId: e.id, title: 'X', owner: { name: 'Jan' } });
    await register.entries.remove(e.id, jan, e.etag);
    const create = store.history.create.bind(store.history);
    let failed = false;
    store.history.create = async (value) => {
      if (value.restoredAs && !failed) {
        failed = true;
        throw new Error('process killed');
      }
      return create(value);
    };
    await expect(restore.restoreDeleted(e.id, anne)).rejects.toThrow('process killed');
    expect(await restore.deleted()).toHaveLength(1); // still listed: not done
    const { entry } = await restore.restoreDeleted(e.id, anne);
    expect(await store.entries.list()).toEqual([expect.objectContaining({ id: entry.id })]);
    expect((await store.actions.get(action.id))!.entryId).toBe(entry.id);
    expect((await store.history.list({ field: 'entryId', equals: entry.id })).filter((h) => h.kind === 'restored')).toHaveLength(1);
    expect(await restore.deleted()).toEqual([]);
  });

  test('pure rebuild: a deletion holds the last version; events of the deleted entry lead to the restored one', () => {
    const events = [
      { id: '1', entryId: '7', at: '2026-01-01T00:00:00Z', by: anne, kind: 'created' as const, changes: [] },
      { id: '2', entryId: '7', at: '2026-01-02T00:00:00Z', by: anne, kind: 'updated' as const, changes: [{ field: 'section', from: null, to: 'ICT' }] },
      {
        id: '3',
        entryId: '7',
        at: '2026-01-03T00:00:00Z',
        by: anne,
        kind: 'deleted' as const,
        changes: [
          { field: 'title', from: { nl: 'T' }, to: null },
          { field: 'section', from: 'ICT', to: null },
        ],
      },
      { id: '4', entryId: '8', at: '2026-01-04T00:00:00Z', by: anne, kind: 'restored' as const, changes: [], restoredFrom: { entryId: '7', eventId: '3' } },
      { id: '5', entryId: '7', at: '2026-01-04T00:00:00Z', by: anne, kind: 'restored' as const, changes: [], restoredAs: '8' },
    ];
    expect(lastVersionOf(events[2])).toEqual({ title: { nl: 'T' }, section: 'ICT' });
    const versions = entryVersions({ title: { nl: 'T' }, section: 'ICT' }, events);
    expect(versions.map((v) => [v.eventId, v.value])).toEqual([
      ['1', { title: { nl: 'T' } }],
      ['2', { title: { nl: 'T' }, section: 'ICT' }],
      ['4', { title: { nl: 'T' }, section: 'ICT' }],
    ]);
  });
});
