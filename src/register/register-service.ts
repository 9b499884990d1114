import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { rulesForClosing } from '../domain/annex/placement';
import { chronological } from '../domain/entry-versions';
import * as model from '../domain/model';
import type { Action, Decision, HistoryEvent, PersonRef, SynergyEntry } from '../domain/model';
import {
  type ActionFilter,
  changedFields,
  type EntryFilter,
  filterActions,
  filterEntries,
  rollOverEntry,
} from '../domain/queries';
import type { CollectionName, CollectionRecord } from '../store/collections';
import { NotFoundError } from '../store/errors';
import { type Collection, type CreatedOnce, MAX_CREATE_KEY, type RegisterStore, type Stored } from '../store/store';
import { readModifyWrite, removeConditionally } from './conditional-write';
import { fieldIssue, ValidationError } from './errors';
import type { Language } from '../domain/vocabulary';
import { Deliveries } from './deliveries';
import { DEFAULT_DIGESTS, DigestService, type DigestSettings } from './digest-service';
import { PollSchedule } from './poll-schedule';
import { PollService } from './poll-service';

export type Actor = PersonRef;
type EventLinks = Pick<HistoryEvent, 'restoredFrom' | 'restoredAs'>;

/** What a change is recorded under: the person's name, id and e-mail, never more of whatever object the caller holds. */
export function personRefOf(by: Actor): PersonRef {
  return { name: by.name, ...(by.id ? { id: by.id } : {}), ...(by.email ? { email: by.email } : {}) };
}

/** A client's request key (an API Idempotency-Key, already scoped to its caller), or a fresh one. */
function requestKeyOr(requestKey: string | undefined): string {
  if (requestKey === undefined) return randomUUID();
  if (!requestKey.trim() || requestKey.length > MAX_CREATE_KEY) {
    throw new ValidationError([fieldIssue('Idempotency-Key', 'key_length', { max: MAX_CREATE_KEY })]);
  }
  return requestKey;
}

/** Parses input with a schema, turning failures into a ValidationError naming each field. */
export function validate<S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw ValidationError.fromZod(result.error);
  return result.data;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A patch replaces the fields it names; `id` and `etag` are the store's, never the caller's. */
function applyPatch<T extends object>(current: Stored<T>, patch: unknown): Record<string, unknown> {
  if (!isPlainObject(patch)) throw new ValidationError([fieldIssue('', 'not_object')]);
  const { id: _id, etag: _etag, ...base } = current as Record<string, unknown>;
  const { id: _pid, etag: _petag, ...changes } = patch;
  return { ...base, ...changes };
}

/** Plain create/read/update/delete with validation for one collection. */
export class RecordService<K extends CollectionName> {
  constructor(
    protected readonly collection: Collection<CollectionRecord<K>>,
    protected readonly schema: z.ZodTypeAny,
    protected readonly name: K,
  ) {}

  list(filter?: Parameters<Collection<CollectionRecord<K>>['list']>[0]): Promise<Stored<CollectionRecord<K>>[]> {
    return this.collection.list(filter);
  }

  async get(id: string): Promise<Stored<CollectionRecord<K>>> {
    const found = await this.collection.get(id);
    if (!found) throw new NotFoundError(this.name, id);
    return found;
  }

  async create(input: unknown): Promise<Stored<CollectionRecord<K>>> {
    return (await this.createOnce(input)).record;
  }

  /** Creates once per request key: a retry with the same key gets the first record, `created: false`. */
  createOnce(input: unknown, requestKey?: string): Promise<CreatedOnce<CollectionRecord<K>>> {
    return this.collection.createOnce(validate(this.schema, input), requestKeyOr(requestKey));
  }

  /** Applies the patch to the stored version: the caller's `ifMatch` if given, else re-applied until it lands. */
  async update(id: string, patch: unknown, ifMatch?: string): Promise<Stored<CollectionRecord<K>>> {
    const { saved } = await readModifyWrite(this.collection, this.name, id, (current) => validate(this.schema, applyPatch(current, patch)), { ifMatch });
    return saved;
  }

