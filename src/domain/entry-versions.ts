import type { HistoryEvent, PersonRef } from './model';

/**
 * An entry's versions, rebuilt from its history. Every event that changed the entry records each changed
 * field's value before and after (a decision event: the decision added; a deletion: every field of the last
 * version), so walking the history from the newest event back, undoing one event at a time, gives the entry as
 * it was after each event. Pure: no store, no clock.
 */

type Fields = Record<string, unknown>;
type Event = HistoryEvent & { id: string };

export interface EntryVersion {
  /** 1 for the oldest version the history knows */
  number: number;
  /** the history event that produced this version: what a restore names */
  eventId: string;
  /** the entry the event belongs to (an earlier id when the entry was deleted and restored) */
  entryId: string;
  at: string;
  by: PersonRef;
  kind: HistoryEvent['kind'];
  /** what this event changed */
  changes: HistoryEvent['changes'];
  note?: string;
  /** the entry's fields as they were after this event (no id, no version tag) */
  value: Fields;
  /** the stored version */
  current: boolean;
}

/** Events in the order they happened (time, then creation order of the history records). */
export function chronological<T extends { at: string; id: string }>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => a.at.localeCompare(b.at) || Number(a.id) - Number(b.id));
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A value recorded as null was absent (or null, which every nullable field of an entry defaults to). */
function assign(fields: Fields, field: string, value: unknown): void {
  if (value === null || value === undefined) delete fields[field];
  else fields[field] = value;
}

/** The entry as it was just before `event`, from the entry just after it. */
function undo(after: Fields, event: Event): Fields {
  const before = { ...after };
  for (const change of event.changes) {
    if (event.kind === 'decision_recorded' && change.field === 'decisions' && !Array.isArray(change.to)) {
      const decisions = Array.isArray(before.decisions) ? [...before.decisions] : [];
      const at = decisions.map((d) => sameJson(d, change.to)).lastIndexOf(true);
      if (at >= 0) decisions.splice(at, 1);
      before.decisions = decisions;
    } else {
      assign(before, change.field, change.from);
    }
  }
  return before;
}

/** The last version of a deleted entry, as its "deleted" event kept it. */
export function lastVersionOf(deleted: Pick<HistoryEvent, 'changes'>): Fields {
  const fields: Fields = {};
  for (const change of deleted.changes) assign(fields, change.field, change.from);
  return fields;
}

/** A restore's marker on the deleted entry ("restored as …") changes nothing of it. */
function isMarker(event: HistoryEvent): boolean {
  return event.kind === 'restored' && event.restoredAs !== undefined;
}

/**
 * Every version the history describes, oldest first; the last one is the stored entry when `current` is given.
 * `events` may span an entry and the deleted entries it restored (in time order); a deletion is not a version
 * but holds the version before it.
 */
export function entryVersions(current: Fields | undefined, events: readonly Event[]): EntryVersion[] {
  const newestFirst: Omit<EntryVersion, 'number'>[] = [];
  let state = current ? { ...current } : undefined;
  for (const event of [...chronological(events)].reverse()) {
    if (event.kind === 'deleted') {
      state = lastVersionOf(event);
      continue;
    }
    if (isMarker(event) || state === undefined) continue;
    newestFirst.push({
      eventId: event.id,
      entryId: event.entryId,
      at: event.at,
      by: event.by,
      kind: event.kind,
      changes: event.changes,
      ...(event.note ? { note: event.note } : {}),
      value: state,
      current: newestFirst.length === 0 && current !== undefined,
    });
    state = event.kind === 'created' ? undefined : undo(state, event);
  }
  return newestFirst.reverse().map((v, i) => ({ ...v, number: i + 1 }));
}

/** How long a deleted entry can be restored. */
export const RESTORE_DAYS = 30;

/** Whether a deletion at `deletedAt` is still within the restore window at `now`. */
export function restorable(deletedAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(deletedAt) <= RESTORE_DAYS * 24 * 60 * 60 * 1000;
}

/** The last day a deletion can be undone (ISO date-time). */
export function restorableUntil(deletedAt: string): string {
  return new Date(Date.parse(deletedAt) + RESTORE_DAYS * 24 * 60 * 60 * 1000).toISOString();
}
