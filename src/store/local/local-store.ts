import { assertWritable, COLLECTION_NAMES, type CollectionName, type CollectionRecord, specOf } from '../collections';
import { ConflictError, DuplicateKeyError, NotFoundError, UnsupportedQueryError } from '../errors';
import type { Collection, CreatedOnce, FieldFilter, RegisterStore, Stored } from '../store';
import type { FolderLockOptions } from './folder-lock';
import { type CollectionState, Journal, type JournalOp } from './journal';

export interface LocalStoreOptions {
  lock?: FolderLockOptions;
  /** journal lines after which it is compacted into the snapshot */
  compactAfterLines?: number;
}

/**
 * The embedded default store: all records in memory, every change journaled to disk before it is acknowledged,
 * the data folder locked against a second process from init() to close().
 */
export function createLocalStore(dataDir: string, options: LocalStoreOptions = {}): RegisterStore {
  const state = new Map<string, CollectionState>();
  const journal = new Journal(dataDir, state, options.compactAfterLines, options.lock);
  const collections = Object.fromEntries(
    COLLECTION_NAMES.map((name) => [name, new LocalCollection(name, journal)]),
  ) as unknown as { [K in CollectionName]: Collection<CollectionRecord<K>> };
  return {
    ...collections,
    kind: 'local',
    init: () => journal.open(),
    close: () => journal.close(),
  };
}

/** Values cross the store boundary as JSON, exactly as they would to and from SharePoint. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

class LocalCollection<T extends object> implements Collection<T> {
  private readonly spec;
  constructor(
    private readonly name: CollectionName,
    private readonly journal: Journal,
  ) {
    this.spec = specOf(name);
  }

  private get col(): CollectionState {
    return this.journal.collection(this.name);
  }

  private stored(id: string): Stored<T> | undefined {
    const row = this.col.rows.get(id);
    return row ? ({ ...copy(row.value as T), id, etag: row.etag } as Stored<T>) : undefined;
  }

  async list(filter?: FieldFilter<T>): Promise<Stored<T>[]> {
    if (filter && !this.spec.indexed.includes(filter.field)) {
      throw new UnsupportedQueryError(`${this.name} cannot be filtered on ${filter.field}: it is not an indexed field`);
    }
    const out: Stored<T>[] = [];
    for (const [id, row] of this.col.rows) {
      if (filter && ((row.value as Record<string, unknown>)[filter.field] ?? null) !== filter.equals) continue;
      out.push(this.stored(id)!);
    }
    return out.sort((a, b) => Number(a.id) - Number(b.id));
  }

  async get(id: string): Promise<Stored<T> | undefined> {
    return this.stored(id);
  }

  async create(value: T): Promise<Stored<T>> {
    const [created] = await this.createMany([value]);
    return created;
  }

  /** Check and write happen in one turn of the event loop: two racing calls with one key cannot both create. */
  async createOnce(value: T, requestKey: string): Promise<CreatedOnce<T>> {
    const existing = this.col.keys.get(requestKey);
    if (existing !== undefined) return { record: this.stored(existing)!, created: false };
    const [record] = await this.createMany([value], requestKey);
    return { record, created: true };
  }

  async createMany(values: readonly T[], requestKey?: string): Promise<Stored<T>[]> {
    const ops: JournalOp[] = [];
    const seenKeys = new Set<string>();
    for (const value of values) {
      assertWritable(this.name, value);
      const key = this.keyOf(value);
      if (key !== undefined && (seenKeys.has(key) || this.findByKey(key))) {
        throw new DuplicateKeyError(this.name, this.spec.uniqueKey!, key);
      }
      if (key !== undefined) seenKeys.add(key);
    }
    for (const value of values) {
      const id = String(this.col.nextId++);
      ops.push({ c: this.name, op: 'put', id, version: 1, value: copy(value), ...(requestKey ? { key: requestKey } : {}) });
    }
    await this.journal.commit(ops);
    return ops.map((op) => this.stored(op.id)!);
  }

  async update(id: string, value: T, ifMatch: string): Promise<Stored<T>> {
    assertWritable(this.name, value);
    const row = this.requireRow(id, ifMatch);
    const key = this.keyOf(value);
    const holder = key === undefined ? undefined : this.findByKey(key);
    if (holder && holder !== id) throw new DuplicateKeyError(this.name, this.spec.uniqueKey!, key!);
    await this.journal.commit([{ c: this.name, op: 'put', id, version: row.version + 1, value: copy(value) }]);
    return this.stored(id)!;
  }

  async remove(id: string, ifMatch: string): Promise<void> {
    this.requireRow(id, ifMatch);
    await this.journal.commit([{ c: this.name, op: 'del', id }]);
  }

  async upsertByKey(value: T): Promise<Stored<T>> {
    const key = this.keyOf(value);
    if (key === undefined) throw new UnsupportedQueryError(`${this.name} has no unique key to upsert on`);
    const existing = this.findByKey(key);
    return existing ? this.update(existing, value, '*') : this.create(value);
  }

  private requireRow(id: string, ifMatch: string) {
    const row = this.col.rows.get(id);
    if (!row) throw new NotFoundError(this.name, id);
    if (ifMatch !== '*' && ifMatch !== row.etag) {
      throw new ConflictError(this.name, id, this.stored(id));
    }
    return row;
  }

  private keyOf(value: T): string | undefined {
    const field = this.spec.uniqueKey;
    return field ? String((value as Record<string, unknown>)[field]) : undefined;
  }

  private findByKey(key: string): string | undefined {
    const field = this.spec.uniqueKey!;
    for (const [id, row] of this.col.rows) {
      if (String((row.value as Record<string, unknown>)[field]) === key) return id;
    }
    return undefined;
  }
}
