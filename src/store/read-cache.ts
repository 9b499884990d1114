import { runShared } from './call-scope';
import { COLLECTION_NAMES, type CollectionName, type CollectionRecord, specOf } from './collections';
import { waitTimedOut } from './graph';
import { deepFreeze, fieldValue } from './paging';
import { NotFoundError } from './errors';
import {
  type Collection,
  type CreatedOnce,
  type FieldFilter,
  MAX_PAGE,
  type Page,
  type PageQuery,
  type ReadOptions,
  type RegisterStore,
  type Replacement,
  type Stored,
} from './store';

/**
 * Keeps SharePoint's throttling budget for people instead of repeated reads: a whole-collection read of
 * 5 000 entries costs 26 requests (52 resource units of a tenant's ~1 200 per minute). `list()` results
 * are kept for `ttlMs` and concurrent identical reads share one round trip. A write through this store puts its
 * result into the cached lists it belongs to (a vote lands in its poll's cached ballots: the next tally costs no
 * request); a failed write drops the collection's cache, since the data moved. Writes made elsewhere show up within
 * `ttlMs`; they can never be overwritten unseen, because updates carry the eTag the caller read. Reads that decide
 * something (a poll's close and tally) ask for `fresh` and always reach the store; `get` does too, unless the
 * caller only shows what it reads (`cached`).
 *
 * Rows are frozen once when read and shared by every caller (no copy per request). A shared read runs on its own
 * budget: each caller waits for it only as long as its own deadline allows, and a read that fails is forgotten
 * whole (never half a list). A page or a count is answered from a cached list when one is there, else by the store
 * (one `$top` request for a page instead of the whole list).
 */
export interface ReadCacheOptions {
  ttlMs: number;
  now?: () => number;
  /** when a person waits for the answer: the time (ms since epoch) by which it is due */
  deadline?: () => number | undefined;
}

interface CachedList<T> {
  at: number;
  rows: Promise<Stored<T>[]>;
  /** the rows, once the read has completed */
  done?: Stored<T>[];
  /** the rows by id, made on the first cached get */
  byId?: Map<string, Stored<T>>;
}

class CachingCollection<T extends object> implements Collection<T> {
  private readonly lists = new Map<string, CachedList<T>>();
  /** bumped when a read completes and by every write: see Collection.changeStamp */
  private stamp = 0;
  /** single records read for display (`get(id, { cached: true })`) */
  private readonly items = new Map<string, { at: number; record: Promise<Stored<T> | undefined> }>();

  constructor(
    private readonly name: CollectionName,
    private readonly inner: Collection<T>,
    private readonly options: Required<Omit<ReadCacheOptions, 'deadline'>> & Pick<ReadCacheOptions, 'deadline'>,
  ) {}

  async list(filter?: FieldFilter<T>, options?: ReadOptions): Promise<Stored<T>[]> {
    if (options?.fresh) return this.inner.list(filter, options);
    const key = JSON.stringify(filter ?? null);
    const now = this.options.now();
    let cached = this.lists.get(key);
    if (!cached || now - cached.at >= this.options.ttlMs) {
      const fresh: CachedList<T> = { at: now, rows: runShared(() => this.inner.list(filter)).then(deepFreeze) };
      this.lists.set(key, fresh);
      fresh.rows.then(
        (rows) => {
          fresh.done = rows;
          this.stamp++;
        },
        // A failed read is not remembered.
        () => this.lists.get(key) === fresh && this.lists.delete(key),
      );
      cached = fresh;
    }
    return [...(cached.done ?? (await this.waitFor(cached.rows)))];
  }

  /**
   * Valid only while every cached list is complete and unexpired: an expired one means SharePoint may have changed
   * (another instance wrote), and the next `list` re-reads it.
   */
  changeStamp(): number | undefined {
    if (this.lists.size === 0) return undefined;
    const now = this.options.now();
    for (const cached of this.lists.values()) if (!cached.done || now - cached.at >= this.options.ttlMs) return undefined;
    return this.stamp;
  }

