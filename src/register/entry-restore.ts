import { chronological, type EntryVersion, entryVersions, lastVersionOf, RESTORE_DAYS, restorable, restorableUntil } from '../domain';
import * as model from '../domain';
import type { HistoryEvent, LocalizedText, PersonRef, SynergyEntry } from '../domain';
import { changedFields } from '../domain';
import type { CollectionName, CollectionRecord } from '../store';
import { NotFoundError } from '../store';
import type { Collection, RegisterStore, Stored } from '../store';
import { readModifyWrite } from './conditional-write';
import { NotDeletedError, RestoreExpiredError } from './errors';
import { type Actor, type Clock, type EntryService, stripMeta, validate } from './register-service';

/** A deleted entry that can still be restored. */
export interface DeletedEntry {
  id: string;
  /** the "deleted" history event that keeps its last version */
  eventId: string;
  title: LocalizedText;
  domain: string;
  status: string;
  deletedAt: string;
  deletedBy: PersonRef;
  restorableUntil: string;
}

export interface RestoredEntry {
  entry: Stored<SynergyEntry>;
  /** false: nothing to change (the version is the stored one) or, for a deleted entry, restored before */
  changed: boolean;
}

/**
 * What restoring a version leaves as stored: decisions are the record of what a body decided (the secretary's
 * to record), mentions what closed reports said; an earlier version of the text never takes them back.
 */
function keptOnRestore(current: SynergyEntry): Pick<SynergyEntry, 'decisions' | 'mentions'> {
  return { decisions: current.decisions, mentions: current.mentions };
}

/** What a restored value must not carry over: the version's time stamp (the restore is a new version). */
function entryValue(fields: Record<string, unknown>): SynergyEntry {
  const { updatedAt: _updatedAt, ...rest } = fields;
  return validate(model.synergyEntry, rest) as SynergyEntry;
}

/**
 * Earlier versions of an entry, and deleted entries, brought back from the history. A version comes back as a
 * new version (the history says which one it restored); a deleted entry comes back under a new id within
 * RESTORE_DAYS, with its actions, polls and meeting decisions pointing to it and its history continued.
 */
export class EntryRestore {
  constructor(
    private readonly store: RegisterStore,
    private readonly entries: EntryService,
    private readonly clock: Clock,
  ) {}

  /** Every version of the entry the history describes, oldest first, with what each event changed. */
  async versions(id: string): Promise<EntryVersion[]> {
    const current = await this.entries.get(id);
    return entryVersions(stripMeta(current), await this.entries.history(id));
  }

  /**
   * Makes the version `eventId` the entry's content again, as a new version, if the stored version is still
   * `ifMatch` (the one the person looked at); a concurrent edit gives a ConflictError instead of being undone.
   */
  async restoreVersion(id: string, eventId: string, by: Actor, ifMatch: string): Promise<RestoredEntry> {
    let changes: HistoryEvent['changes'] = [];
    let source: EntryVersion | undefined;
    const { saved, changed } = await readModifyWrite(
      this.store.entries,
      'entries',
      id,
      async (current) => {
        source = entryVersions(stripMeta(current), await this.entries.history(id)).find((v) => v.eventId === eventId);
        if (!source) throw new NotFoundError('versions', eventId);
        const next = { ...entryValue(source.value), ...keptOnRestore(current) };
        changes = changedFields(stripMeta(current), next, ['updatedAt']);
        return changes.length ? { ...next, updatedAt: this.clock.now().toISOString() } : undefined;
      },
      { ifMatch },
    );
    if (changed && source) {
      await this.entries.record(id, by, 'restored', changes, undefined, { restoredFrom: { entryId: source.entryId, eventId } });
    }
    return { entry: saved, changed };
  }

