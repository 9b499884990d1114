import { COLLECTION_NAMES, type CollectionName, type CollectionRecord, specOf } from './collections';
import { ConflictError } from './errors';
import { fieldValue } from './paging';
import type { Collection, CreatedOnce, FieldFilter, FilterValue, Page, PageQuery, ReadOptions, RegisterStore, Replacement, Stored, Tally } from './store';
import type { TallyRecord } from './tally-record';

/** A tally older than this is counted again from the records on its next read: that heals a count a crash left behind. */
const RECOUNT_AFTER_MS = 60 * 60 * 1000;
/** A recount that failed is not tried again sooner than this (a page read must not start one per request). */
const RECOUNT_RETRY_MS = 60 * 1000;
/** Rounds of read-and-write of the counts before leaving them to a recount (each round, at least one racing writer lands). */
const SHIFT_ATTEMPTS = 20;

/**
 * A collection whose tally (the counts of its records by a few indexed fields) is kept in the `tallies` collection
 * as its records are written: every create, update and removal moves the counts of the combinations it changes,
 * with a conditional write that re-reads the counts when another writer moved them first. The counts are derived:
 * a write is acknowledged whether or not its count lands, and counts that may be wrong (a failed count, an hour
 * old, a reader who found a page shorter than counted) are counted again from the records in the background, on a
 * conditional write that gives way to any count moved meanwhile.
 */
class TalliedCollection<T extends object> implements Collection<T> {
  private recounting?: Promise<void>;
  private suspect = false;
  private lastRecount = Number.NEGATIVE_INFINITY;
  /** the counts as this process last read or wrote them: a write tries their version first, without a read */
  private last?: Stored<TallyRecord>;
  /** tasks running in countTogether, and what their writes moved so far */
  private together = 0;
  private deferred = new Map<string, number>();

  constructor(
    private readonly name: CollectionName,
    private readonly inner: Collection<T>,
    private readonly tallies: Collection<TallyRecord>,
    private readonly fields: readonly string[],
    private readonly now: () => number,
  ) {}

  list(filter?: FieldFilter<T>, options?: ReadOptions): Promise<Stored<T>[]> {
    return this.inner.list(filter, options);
  }

  page(query: PageQuery<T>, options?: ReadOptions): Promise<Page<T>> {
    return this.inner.page(query, options);
  }

  /** Without a condition no index answers, from the tally when the field is one of its own (one read). */
  async count(where?: FieldFilter<T>, keep?: (record: Stored<T>) => boolean, options?: ReadOptions): Promise<number> {
    if (!keep && !options?.fresh && (!where || this.fields.includes(where.field))) {
      const tally = await this.tally();
      if (tally) return tally.rows.filter((r) => !where || r.values[where.field] === where.equals).reduce((n, r) => n + r.count, 0);
    }
    return this.inner.count(where, keep, options);
  }

  changeStamp(): number | undefined {
    return this.inner.changeStamp?.();
  }

  get(id: string, options?: ReadOptions): Promise<Stored<T> | undefined> {
    return this.inner.get(id, options);
  }

  async create(value: T): Promise<Stored<T>> {
    const created = await this.inner.create(value);
    await this.shift([[value, 1]]);
    return created;
  }

  async createOnce(value: T, requestKey: string): Promise<CreatedOnce<T>> {
    const result = await this.inner.createOnce(value, requestKey);
    if (result.created) await this.shift([[value, 1]]);
    return result;
  }

  async createMany(values: readonly T[]): Promise<Stored<T>[]> {
    const created = await this.inner.createMany(values);
    await this.shift(values.map((v) => [v, 1]));
    return created;
  }

  async createManyOnce(values: readonly T[], requestKeys: readonly string[]): Promise<CreatedOnce<T>[]> {
    const results = await this.inner.createManyOnce(values, requestKeys);
    await this.shift(results.filter((r) => r.created).map((r) => [r.record, 1]));
    return results;
  }

  async update(id: string, value: T, ifMatch: string): Promise<Stored<T>> {
    const before = await this.inner.get(id);
    const saved = await this.inner.update(id, value, ifMatch);
    if (before)
      await this.shift([
        [before, -1],
        [value, 1],
      ]);
    else this.suspect = true;
    return saved;
  }

  /**
   * Many replaces in few round trips: the counts move by the versions the caller names (`before`); reading each
   * record first would undo the batching, so without them the counts are taken again instead.
   */
  async updateMany(changes: readonly Replacement<T>[]): Promise<Array<Stored<T> | undefined>> {
    const saved = await this.inner.updateMany(changes);
    const moved = changes.flatMap((change, i) => (saved[i] && change.before ? [[change.before, -1] as const, [change.value, 1] as const] : []));
    if (changes.some((change, i) => saved[i] && !change.before)) this.suspect = true;
    await this.shift(moved);
    return saved;
  }

  async countTogether<R>(run: () => Promise<R>): Promise<R> {
    this.together++;
    try {
      return await run();
    } finally {
      if (--this.together === 0 && this.deferred.size) {
        const delta = this.deferred;
        this.deferred = new Map();
        await this.apply(delta);
      }
    }
  }