  async remove(id: string, ifMatch?: string): Promise<void> {
    await removeConditionally(this.collection, this.name, id, { ifMatch });
  }
}

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export function todayOf(clock: Clock): string {
  return clock.now().toISOString().slice(0, 10);
}

/** Actions: validation, plus "mark done", which keeps the done date consistent with the status. */
export class ActionService extends RecordService<'actions'> {
  constructor(
    private readonly store: RegisterStore,
    private readonly entries: EntryService,
    private readonly clock: Clock,
  ) {
    super(store.actions, model.action, 'actions');
  }

  override async createOnce(input: unknown, requestKey?: string): Promise<CreatedOnce<Action>> {
    const value = validate(this.schema, input) as Action;
    if (value.entryId) await this.entries.get(value.entryId);
    return this.collection.createOnce(value, requestKeyOr(requestKey));
  }

  async markDone(id: string, ifMatch?: string, doneDate = todayOf(this.clock)): Promise<Stored<Action>> {
    return this.update(id, { status: 'done', doneDate }, ifMatch);
  }

  async reopen(id: string, ifMatch?: string): Promise<Stored<Action>> {
    return this.update(id, { status: 'open', doneDate: null }, ifMatch);
  }

  /** Open, overdue, one person's, one domain's: always sorted by due date. */
  async query(filter: ActionFilter): Promise<Stored<Action>[]> {
    const actions = await (filter.entryId ? this.collection.list({ field: 'entryId', equals: filter.entryId }) : this.collection.list());
    let domains = new Map<string, string>();
    if (filter.domain) domains = new Map((await this.store.entries.list()).map((e) => [e.id, e.domain]));
    return filterActions(actions, filter, todayOf(this.clock), (entryId) => domains.get(entryId));
  }
}

/** Synergy entries with their append-only history. */
export class EntryService {
  constructor(
    private readonly store: RegisterStore,
    private readonly clock: Clock,
  ) {}

  async list(filter: EntryFilter): Promise<Stored<SynergyEntry>[]> {
    const indexed = filter.status
      ? { field: 'status' as const, equals: filter.status }
      : filter.focusGroupId
        ? { field: 'focusGroupId' as const, equals: filter.focusGroupId }
        : undefined;
    return filterEntries(await this.store.entries.list(indexed), filter);
  }

  async get(id: string): Promise<Stored<SynergyEntry>> {
    const found = await this.store.entries.get(id);
    if (!found) throw new NotFoundError('entries', id);
    return found;
  }

  /** The entry's history, oldest first; an entry that restored a deleted one continues that entry's history. */
  async history(entryId: string): Promise<Stored<HistoryEvent>[]> {
    const events: Stored<HistoryEvent>[] = [];
    const seen = new Set<string>();
    for (let id: string | undefined = entryId; id !== undefined && !seen.has(id); ) {
      seen.add(id);
      const own = await this.store.history.list({ field: 'entryId', equals: id });
      events.push(...own);
      id = own.find((e) => e.kind === 'restored' && e.restoredFrom && e.restoredFrom.entryId !== e.entryId)?.restoredFrom?.entryId;
    }
    return chronological(events);
  }

  async create(input: unknown, by: Actor): Promise<Stored<SynergyEntry>> {
    return (await this.createOnce(input, by)).record;
  }

  /**
   * Creates the entry once per request key. A retry finds the first entry (`created: false`) and writes its
   * "created" event if the first attempt failed before it could (the entry then exists without one).
   */
  async createOnce(input: unknown, by: Actor, requestKey?: string): Promise<CreatedOnce<SynergyEntry>> {
    const value = validate(model.synergyEntry, input) as SynergyEntry;
    await this.requireFocusGroup(value.focusGroupId);
    const result = await this.store.entries.createOnce({ ...value, updatedAt: this.clock.now().toISOString() }, requestKeyOr(requestKey));
    const recorded = !result.created && (await this.store.history.list({ field: 'entryId', equals: result.record.id })).some((e) => e.kind === 'created');
    if (!recorded) await this.record(result.record.id, by, 'created', []);
    return result;
  }

