import type { AnnualReport, HistoryEvent, SynergyEntry } from '../domain';
import * as model from '../domain';
import { changedFields, marksAfterChange, placementIssues } from '../domain';
import { type CreatedOnce, NotFoundError, type RegisterStore, type Stored } from '../store';
import { fieldIssue, ValidationError } from './errors';
import { type Actor, applyPatch, type Clock, isPlainObject, requestKeyOr, stripMeta, validate } from './records';

/**
 * The rules of an entry's change, and the writes of many entries at once (an import's measures): one `$batch` per 20
 * entries on SharePoint instead of a request or three per entry, each entry still created once per request key and
 * changed only at the version it was read at.
 */

/** A section or department the year's template does not know would leave the measure out of the annex: 400 with the values that exist. */
export async function requireKnownPlacement(store: RegisterStore, entry: SynergyEntry, reports?: readonly AnnualReport[]): Promise<void> {
  if (!entry.section && !entry.department) return;
  const issues = placementIssues(entry, reports ?? (await store.reports.list()));
  if (issues.length) throw new ValidationError(issues.map((i) => fieldIssue(i.field, i.code, i.params)));
}

export async function requireFocusGroup(store: RegisterStore, focusGroupId: string | null): Promise<void> {
  if (focusGroupId && !(await store.focusGroups.get(focusGroupId))) {
    throw new ValidationError([fieldIssue('focusGroupId', 'focus_group_missing', { id: focusGroupId })]);
  }
}

interface Revised {
  next: SynergyEntry;
  changes: HistoryEvent['changes'];
}

/**
 * What `patch` makes of the stored entry, and the fields it changes; undefined when it changes nothing. A new form
 * without a formalisation re-derives it; machine-translation marks follow the texts changed. Throws ValidationError.
 */
export async function revise(
  store: RegisterStore,
  current: Stored<SynergyEntry>,
  patch: unknown,
  reports?: readonly AnnualReport[],
): Promise<Revised | undefined> {
  const merged = applyPatch(current, patch);
  // `form: null` removes the form; the formalisation it implied stays the entry's own
  if (merged.form === null) delete merged.form;
  // a new form without a formalisation re-derives it, unless the entry deliberately overrides it
  else if (isPlainObject(patch) && 'form' in patch && !('formalisation' in patch) && !merged.formalisationOverride) delete merged.formalisation;
  if (isPlainObject(patch)) {
    const marks = marksAfterChange(current.machineTranslated, patch, current);
    if (marks?.length) merged.machineTranslated = marks;
    else delete merged.machineTranslated;
  }
  const next = validate(model.synergyEntry, merged) as SynergyEntry;
  const changes = changedFields(stripMeta(current), next, ['updatedAt']);
  if (changes.length === 0) return undefined;
  if (changes.some((c) => c.field === 'focusGroupId')) await requireFocusGroup(store, next.focusGroupId);
  if (changes.some((c) => c.field === 'section' || c.field === 'department' || c.field === 'mentions')) await requireKnownPlacement(store, next, reports);
  return { next, changes };
}

/** The history event kind of a change. */
export function changeKind(changes: HistoryEvent['changes']): HistoryEvent['kind'] {
  return changes.some((c) => c.field === 'status') ? 'status_changed' : 'updated';
}

type EventOf = (entryId: string, by: Actor, kind: HistoryEvent['kind'], changes: HistoryEvent['changes'], note?: string) => HistoryEvent;
type UpdateOne = (id: string, patch: unknown, by: Actor, ifMatch: string, note?: string) => Promise<Stored<SynergyEntry>>;

/** A change of an entry made from the version the caller read (`current`): `patch` says what it becomes. */
export interface Revision {
  current: Stored<SynergyEntry>;
  patch(current: Stored<SynergyEntry>): unknown;
}

export class EntryBatches {
  constructor(
    private readonly store: RegisterStore,
    private readonly clock: Clock,
    private readonly event: EventOf,
    private readonly updateOne: UpdateOne,
  ) {}

  /**
   * Creates each entry once per request key, all validated first (all or nothing). Each entry's "created" event is
   * keyed by the entry, so it is written once, also for an entry a call cut short created without its event.
   */
  async createManyOnce(items: ReadonlyArray<{ input: unknown; requestKey: string }>, by: Actor): Promise<CreatedOnce<SynergyEntry>[]> {
    const issues: ValidationError['issues'] = [];
    const values = items.map((item, i) => {
      requestKeyOr(item.requestKey);
      const result = model.synergyEntry.safeParse(item.input);
      if (!result.success) issues.push(...ValidationError.fromZod(result.error, String(i)).issues);
      return result.success ? (result.data as SynergyEntry) : undefined;
    });
    if (issues.length) throw new ValidationError(issues);
    const entries = values as SynergyEntry[];
    const reports = entries.some((e) => e.section || e.department) ? await this.store.reports.list() : [];
    for (const entry of entries) await requireKnownPlacement(this.store, entry, reports);
    for (const id of new Set(entries.map((e) => e.focusGroupId))) await requireFocusGroup(this.store, id);
    const now = this.clock.now().toISOString();
    const results = await this.store.entries.createManyOnce(
      entries.map((e) => ({ ...e, updatedAt: now })),
      items.map((item) => item.requestKey),
    );
    await this.store.history.createManyOnce(
      results.map((r) => this.event(r.record.id, by, 'created', [])),
      results.map((r) => `created:${r.record.id}`),
    );
    return results;
  }

  /**
   * Changes many entries, each only at the version its caller read, in batches, with their history events (batched).
   * An entry that moved since is read again and changed alone, at its new version (a ConflictError if it moves again).
   */
  async updateMany(revisions: readonly Revision[], by: Actor, note?: string): Promise<Stored<SynergyEntry>[]> {
    const reports = await this.store.reports.list();
    const planned: Array<Revised & { revision: Revision }> = [];
    for (const revision of revisions) {
      const revised = await revise(this.store, revision.current, revision.patch(revision.current), reports);
      if (revised) planned.push({ ...revised, revision });
    }
    const now = this.clock.now().toISOString();
    const saved = await this.store.entries.updateMany(
      planned.map((p) => ({ id: p.revision.current.id, value: { ...p.next, updatedAt: now }, ifMatch: p.revision.current.etag, before: p.revision.current })),
    );
    const out: Stored<SynergyEntry>[] = [];
    const events: HistoryEvent[] = [];
    saved.forEach((record, i) => {
      if (!record) return;
      out.push(record);
      events.push(this.event(record.id, by, changeKind(planned[i].changes), planned[i].changes, note));
    });
    await this.store.history.createMany(events);
    for (const [i, record] of saved.entries()) {
      if (record) continue;
      const { id } = planned[i].revision.current;
      const fresh = await this.store.entries.get(id);
      if (!fresh) throw new NotFoundError('entries', id);
      out.push(await this.updateOne(id, planned[i].revision.patch(fresh), by, fresh.etag, note));
    }
    return out;
  }
}
