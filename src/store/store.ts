import type { CollectionName, CollectionRecord } from './collections';
import { MAX_REQUEST_KEY } from '../domain';

/** A record as a store holds it: the domain value plus the store's id and version tag. */
export type Stored<T> = T & { id: string; etag: string };

export type FilterValue = string | number | boolean | null;

/** Equality on one indexed field: the only query SharePoint answers reliably on large lists. */
export interface FieldFilter<T> {
  field: keyof T & string;
  equals: FilterValue;
}

/** How a read is served. */
export interface ReadOptions {
  /** Bypasses any read cache: for reads that decide something (a poll's close and tally, a roster). */
  fresh?: boolean;
  /**
   * `get` only: may be answered from a read cache (at most its time-to-live old), for what is only shown (a focus
   * group's name, an entry's title on a card); never for a read that a write or a permission depends on.
   */
  cached?: boolean;
}

/**
 * One page of a query, in ascending id order. `where` narrows on an indexed field inside the store (SharePoint:
 * `$filter` on the indexed column); `keep` is a condition no index answers (a search, a missing translation),
 * checked on each record the store reads, so a page may take more than one read but never holds more than `top`.
 */
export interface PageQuery<T> {
  where?: FieldFilter<T>;
  keep?: (record: Stored<T>) => boolean;
  /** at most this many records (1–1000) */
  top: number;
  /** where the previous page ended (its `next`); opaque, only valid for the same `where` and `keep` */
  after?: string;
}

export interface Page<T> {
  items: Stored<T>[];
  /** pass as `after` for the next page; absent on the last page */
  next?: string;
}

/** How many records hold each combination of a collection's tally fields (see CollectionSpec.tally). */
export interface Tally {
  fields: readonly string[];
  /** one row per combination held by at least one record */
  rows: ReadonlyArray<{ values: Readonly<Record<string, FilterValue>>; count: number }>;
  /** when it was last counted from the records themselves (ISO) */
  builtAt: string;
}

/** The most a page may hold: a person reads a page, a task that needs everything reads `list`. */
export const MAX_PAGE = 1000;

/** Records a page with a `keep` condition reads per request at least (it reads past those it does not keep). */
export const SCAN_PAGE = 1000;

/** Records a whole-query read asks for per request: SharePoint's largest page of list items. */
export const BULK_PAGE = 5000;

/** What an idempotent create did: the record, and whether this call created it or found an earlier one. */
export interface CreatedOnce<T> {
  record: Stored<T>;
  created: boolean;
}

/** One conditional replace among many (see Collection.updateMany). */
export interface Replacement<T> {
  id: string;
  value: T;
  ifMatch: string;
  /** the version `ifMatch` names, when the caller has it: a store keeping a tally moves its counts without reading it */
  before?: T;
}

/** Longest request key a store keeps. */
export const MAX_CREATE_KEY = MAX_REQUEST_KEY;

/**
 * One collection of records. Ids are positive integers as strings, ascending in creation order
 * (SharePoint list item ids behave so; the embedded store does the same).
 */
export interface Collection<T> {
  /** Every record (matching `filter`), ascending ids. Records are immutable: a caller copies before changing one. */
  list(filter?: FieldFilter<T>, options?: ReadOptions): Promise<Stored<T>[]>;
  /** One page (see PageQuery): the first page of a register costs one SharePoint request, not one per 200 items. */
  page(query: PageQuery<T>, options?: ReadOptions): Promise<Page<T>>;
  /** How many records match `where` (and `keep`). */
  count(where?: FieldFilter<T>, keep?: (record: Stored<T>) => boolean, options?: ReadOptions): Promise<number>;
  /**
   * A number that changes whenever `list` may answer differently (a write through this store, a fresh read of
   * the backend), or undefined when the store cannot tell: while it holds, what a reader computed from `list` stays
   * valid (the register page keeps its filtered, ordered view and counts instead of going through every entry).
   */
  changeStamp?(): number | undefined;
  /**
   * The counts kept beside a collection that has a tally, in one read instead of one per record; undefined while
   * there is none yet (it is being counted). A caller that finds them wrong (a page shorter than its count) calls
   * `recount`, which counts again from the records in the background.
   */
  tally?(): Promise<Tally | undefined>;
  recount?(): void;
  /**
   * Runs `run` (many writes of one task, such as an import) and moves the tally once for all of them at the end,
   * instead of once per write; this process's own reads of the tally see the writes meanwhile.
   */
  countTogether?<R>(run: () => Promise<R>): Promise<R>;
  /** Reads the stored version (never a cache, unless `cached` says it is only shown). */
  get(id: string, options?: ReadOptions): Promise<Stored<T> | undefined>;
  create(value: T): Promise<Stored<T>>;
  /**
   * Creates the record together with `requestKey`, unless a record was created with that key already: then
   * that record, `created: false`. A retry after a timeout, a lost answer or a crash finds the first result.
   */
  createOnce(value: T, requestKey: string): Promise<CreatedOnce<T>>;
  /** Creates many records with as few round trips as the backend allows; results in input order. */
  createMany(values: readonly T[]): Promise<Stored<T>[]>;
  /**
   * `createOnce` for many records, with as few round trips as the backend allows: `requestKeys[i]` is the key of
   * `values[i]`. Results in input order; a key given twice in one call names one record (created at most once).
   * A call cut short (a failure, a crash) leaves some created: the same call again creates only the rest.
   */
  createManyOnce(values: readonly T[], requestKeys: readonly string[]): Promise<CreatedOnce<T>[]>;
  /**
   * `update` for many records with as few round trips as the backend allows, each still conditional on the version
   * its `ifMatch` names. Results in input order: the new version, or undefined for a record that changed since (or is
   * gone): the caller reads that one again and decides.
   */
  updateMany(changes: readonly Replacement<T>[]): Promise<Array<Stored<T> | undefined>>;
  /**
   * Replaces the record if it is still the version `ifMatch` names; else ConflictError carrying the current
   * version. Every write names the version it read: `'*'` replaces whatever is stored, and only a caller whose
   * value does not depend on the stored one (e.g. a ballot replacing the same voter's ballot) may use it.
   */
  update(id: string, value: T, ifMatch: string): Promise<Stored<T>>;
  remove(id: string, ifMatch: string): Promise<void>;
  /** Creates or replaces the record whose unique key field equals the value's (collections with a unique key only). */
  upsertByKey(value: T): Promise<Stored<T>>;
}

export type RegisterStore = {
  readonly [K in CollectionName]: Collection<CollectionRecord<K>>;
} & {
  /** Creates what the backend lacks (files, lists, columns, indexes); never drops data. Idempotent. */
  init(): Promise<void>;
  close(): Promise<void>;
  readonly kind: 'local' | 'graph';
};