  /** The shared read, within this caller's own deadline (the read itself goes on for the others and the cache). */
  private waitFor(rows: Promise<Stored<T>[]>): Promise<Stored<T>[]> {
    const deadline = this.options.deadline?.();
    if (deadline === undefined) return rows;
    const ms = Math.max(0, deadline - Date.now());
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(waitTimedOut(`The read of the ${this.name} list`, ms)), ms);
    });
    return Promise.race([rows, late]).finally(() => clearTimeout(timer));
  }

  /** The rows of a completed, unexpired read of `filter`, if there is one. */
  private ready(filter: FieldFilter<T> | undefined): Stored<T>[] | undefined {
    const cached = this.lists.get(JSON.stringify(filter ?? null));
    return cached?.done && this.options.now() - cached.at < this.options.ttlMs ? cached.done : undefined;
  }

  async page(query: PageQuery<T>, options?: ReadOptions): Promise<Page<T>> {
    const rows = options?.fresh ? undefined : this.ready(query.where);
    // a cursor of the store (not an id) continues in the store
    if (!rows || (query.after !== undefined && !/^\d{1,15}$/.test(query.after)) || !Number.isInteger(query.top) || query.top < 1 || query.top > MAX_PAGE) {
      return this.inner.page(query, options);
    }
    const after = Number(query.after ?? 0);
    const items: Stored<T>[] = [];
    let last = '';
    for (const record of rows) {
      if (Number(record.id) <= after) continue;
      if (items.length === query.top) return { items, next: last };
      last = record.id;
      if (!query.keep || query.keep(record)) items.push(record);
    }
    return { items };
  }

  async count(where?: FieldFilter<T>, keep?: (record: Stored<T>) => boolean, options?: ReadOptions): Promise<number> {
    const rows = options?.fresh ? undefined : this.ready(where);
    if (!rows) return this.inner.count(where, keep, options);
    return keep ? rows.filter(keep).length : rows.length;
  }

  get(id: string, options?: ReadOptions): Promise<Stored<T> | undefined> {
    if (!options?.cached) return this.inner.get(id);
    const now = this.options.now();
    for (const cached of this.lists.values()) {
      if (cached.done && now - cached.at < this.options.ttlMs) {
        cached.byId ??= new Map(cached.done.map((r) => [r.id, r]));
        const found = cached.byId.get(id);
        if (found) return Promise.resolve(found);
      }
    }
    let item = this.items.get(id);
    if (!item || now - item.at >= this.options.ttlMs) {
      const read = { at: now, record: runShared(() => this.inner.get(id)).then(deepFreeze) };
      this.items.set(id, read);
      read.record.catch(() => this.items.get(id) === read && this.items.delete(id));
      item = read;
    }
    return item.record;
  }

  create(value: T): Promise<Stored<T>> {
    return this.writing(
      () => this.inner.create(value),
      (r) => [r],
    );
  }

  createOnce(value: T, requestKey: string): Promise<CreatedOnce<T>> {
    return this.writing(
      () => this.inner.createOnce(value, requestKey),
      (r) => [r.record],
    );
  }

  createMany(values: readonly T[]): Promise<Stored<T>[]> {
    return this.writing(
      () => this.inner.createMany(values),
      (r) => r,
    );
  }

  createManyOnce(values: readonly T[], requestKeys: readonly string[]): Promise<CreatedOnce<T>[]> {
    return this.writing(
      () => this.inner.createManyOnce(values, requestKeys),
      // a key given twice answers one record twice: it enters a cached list once
      (r) => [...new Map(r.map((one) => [one.record.id, one.record])).values()],
    );
  }

  /** A replace refused because the record moved means the cached lists are behind: they are dropped. */
  async updateMany(changes: readonly Replacement<T>[]): Promise<Array<Stored<T> | undefined>> {
    const results = await this.writing(
      () => this.inner.updateMany(changes),
      (r) => r.filter((record): record is Stored<T> => record !== undefined),
    );
    if (results.includes(undefined)) this.invalidate();
    return results;
  }

  update(id: string, value: T, ifMatch: string): Promise<Stored<T>> {
    return this.writing(
      () => this.inner.update(id, value, ifMatch),
      (r) => [r],
    );
  }

  remove(id: string, ifMatch: string): Promise<void> {
    return this.writing(
      () => this.inner.remove(id, ifMatch),
      () => [],
      [id],
    );
  }

  /**
   * When a cached list holds the record with this key, it is replaced by its id: one request instead of a create
   * refused as a duplicate, a read and an update. Keys name their record for good (a ballot's key is its poll and
   * voter), so the id found is the record's own; one removed meanwhile is created again.
   */
  upsertByKey(value: T): Promise<Stored<T>> {
    const field = specOf(this.name).uniqueKey;
    const known = field ? this.findCached((r) => fieldValue(r, field) === fieldValue(value, field)) : undefined;
    return this.writing(
      () =>
        known
          ? this.inner.update(known.id, value, '*').catch((error: unknown) => {
              if (error instanceof NotFoundError) return this.inner.upsertByKey(value);
              throw error;
            })
          : this.inner.upsertByKey(value),
      (r) => [r],
    );
  }

  private findCached(match: (record: Stored<T>) => boolean): Stored<T> | undefined {
    const now = this.options.now();
    for (const cached of this.lists.values()) {
      if (!cached.done || now - cached.at >= this.options.ttlMs) continue;
      const found = cached.done.find(match);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Reads still under way when a write starts are not kept (they may or may not see it). After a successful write,
   * each completed cached list gets the written records (in id order, where its filter takes them) and loses the
   * removed ones; after a failed one (e.g. a conflict: the data moved) the collection's cache is dropped.
   */
  private async writing<R>(write: () => Promise<R>, written: (result: R) => readonly Stored<T>[], removed: readonly string[] = []): Promise<R> {
    this.stamp++;
    this.dropUnfinished();
    let result: R;
    try {
      result = await write();
    } catch (error) {
      this.invalidate();
      throw error;
    }
    this.stamp++;
    this.dropUnfinished();
    const records = written(result).map((r) => deepFreeze(r));
    const gone = new Set([...removed, ...records.map((r) => r.id)]);
    for (const id of gone) this.items.delete(id);
    for (const [key, cached] of this.lists) {
      const filter = JSON.parse(key) as FieldFilter<T> | null;
      const rows = cached.done!.filter((r) => !gone.has(r.id));
      for (const record of records) if (!filter || fieldValue(record, filter.field) === filter.equals) rows.push(record);
      if (records.length) rows.sort((a, b) => Number(a.id) - Number(b.id));
      cached.done = rows;
      cached.byId = undefined;
      cached.rows = Promise.resolve(rows);
    }
    return result;
  }

  private dropUnfinished(): void {
    for (const [key, cached] of this.lists) if (!cached.done) this.lists.delete(key);
  }

  private invalidate(): void {
    this.lists.clear();
    this.items.clear();
  }
}

export function withReadCache(store: RegisterStore, options: ReadCacheOptions): RegisterStore {
  const resolved = { now: () => Date.now(), ...options };
  const collections = Object.fromEntries(
    COLLECTION_NAMES.map((name) => [name, new CachingCollection(name, store[name] as Collection<object>, resolved)]),
  ) as unknown as {
    [K in CollectionName]: Collection<CollectionRecord<K>>;
  };
  return {
    ...collections,
    kind: store.kind,
    init: () => store.init(),
    close: () => store.close(),
  };
}
