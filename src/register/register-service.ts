import type { z } from 'zod';
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
import type { Collection, RegisterStore, Stored } from '../store/store';
import { ValidationError } from './errors';

export type Actor = PersonRef;

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
  if (!isPlainObject(patch)) throw new ValidationError([{ field: '', reason: 'must be a JSON object' }]);
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

  create(input: unknown): Promise<Stored<CollectionRecord<K>>> {
    return this.collection.create(validate(this.schema, input));
  }

  async update(id: string, patch: unknown, ifMatch?: string): Promise<Stored<CollectionRecord<K>>> {
    const current = await this.get(id);
    const next = validate(this.schema, applyPatch(current, patch));
    return this.collection.update(id, next, ifMatch);
  }

  remove(id: string, ifMatch?: string): Promise<void> {
    return this.collection.remove(id, ifMatch);
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

  override async create(input: unknown): Promise<Stored<Action>> {
    const value = validate(this.schema, input) as Action;
    if (value.entryId) await this.entries.get(value.entryId);
    return this.collection.create(value);
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

  async history(entryId: string): Promise<Stored<HistoryEvent>[]> {
    const events = await this.store.history.list({ field: 'entryId', equals: entryId });
    return events.sort((a, b) => a.at.localeCompare(b.at) || Number(a.id) - Number(b.id));
  }

  async create(input: unknown, by: Actor): Promise<Stored<SynergyEntry>> {
    const value = validate(model.synergyEntry, input) as SynergyEntry;
    await this.requireFocusGroup(value.focusGroupId);
    const created = await this.store.entries.create({ ...value, updatedAt: this.clock.now().toISOString() });
    await this.record(created.id, by, 'created', []);
    return created;
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
    const current = await this.get(id);
    const next = validate(model.synergyEntry, applyPatch(current, patch)) as SynergyEntry;
    const { id: _id, etag: _etag, ...before } = current;
    const changes = changedFields(before, next, ['updatedAt']);
    if (changes.length === 0) return current;
    if (changes.some((c) => c.field === 'focusGroupId')) await this.requireFocusGroup(next.focusGroupId);
    const saved = await this.store.entries.update(id, { ...next, updatedAt: this.clock.now().toISOString() }, ifMatch);
    const kind = changes.some((c) => c.field === 'status') ? 'status_changed' : 'updated';
    await this.record(id, by, kind, changes, note);
    return saved;
  }

  /** Adds a decision (College, Vast Bureau, a poll's outcome…) to the entry and to its history. */
  async recordDecision(id: string, input: unknown, by: Actor): Promise<Stored<SynergyEntry>> {
    const decision = validate(model.decision, input) as Decision;
    const current = await this.get(id);
    const saved = await this.store.entries.update(id, {
      ...stripMeta(current),
      decisions: [...current.decisions, decision],
      updatedAt: this.clock.now().toISOString(),
    });
    await this.record(id, by, 'decision_recorded', [{ field: 'decisions', from: null, to: decision }]);
    return saved;
  }

  async remove(id: string, by: Actor, ifMatch?: string): Promise<void> {
    await this.get(id);
    await this.store.entries.remove(id, ifMatch);
    await this.record(id, by, 'deleted', []);
  }

  /** Closes `closingYear`: freezes each entry's mention for that year; "new" becomes "existing". Idempotent. */
  async rollOver(closingYear: number, by: Actor): Promise<{ rolledOver: number; alreadyDone: number }> {
    if (!Number.isInteger(closingYear) || closingYear < 2000 || closingYear > 2100) {
      throw new ValidationError([{ field: 'year', reason: 'must be a year between 2000 and 2100' }]);
    }
    let rolledOver = 0;
    let alreadyDone = 0;
    for (const entry of await this.store.entries.list()) {
      const next = rollOverEntry(stripMeta(entry), closingYear);
      if (!next) {
        alreadyDone++;
        continue;
      }
      await this.store.entries.update(entry.id, { ...next, updatedAt: this.clock.now().toISOString() }, entry.etag);
      const changes = changedFields(stripMeta(entry), next, ['updatedAt']);
      await this.record(entry.id, by, 'rolled_over', changes, `Report year ${closingYear} closed`);
      rolledOver++;
    }
    return { rolledOver, alreadyDone };
  }

  private async requireFocusGroup(focusGroupId: string | null): Promise<void> {
    if (focusGroupId && !(await this.store.focusGroups.get(focusGroupId))) {
      throw new ValidationError([{ field: 'focusGroupId', reason: `focus group ${focusGroupId} does not exist` }]);
    }
  }

  private event(entryId: string, by: Actor, kind: HistoryEvent['kind'], changes: HistoryEvent['changes'], note?: string): HistoryEvent {
    return { entryId, at: this.clock.now().toISOString(), by, kind, changes, ...(note ? { note } : {}) };
  }

  private async record(entryId: string, by: Actor, kind: HistoryEvent['kind'], changes: HistoryEvent['changes'], note?: string) {
    await this.store.history.create(this.event(entryId, by, kind, changes, note));
  }
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

  constructor(
    readonly store: RegisterStore,
    readonly clock: Clock = systemClock,
  ) {
    this.entries = new EntryService(store, clock);
    this.actions = new ActionService(store, this.entries, clock);
    this.focusGroups = new RecordService(store.focusGroups, model.focusGroup, 'focusGroups');
    this.meetings = new RecordService(store.meetings, model.meeting, 'meetings');
    this.reports = new RecordService(store.reports, model.annualReport, 'reports');
  }
}