  /** Validates many entries first (all or nothing), then writes them in bulk. */
  async createMany(inputs: unknown[], by: Actor): Promise<Stored<SynergyEntry>[]> {
    const issues: ValidationError['issues'] = [];
    const values = inputs.map((input, i) => {
      const result = model.synergyEntry.safeParse(input);
      if (!result.success) issues.push(...ValidationError.fromZod(result.error, String(i)).issues);
      return result.success ? { ...result.data, updatedAt: this.clock.now().toISOString() } : undefined;
    });
    if (issues.length) throw new ValidationError(issues);
    const created = await this.store.entries.createMany(values as SynergyEntry[]);
    await this.store.history.createMany(created.map((e) => this.event(e.id, by, 'created', [])));
    return created;
  }

  async update(id: string, patch: unknown, by: Actor, ifMatch?: string, note?: string): Promise<Stored<SynergyEntry>> {
    let changes: HistoryEvent['changes'] = [];
    const { saved, changed } = await readModifyWrite(
      this.store.entries,
      'entries',
      id,
      async (current) => {
        const merged = applyPatch(current, patch);
        // `form: null` removes the form; the formalisation it implied stays the entry's own
        if (merged.form === null) delete merged.form;
        // a new form without a formalisation re-derives it, unless the entry deliberately overrides it
        else if (isPlainObject(patch) && 'form' in patch && !('formalisation' in patch) && !merged.formalisationOverride) delete merged.formalisation;
        const next = validate(model.synergyEntry, merged) as SynergyEntry;
        changes = changedFields(stripMeta(current), next, ['updatedAt']);
        if (changes.length === 0) return undefined;
        if (changes.some((c) => c.field === 'focusGroupId')) await this.requireFocusGroup(next.focusGroupId);
        return { ...next, updatedAt: this.clock.now().toISOString() };
      },
      { ifMatch },
    );
    if (!changed) return saved;
    const kind = changes.some((c) => c.field === 'status') ? 'status_changed' : 'updated';
    await this.record(id, by, kind, changes, note);
    return saved;
  }

  /**
   * Adds a decision (College, Vast Bureau, a poll's outcome…) to the entry's stored version and to its history;
   * concurrent decisions and edits all survive. The same decision again (a retried request) is recorded once.
   */
  async recordDecision(id: string, input: unknown, by: Actor): Promise<Stored<SynergyEntry>> {
    const decision = validate(model.decision, input) as Decision;
    const { saved, changed } = await readModifyWrite(this.store.entries, 'entries', id, (current) =>
      current.decisions.some((d) => sameJson(d, decision))
        ? undefined
        : { ...stripMeta(current), decisions: [...current.decisions, decision], updatedAt: this.clock.now().toISOString() },
    );
    if (changed) await this.record(id, by, 'decision_recorded', [{ field: 'decisions', from: null, to: decision }]);
    return saved;
  }

  /** Removes the entry if it is still the version the caller read; its last version stays in the history. */
  async remove(id: string, by: Actor, ifMatch?: string): Promise<void> {
    const removed = await removeConditionally(this.store.entries, 'entries', id, { ifMatch });
    const last = stripMeta(removed) as Record<string, unknown>;
    await this.record(id, by, 'deleted', Object.keys(last).map((field) => ({ field, from: last[field], to: null })));
  }

