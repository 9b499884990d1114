import { assertWritable, COLLECTION_NAMES, type CollectionName, type CollectionRecord, specOf } from '../collections';
import { ConflictError, DuplicateKeyError, NotFoundError, UnsupportedQueryError } from '../errors';
import { checkFilter, checkPageQuery, deepFreeze } from '../paging';
import { enterCreated, firstOfEachKey, inInputOrder } from '../create-once';
import type { Collection, CreatedOnce, FieldFilter, Page, PageQuery, RegisterStore, Replacement, Stored } from '../store';
import type { FolderLockOptions } from './folder-lock';
import { type CollectionState, Journal, type JournalOp } from './journal';
import { idsWhere } from './row-index';

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
  const collections = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, new LocalCollection(name, journal)])) as unknown as {
    [K in CollectionName]: Collection<CollectionRecord<K>>;
  };
  return {
    ...collections,
    kind: 'local',
    init: () => journal.open(),
    close: () => journal.close(),
  };
}

/** Values enter the store as JSON, exactly as they would reach SharePoint: nothing the caller keeps is shared. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

class LocalCollection<T extends object> implements Collection<T> {
  private readonly spec;
  /** bumped by every write through this collection: what a reader computed from it stays valid while it holds */
  private stamp = 0;
  constructor(
    private readonly name: CollectionName,
    private readonly journal: Journal,
  ) {
    this.spec = specOf(name);
  }

  /** Every read and write goes through here: a server that lost the data folder answers none (its memory may hold writes it refused). */
  private get col(): CollectionState {
    this.journal.ensureHeld();
    return this.journal.collection(this.name);
  }

  /** The stored version as every reader gets it: frozen, made once per version (no copy per read). */
  private stored(id: string): Stored<T> | undefined {
    const row = this.col.rows.get(id);
    if (!row) return undefined;
    row.stored ??= deepFreeze({ ...(row.value as T), id, etag: row.etag });
    return row.stored as Stored<T>;
  }

  /** Ids ascending: the index's for an equality filter, else every id (rows are kept in creation order). */
  private idsOf(filter: FieldFilter<T> | undefined): Iterable<string> {
    return filter ? idsWhere(this.col.indexes, filter.field, filter.equals) : this.col.rows.keys();
  }

  async list(filter?: FieldFilter<T>): Promise<Stored<T>[]> {
    checkFilter(this.name, filter);
    const out: Stored<T>[] = [];
    for (const id of this.idsOf(filter)) out.push(this.stored(id)!);
    return out;
  }

  async page(query: PageQuery<T>): Promise<Page<T>> {
    checkPageQuery(this.name, query);
    const after = cursorId(query.after);
    const items: Stored<T>[] = [];
    let last = after;
    for (const id of this.idsOf(query.where)) {
      if (Number(id) <= after) continue;
      if (items.length === query.top) return { items, next: String(last) };
      const record = this.stored(id)!;
      last = Number(id);
      if (!query.keep || query.keep(record)) items.push(record);
    }
    return { items };
  }

  async count(where?: FieldFilter<T>, keep?: (record: Stored<T>) => boolean): Promise<number> {
    checkFilter(this.name, where);
    if (!keep) return where ? idsWhere(this.col.indexes, where.field, where.equals).length : this.col.rows.size;
    let n = 0;
    for (const id of this.idsOf(where)) if (keep(this.stored(id)!)) n++;
    return n;
  }

  changeStamp(): number {
    return this.stamp;
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
    const [record] = await this.write([value], [requestKey]);
    return { record, created: true };
  }

  /** Like createOnce for each record: all checked and written in one turn of the event loop and one journal commit. */
  async createManyOnce(values: readonly T[], requestKeys: readonly string[]): Promise<CreatedOnce<T>[]> {
    const byKey = new Map<string, CreatedOnce<T>>();
    const missing: number[] = [];
    for (const position of firstOfEachKey(values, requestKeys)) {
      const existing = this.col.keys.get(requestKeys[position]);
      if (existing === undefined) missing.push(position);
      else byKey.set(requestKeys[position], { record: this.stored(existing)!, created: false });
    }
    const created = await this.write(
      missing.map((position) => values[position]),
      missing.map((position) => requestKeys[position]),
    );
    enterCreated(byKey, requestKeys, missing, created);
    return inInputOrder(requestKeys, byKey);
  }

  createMany(values: readonly T[]): Promise<Stored<T>[]> {
    return this.write(values, []);
  }

  private async write(values: readonly T[], requestKeys: readonly (string | undefined)[]): Promise<Stored<T>[]> {
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
    values.forEach((value, index) => {
      const id = String(this.col.nextId++);
      const key = requestKeys[index];
      ops.push({ c: this.name, op: 'put', id, version: 1, value: copy(value), ...(key ? { key } : {}) });
    });
    this.stamp++;
    await this.journal.commit(ops);
    return ops.map((op) => this.stored(op.id)!);
  }

  async update(id: string, value: T, ifMatch: string): Promise<Stored<T>> {
    assertWritable(this.name, value);
    const row = this.requireRow(id, ifMatch);
    const key = this.keyOf(value);
    const holder = key === undefined ? undefined : this.findByKey(key);
    if (holder && holder !== id) throw new DuplicateKeyError(this.name, this.spec.uniqueKey!, key!);
    this.stamp++;
    await this.journal.commit([{ c: this.name, op: 'put', id, version: row.version + 1, value: copy(value) }]);
    return this.stored(id)!;
  }

  /** Each replace checked as `update` does, all written in one journal commit; a changed or removed record answers undefined. */
  async updateMany(changes: readonly Replacement<T>[]): Promise<Array<Stored<T> | undefined>> {
    const ops: JournalOp[] = [];
    const replaced = new Set<string>();
    const results = changes.map((change) => {
      assertWritable(this.name, change.value);
      const row = this.col.rows.get(change.id);
      // a second replace of the same record in one call names a version the first one replaced
      if (!row || replaced.has(change.id) || (change.ifMatch !== '*' && change.ifMatch !== row.etag)) return undefined;
      const key = this.keyOf(change.value);
      const holder = key === undefined ? undefined : this.findByKey(key);
      if (holder && holder !== change.id) throw new DuplicateKeyError(this.name, this.spec.uniqueKey!, key!);
      ops.push({ c: this.name, op: 'put', id: change.id, version: row.version + 1, value: copy(change.value) });
      replaced.add(change.id);
      return change.id;
    });
    this.stamp++;
    await this.journal.commit(ops);
    return results.map((id) => (id === undefined ? undefined : this.stored(id)));
  }

  async remove(id: string, ifMatch: string): Promise<void> {
    this.requireRow(id, ifMatch);
    this.stamp++;
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
    return idsWhere(this.col.indexes, this.spec.uniqueKey!, key)[0];
  }
}

/** The embedded store's page cursor is the last id it looked at. */
function cursorId(after: string | undefined): number {
  if (after === undefined) return 0;
  if (!/^\d{1,15}$/.test(after)) throw new UnsupportedQueryError(`${JSON.stringify(after.slice(0, 40))} is not a page cursor of this store`);
  return Number(after);
}
