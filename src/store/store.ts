import type { z } from 'zod';
import type { CollectionName, CollectionRecord } from './collections';

/** A record as a store holds it: the domain value plus the store's id and version tag. */
export type Stored<T> = T & { id: string; etag: string };

export type FilterValue = string | number | boolean | null;

/** Equality on one indexed field: the only query SharePoint answers reliably on large lists. */
export interface FieldFilter<T> {
  field: keyof T & string;
  equals: FilterValue;
}

/**
 * One collection of records. Ids are positive integers as strings, ascending in creation order
 * (SharePoint list item ids behave so; the embedded store does the same).
 */
export interface Collection<T> {
  list(filter?: FieldFilter<T>): Promise<Stored<T>[]>;
  get(id: string): Promise<Stored<T> | undefined>;
  create(value: T): Promise<Stored<T>>;
  /** Creates many records with as few round trips as the backend allows; results in input order. */
  createMany(values: readonly T[]): Promise<Stored<T>[]>;
  /** Replaces the record. With `ifMatch`, a stale eTag raises ConflictError carrying the current version. */
  update(id: string, value: T, ifMatch?: string): Promise<Stored<T>>;
  remove(id: string, ifMatch?: string): Promise<void>;
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

export type SchemaOf<K extends CollectionName> = z.ZodType<CollectionRecord<K>, z.ZodTypeDef, unknown>;