  async remove(id: string, ifMatch: string): Promise<void> {
    const before = await this.inner.get(id);
    await this.inner.remove(id, ifMatch);
    if (before) await this.shift([[before, -1]]);
  }

  /** Whether it created or replaced is not said: the counts are taken again from the records. */
  async upsertByKey(value: T): Promise<Stored<T>> {
    const saved = await this.inner.upsertByKey(value);
    this.suspect = true;
    return saved;
  }

  async tally(): Promise<Tally | undefined> {
    const record = await this.counts();
    if (!record || this.suspect || this.now() - Date.parse(record.builtAt) > RECOUNT_AFTER_MS) void this.recount();
    if (!record) return undefined;
    this.last ??= record;
    const counts = { ...record.counts };
    for (const [key, by] of this.deferred) counts[key] = (counts[key] ?? 0) + by;
    const rows = Object.entries(counts)
      .filter(([, count]) => count > 0)
      .map(([key, count]) => {
        const values = JSON.parse(key) as FilterValue[];
        return { values: Object.fromEntries(this.fields.map((f, i) => [f, values[i] ?? null])), count };
      });
    return { fields: this.fields, rows, builtAt: record.builtAt };
  }

  /** Counts again from the records, once at a time; resolves when done (callers need not wait). */
  recount(): Promise<void> {
    if (this.recounting) return this.recounting;
    if (this.now() - this.lastRecount < RECOUNT_RETRY_MS) return Promise.resolve();
    this.lastRecount = this.now();
    this.recounting = this.recountNow()
      .then(
        () => void (this.suspect = false),
        () => void (this.suspect = true),
      )
      .finally(() => (this.recounting = undefined));
    return this.recounting;
  }

  private async recountNow(): Promise<void> {
    // the counts' version is read before the records: a write counted after it makes the write below give way
    const before = await this.counts({ fresh: true });
    const counts: Record<string, number> = {};
    for (const record of await this.inner.list(undefined, { fresh: true })) {
      const key = this.keyOf(record);
      counts[key] = (counts[key] ?? 0) + 1;
    }
    const value: TallyRecord = { key: this.name, counts, builtAt: new Date(this.now()).toISOString() };
    this.last = before ? await this.tallies.update(before.id, value, before.etag) : (await this.tallies.createOnce(value, `tally:${this.name}`)).record;
  }

  /** This collection's counts record (through the read cache unless `fresh`), undefined while there is none. */
  private async counts(options?: ReadOptions): Promise<Stored<TallyRecord> | undefined> {
    return (await this.tallies.list({ field: 'key', equals: this.name }, options))[0];
  }

  private keyOf(record: object): string {
    return JSON.stringify(this.fields.map((f) => fieldValue(record, f) as FilterValue));
  }

  /** Moves the counts of the combinations these records leave (-1) or join (+1): now, or at the end of countTogether. */
  private async shift(changes: ReadonlyArray<readonly [object, number]>): Promise<void> {
    const delta = this.together ? this.deferred : new Map<string, number>();
    for (const [record, by] of changes) {
      const key = this.keyOf(record);
      delta.set(key, (delta.get(key) ?? 0) + by);
    }
    if (!this.together) await this.apply(delta);
  }

  /**
   * One conditional write of the counts, on the version this process last saw (no read when no one else wrote
   * since); a conflict answers the current version, and the change is made again on it.
   */
  private async apply(delta: ReadonlyMap<string, number>): Promise<void> {
    if (![...delta.values()].some((by) => by !== 0)) return;
    try {
      let record = this.last ?? (await this.counts({ fresh: true }));
      for (let attempt = 0; attempt < SHIFT_ATTEMPTS; attempt++) {
        // none yet: the count that makes it reads these records among the others
        if (!record) return;
        const counts = { ...record.counts };
        for (const [key, by] of delta) counts[key] = (counts[key] ?? 0) + by;
        for (const [key, n] of Object.entries(counts)) if (n === 0) delete counts[key];
        try {
          this.last = await this.tallies.update(record.id, { key: record.key, counts, builtAt: record.builtAt }, record.etag);
          return;
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
          record = (error.current as Stored<TallyRecord> | undefined) ?? (await this.counts({ fresh: true }));
        }
      }
      this.suspect = true;
    } catch {
      // the records are written: their count is left to a recount rather than failing the writes
      this.last = undefined;
      this.suspect = true;
    }
  }
}

/** The store with a tally kept for every collection whose spec names tally fields. */
export function withTallies(store: RegisterStore, now: () => number = Date.now): RegisterStore {
  const collections = Object.fromEntries(
    COLLECTION_NAMES.map((name) => {
      const fields = specOf(name).tally;
      const inner = store[name] as Collection<object>;
      return [name, fields ? new TalliedCollection(name, inner, store.tallies, fields, now) : inner];
    }),
  ) as unknown as { [K in CollectionName]: Collection<CollectionRecord<K>> };
  return { ...collections, kind: store.kind, init: () => store.init(), close: () => store.close() };
}