  /**
   * Closes `closingYear`: freezes each entry's place in that year's report as a mention ("new" becomes "existing").
   * Idempotent, and a roll-over cut short resumes: the year is derived as if nothing were frozen yet.
   */
  async rollOver(closingYear: number, by: Actor): Promise<{ rolledOver: number; alreadyDone: number; notInYear: number }> {
    if (!Number.isInteger(closingYear) || closingYear < 2000 || closingYear > 2100) {
      throw new ValidationError([fieldIssue('year', 'year_range', { min: 2000, max: 2100 })]);
    }
    const [entries, templates] = await Promise.all([this.store.entries.list(), this.store.reports.list()]);
    const rules = rulesForClosing(entries, templates, closingYear);
    const counts = { rolledOver: 0, alreadyDone: 0, notInYear: 0 };
    // a filed report read back closed the year: it holds what it printed, nothing is added
    if (!rules) {
      const filed = entries.filter((e) => e.mentions.some((m) => m.reportYear === closingYear)).length;
      return { ...counts, alreadyDone: filed, notInYear: entries.length - filed };
    }
    for (const { id } of entries) {
      let changes: HistoryEvent['changes'] = [];
      let frozenBefore = false;
      const { changed } = await readModifyWrite(this.store.entries, 'entries', id, (current) => {
        frozenBefore = current.mentions.some((m) => m.reportYear === closingYear);
        const next = rollOverEntry(current, rules);
        if (!next) return undefined;
        changes = changedFields(stripMeta(current), next, ['updatedAt']);
        return { ...stripMeta(next), updatedAt: this.clock.now().toISOString() };
      }).catch((error: unknown) => {
        if (error instanceof NotFoundError) return { changed: false }; // deleted meanwhile
        throw error;
      });
      if (!changed) {
        counts[frozenBefore ? 'alreadyDone' : 'notInYear']++;
        continue;
      }
      await this.record(id, by, 'rolled_over', changes, `Report year ${closingYear} closed`);
      counts.rolledOver++;
    }
    return counts;
  }

  private async requireFocusGroup(focusGroupId: string | null): Promise<void> {
    if (focusGroupId && !(await this.store.focusGroups.get(focusGroupId))) {
      throw new ValidationError([fieldIssue('focusGroupId', 'focus_group_missing', { id: focusGroupId })]);
    }
  }

  private event(entryId: string, by: Actor, kind: HistoryEvent['kind'], changes: HistoryEvent['changes'], note?: string, more: EventLinks = {}): HistoryEvent {
    return { entryId, at: this.clock.now().toISOString(), by: personRefOf(by), kind, changes, ...(note ? { note } : {}), ...more };
  }

  /** Appends an event to the entry's history (for the register's own services: restores). */
  async record(entryId: string, by: Actor, kind: HistoryEvent['kind'], changes: HistoryEvent['changes'], note?: string, more: EventLinks = {}): Promise<Stored<HistoryEvent>> {
    return this.store.history.create(this.event(entryId, by, kind, changes, note, more));
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function stripMeta<T extends object>(stored: Stored<T>): T {
  const { id: _id, etag: _etag, ...value } = stored;
  return value as unknown as T;
}

/** The register: one object the server, the bot and the add-in talk to. No Teams, Word or Graph types here. */
export class Register {
  readonly entries: EntryService;
  readonly actions: ActionService;
  readonly focusGroups: RecordService<'focusGroups'>;
  readonly meetings: RecordService<'meetings'>;
  readonly reports: RecordService<'reports'>;
  /** messages sent once across restarts and servers (digests, reminders, scheduled posts) */
  readonly deliveries: Deliveries;
  readonly polls: PollService;
  readonly pollSchedule: PollSchedule;
  readonly digests: DigestService;

  constructor(
    readonly store: RegisterStore,
    readonly clock: Clock = systemClock,
    options: { defaultLanguage?: Language; digests?: DigestSettings } = {},
  ) {
    this.entries = new EntryService(store, clock);
    this.actions = new ActionService(store, this.entries, clock);
    this.focusGroups = new RecordService(store.focusGroups, model.focusGroup, 'focusGroups');
    this.meetings = new RecordService(store.meetings, model.meeting, 'meetings');
    this.reports = new RecordService(store.reports, model.annualReport, 'reports');
    this.deliveries = new Deliveries(store, clock);
    this.polls = new PollService(store, this, { clock, deliveries: this.deliveries, defaultLanguage: options.defaultLanguage });
    this.pollSchedule = new PollSchedule(this.polls);
    this.digests = new DigestService(this, options.digests ?? DEFAULT_DIGESTS, () => this.polls.defaultLanguage);
  }
}
