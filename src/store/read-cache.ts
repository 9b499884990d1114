import { runShared } from './call-scope';
import { COLLECTION_NAMES, type CollectionName, type CollectionRecord } from './collections';
import { waitTimedOut } from './graph/deadline';
import { deepFreeze } from './paging';
import { type Collection, type CreatedOnce, type FieldFilter, MAX_PAGE, type Page, type PageQuery, type ReadOptions, type RegisterStore, type Stored } from './store';

/**
 * Keeps SharePoint's throttling budget for people instead of repeated reads: a whole-collection read of
 * 5 000 entries costs 26 requests (52 resource units of a tenant's ~1 200 per minute). `list()` results
 * are kept for `ttlMs`, concurrent identical reads share one round trip, and every write through this
 * store drops its collection's cache. Writes made elsewhere show up within `ttlMs`; they can never be
 * overwritten unseen, because updates carry the eTag the caller read. Reads that decide something (a poll's
 * close and tally) ask for `fresh` and always reach the store; `get` always does.
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
}

class CachingCollection<T extends object> implements Collection<T> {
  private readonly lists = new Map<string, CachedList<T>>();

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
        (rows) => (fresh.done = rows),
        // A failed read is not remembered.
        () => this.lists.get(key) === fresh && this.lists.delete(key),
      );
      cached = fresh;
    }
    return [...(cached.done ?? (await this.waitFor(cached.rows)))];
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

  get(id: string): Promise<Stored<T> | undefined> {
    return this.inner.get(id);
  }

  create(value: T): Promise<Stored<T>> {
    return this.writing(() => this.inner.create(value));
  }

  createOnce(value: T, requestKey: string): Promise<CreatedOnce<T>> {
    return this.writing(() => this.inner.createOnce(value, requestKey));
  }

  createMany(values: readonly T[]): Promise<Stored<T>[]> {
    return this.writing(() => this.inner.createMany(values));
  }

  update(id: string, value: T, ifMatch: string): Promise<Stored<T>> {
    return this.writing(() => this.inner.update(id, value, ifMatch));
  }

  remove(id: string, ifMatch: string): Promise<void> {
    return this.writing(() => this.inner.remove(id, ifMatch));
  }

  upsertByKey(value: T): Promise<Stored<T>> {
    return this.writing(() => this.inner.upsertByKey(value));
  }

  /**
   * Forgets cached reads before the write and again after it, so that a read started during the write is not
   * kept either; a failed write (e.g. a conflict) also means the data moved.
   */
  private async writing<R>(write: () => Promise<R>): Promise<R> {
    this.invalidate();
    try {
      return await write();
    } finally {
      this.invalidate();
    }
  }

  private invalidate(): void {
    this.lists.clear();
  }
}

export function withReadCache(store: RegisterStore, options: ReadCacheOptions): RegisterStore {
  const resolved = { now: () => Date.now(), ...options };
  const collections = Object.fromEntries(
    COLLECTION_NAMES.map((name) => [name, new CachingCollection(name, store[name] as Collection<object>, resolved)]),
  ) as unknown as { [K in CollectionName]: Collection<CollectionRecord<K>> };
  return {
    ...collections,
    kind: store.kind,
    init: () => store.init(),
    close: () => store.close(),
  };
}

