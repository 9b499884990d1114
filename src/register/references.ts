import type { Action, Meeting } from '../domain';
import type { RegisterStore } from '../store';
import { type FieldIssue, fieldIssue, ValidationError } from './errors';

/**
 * A record names other records by id (an action its measure and meeting, a meeting the measures it decided on
 * and its focus group): each id must name a record that exists when it is written, or the write is a 400 naming
 * the field. Only ids new to the record are looked up, so a measure deleted later never blocks editing the rest.
 */

interface Reference {
  field: string;
  id: string;
  collection: 'entries' | 'meetings' | 'focusGroups';
  code: 'entry_missing' | 'meeting_missing' | 'focus_group_missing';
}

export type ReferencesOf<T> = (value: T) => Reference[];

const RECORD_ID = /^\d{1,15}$/;

export const actionReferences: ReferencesOf<Action> = (action) => [
  ...(action.entryId ? [{ field: 'entryId', id: action.entryId, collection: 'entries', code: 'entry_missing' } as const] : []),
  ...(action.meetingId ? [{ field: 'meetingId', id: action.meetingId, collection: 'meetings', code: 'meeting_missing' } as const] : []),
];

export const meetingReferences: ReferencesOf<Meeting> = (meeting) => [
  ...(meeting.focusGroupId ? [{ field: 'focusGroupId', id: meeting.focusGroupId, collection: 'focusGroups', code: 'focus_group_missing' } as const] : []),
  ...meeting.decisions.flatMap((decision, i) =>
    decision.entryIds.map((id, j) => ({ field: `decisions.${i}.entryIds.${j}`, id, collection: 'entries', code: 'entry_missing' }) as const),
  ),
];

/** Throws a ValidationError for every reference of `next` that `previous` did not have and that names nothing. */
export async function requireReferences<T>(store: RegisterStore, referencesOf: ReferencesOf<T>, next: T, previous?: T): Promise<void> {
  const known = new Set(previous === undefined ? [] : referencesOf(previous).map((r) => `${r.collection}|${r.id}`));
  const fresh = referencesOf(next).filter((r) => !known.has(`${r.collection}|${r.id}`));
  // both stores number their records: anything else ('../x') names nothing and is not looked up
  const found = await Promise.all(fresh.map((r) => (RECORD_ID.test(r.id) ? store[r.collection].get(r.id) : undefined)));
  const issues: FieldIssue[] = fresh.filter((_, i) => !found[i]).map((r) => fieldIssue(r.field, r.code, { id: r.id.slice(0, 40) }));
  if (issues.length > 0) throw new ValidationError(issues);
}