  /** Deleted entries whose deletion is at most RESTORE_DAYS old and not restored yet, most recent first. */
  async deleted(): Promise<DeletedEntry[]> {
    const [deletions, restores] = await Promise.all([
      this.store.history.list({ field: 'kind', equals: 'deleted' }),
      this.store.history.list({ field: 'kind', equals: 'restored' }),
    ]);
    const now = this.clock.now();
    const out: DeletedEntry[] = [];
    for (const deletion of lastDeletions(deletions)) {
      if (!restorable(deletion.at, now)) continue;
      if (restores.some((r) => r.entryId === deletion.entryId && r.restoredAs !== undefined && r.at >= deletion.at)) continue;
      const last = lastVersionOf(deletion) as Partial<SynergyEntry>;
      out.push({
        id: deletion.entryId,
        eventId: deletion.id,
        title: last.title ?? {},
        domain: String(last.domain ?? ''),
        status: String(last.status ?? ''),
        deletedAt: deletion.at,
        deletedBy: deletion.by,
        restorableUntil: restorableUntil(deletion.at),
      });
    }
    return out.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  }

  /**
   * Brings a deleted entry back from its last version. Safe to repeat: the new entry is created once per
   * deletion (the store's create key), so a retry after a timeout or a crash finishes the same restore.
   */
  async restoreDeleted(id: string, by: Actor): Promise<RestoredEntry> {
    if (await this.store.entries.get(id)) throw new NotDeletedError(id);
    const own = chronological(await this.store.history.list({ field: 'entryId', equals: id }));
    const deletion = own.filter((e) => e.kind === 'deleted').at(-1);
    if (!deletion) throw new NotFoundError('entries', id);
    const marker = own.find((e) => e.restoredAs !== undefined && e.at >= deletion.at);
    if (marker?.restoredAs) {
      const earlier = await this.store.entries.get(marker.restoredAs);
      if (!earlier) throw new NotDeletedError(id, marker.restoredAs);
      return { entry: earlier, changed: false };
    }
    if (!restorable(deletion.at, this.clock.now())) throw new RestoreExpiredError(id, deletion.at, RESTORE_DAYS);

    const value = entryValue(lastVersionOf(deletion));
    if (value.focusGroupId && !(await this.store.focusGroups.get(value.focusGroupId))) value.focusGroupId = null;
    const { record } = await this.store.entries.createOnce({ ...value, updatedAt: this.clock.now().toISOString() }, `restore:${id}:${deletion.id}`);
    const restoredFrom = { entryId: id, eventId: deletion.id };
    const itsHistory = await this.store.history.list({ field: 'entryId', equals: record.id });
    if (!itsHistory.some((e) => e.restoredFrom?.eventId === deletion.id)) await this.entries.record(record.id, by, 'restored', [], undefined, { restoredFrom });
    await this.relink(id, record.id);
    // last: once the deleted entry says where it went, a retry stops here
    await this.entries.record(id, by, 'restored', [], undefined, { restoredAs: record.id });
    return { entry: record, changed: true };
  }

  /** Points what referred to the deleted entry (actions, polls, meeting decisions) to the restored one. */
  private async relink(from: string, to: string): Promise<void> {
    await this.relinkField('actions', this.store.actions, from, to);
    await this.relinkField('polls', this.store.polls, from, to);
    for (const meeting of await this.store.meetings.list()) {
      if (!meeting.decisions.some((d) => d.entryIds.includes(from))) continue;
      await readModifyWrite(this.store.meetings, 'meetings', meeting.id, (current) => ({
        ...stripMeta(current),
        decisions: current.decisions.map((d) => ({ ...d, entryIds: d.entryIds.map((e) => (e === from ? to : e)) })),
      }));
    }
  }

  private async relinkField<K extends 'actions' | 'polls'>(
    name: K & CollectionName,
    collection: Collection<CollectionRecord<K>>,
    from: string,
    to: string,
  ): Promise<void> {
    for (const linked of await collection.list({ field: 'entryId', equals: from }, { fresh: true })) {
      await readModifyWrite(collection, name, linked.id, (current) => (current.entryId === from ? { ...stripMeta(current), entryId: to } : undefined));
    }
  }
}

/** The latest deletion of each entry. */
function lastDeletions(events: Stored<HistoryEvent>[]): Stored<HistoryEvent>[] {
  const byEntry = new Map<string, Stored<HistoryEvent>>();
  for (const event of chronological(events)) byEntry.set(event.entryId, event);
  return [...byEntry.values()];
}
