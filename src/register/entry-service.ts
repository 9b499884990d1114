import { rulesForClosing } from '../annex/model';
import { chronological } from '../domain';
import * as model from '../domain';
import type { Decision, HistoryEvent, SynergyEntry } from '../domain';
import { rollOverEntry } from '../annex/model';
import { changedFields, type EntryFilter, filterEntries, inDomain } from '../domain';
import { DOMAIN_CODES } from '../domain';
import { NotFoundError } from '../store';
import type { CreatedOnce, RegisterStore, Stored } from '../store';
import { readModifyWrite, removeConditionally } from './conditional-write';
import { changeKind, EntryBatches, requireFocusGroup, requireKnownPlacement, revise, type Revision } from './entry-batches';
import { type EntryPage, pageFromTally, type Spread, spreadOf, tallyAnswers } from './tally-page';
import { fieldIssue, ValidationError } from './errors';
import { type Actor, type Clock, personRefOf, requestKeyOr, stripMeta, validate } from './records';

type EventLinks = Pick<HistoryEvent, 'restoredFrom' | 'restoredAs'>;

/** How many filtered views of the register are kept (one per filter people are looking at). */
const KEPT_VIEWS = 16;

interface RegisterView extends Spread {
  stamp: number | undefined;
  all: Stored<SynergyEntry>[];
}

/** Synergy entries with their append-only history. */
export class EntryService {
  /** the latest filtered views of the register (most recently used last), see view() */
  private readonly views = new Map<string, RegisterView>();

  constructor(
    private readonly store: RegisterStore,
    private readonly clock: Clock,
  ) {}

  /** The entries the filter selects, in report order (domains in their order, then creation order). */
  async list(filter: EntryFilter): Promise<Stored<SynergyEntry>[]> {
    return filterEntries(await this.candidates(filter), filter);
  }

  /**
   * One page of the register as the tab shows it: the entries at `offset`, how many the filter selects and how
   * they spread over domains and statuses. The records are the store's own (no copy); the store narrows first.
   */
  async page(filter: EntryFilter, offset: number, limit: number): Promise<EntryPage> {
    let view = this.keptView(filter);
    if (!view && tallyAnswers(filter)) {
      // a store that keeps the entries' tally (SharePoint) reads the counts and the page, not the whole register
      const tally = await this.store.entries.tally?.();
      const page = tally && (await pageFromTally(this.store.entries, tally, filter, offset, limit));
      if (page) return page;
    }
    view ??= await this.view(filter);
    return {
      total: view.all.length,
      offset,
      items: view.all.slice(offset, offset + limit),
      countsByDomain: view.countsByDomain,
      countsByStatus: view.countsByStatus,
    };
  }

  /** The filter's view as last computed, while the store's change stamp says nothing changed since. */
  private keptView(filter: EntryFilter): RegisterView | undefined {
    const stamp = this.store.entries.changeStamp?.();
    const kept = this.views.get(JSON.stringify(filter));
    return stamp !== undefined && kept?.stamp === stamp ? kept : undefined;
  }

  /**
   * The filter's entries in report order with their counts, kept while the store says nothing changed (its change
   * stamp, see keptView): paging through the register, or many people opening it, costs a page each, not the whole
   * register.
   */
  private async view(filter: EntryFilter): Promise<RegisterView> {
    const stamp = this.store.entries.changeStamp?.();
    const all = await this.list(filter);
    const view = { stamp, all, ...spreadOf(all) };
    if (stamp !== undefined) {
      const key = JSON.stringify(filter);
      this.views.delete(key);
      this.views.set(key, view);
      if (this.views.size > KEPT_VIEWS) this.views.delete(this.views.keys().next().value!);
    }
    return view;
  }

  /**
   * The entries the store's indexes narrow the filter to, most selective index first: a focus group, a domain (with
   * its sub-domains, one indexed read each), a start year, a status; the other conditions are checked by the caller.
   */
  private async candidates(filter: EntryFilter): Promise<Stored<SynergyEntry>[]> {
    const entries = this.store.entries;
    if (filter.focusGroupId) return entries.list({ field: 'focusGroupId', equals: filter.focusGroupId });
    if (filter.domain) {
      const codes = DOMAIN_CODES.filter((code) => inDomain(code, filter.domain!));
      return (await Promise.all(codes.map((code) => entries.list({ field: 'domain', equals: code })))).flat();
    }
    if (filter.year !== undefined) return entries.list({ field: 'startYear', equals: filter.year });
    if (filter.status) return entries.list({ field: 'status', equals: filter.status });
    return entries.list();
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
    for (let id: string | undefined = entryId; id !== undefined && !seen.has(id);) {
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
    await requireFocusGroup(this.store, value.focusGroupId);
    await requireKnownPlacement(this.store, value);
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

  /** Many entries created once each by their request keys, in batches (an import's measures; see EntryBatches). */
  createManyOnce(items: ReadonlyArray<{ input: unknown; requestKey: string }>, by: Actor): Promise<CreatedOnce<SynergyEntry>[]> {
    return this.batches.createManyOnce(items, by);
  }

  /**
   * Runs the writes of one task (an import's steps) so that a store keeping the entries' tally moves it once at the
   * end, not once per step.
   */
  inOneCount<R>(run: () => Promise<R>): Promise<R> {
    return this.store.entries.countTogether ? this.store.entries.countTogether(run) : run();
  }

  /** Many entries changed, each at the version its caller read, in batches (see EntryBatches). */
  updateMany(revisions: readonly Revision[], by: Actor, note?: string): Promise<Stored<SynergyEntry>[]> {
    return this.batches.updateMany(revisions, by, note);
  }

  private get batches(): EntryBatches {
    return new EntryBatches(this.store, this.clock, this.event.bind(this), this.update.bind(this));
  }

  async update(id: string, patch: unknown, by: Actor, ifMatch?: string, note?: string): Promise<Stored<SynergyEntry>> {
    let changes: HistoryEvent['changes'] = [];
    const { saved, changed } = await readModifyWrite(
      this.store.entries,
      'entries',
      id,
      async (current) => {
        const revised = await revise(this.store, current, patch);
        changes = revised?.changes ?? [];
        return revised && { ...revised.next, updatedAt: this.clock.now().toISOString() };
      },
      { ifMatch },
    );
    if (!changed) return saved;
    await this.record(id, by, changeKind(changes), changes, note);
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
    await this.record(
      id,
      by,
      'deleted',
      Object.keys(last).map((field) => ({ field, from: last[field], to: null })),
    );
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

  private event(entryId: string, by: Actor, kind: HistoryEvent['kind'], changes: HistoryEvent['changes'], note?: string, more: EventLinks = {}): HistoryEvent {
    return { entryId, at: this.clock.now().toISOString(), by: personRefOf(by), kind, changes, ...(note ? { note } : {}), ...more };
  }

  /** Appends an event to the entry's history (for the register's own services: restores). */
  async record(
    entryId: string,
    by: Actor,
    kind: HistoryEvent['kind'],
    changes: HistoryEvent['changes'],
    note?: string,
    more: EventLinks = {},
  ): Promise<Stored<HistoryEvent>> {
    return this.store.history.create(this.event(entryId, by, kind, changes, note, more));
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
