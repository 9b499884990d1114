import { COLLECTION_NAMES, type CollectionName, type CollectionRecord } from './collections';
import type { Collection, CreatedOnce, FieldFilter, ReadOptions, RegisterStore, Stored } from './store';

/**
 * Keeps SharePoint's throttling budget for people instead of repeated reads: a whole-collection read of
 * 5 000 entries costs 26 requests (52 resource units of a tenant's ~1 200 per minute). `list()` results
 * are kept for `ttlMs`, concurrent identical reads share one round trip, and every write through this
 * store drops its collection's cache. Writes made elsewhere show up within `ttlMs`; they can never be
 * overwritten unseen, because updates carry the eTag the caller read. Reads that decide something (a poll's
 * close and tally) ask for `fresh` and always reach the store; `get` always does.
 */
export interface ReadCacheOptions {
  ttlMs: number;
  now?: () => number;
}

interface CachedList<T> {
  at: number;
  rows: Promise<Stored<T>[]>;
}

class CachingCollection<T extends object> implements Collection<T> {
  private readonly lists = new Map<string, CachedList<T>>();

  constructor(
    private readonly inner: Collection<T>,
    private readonly options: Required<ReadCacheOptions>,
  ) {}

  async list(filter?: FieldFilter<T>, options?: ReadOptions): Promise<Stored<T>[]> {
    if (options?.fresh) return this.inner.list(filter, options);
    const key = JSON.stringify(filter ?? null);
    const now = this.options.now();
    let cached = this.lists.get(key);
    if (!cached || now - cached.at >= this.options.ttlMs) {
      const fresh: CachedList<T> = { at: now, rows: this.inner.list(filter) };
      this.lists.set(key, fresh);
      // A failed read is not remembered.
      fresh.rows.catch(() => this.lists.get(key) === fresh && this.lists.delete(key));
      cached = fresh;
    }
    return structuredClone(await cached.rows);
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
  const resolved: Required<ReadCacheOptions> = { now: () => Date.now(), ...options };
  const collections = Object.fromEntries(
    COLLECTION_NAMES.map((name) => [name, new CachingCollection(store[name] as Collection<object>, resolved)]),
  ) as unknown as { [K in CollectionName]: Collection<CollectionRecord<K>> };
  return {
    ...collections,
    kind: store.kind,
    init: () => store.init(),
    close: () => store.close(),
  };
}
