import { CatalogueError } from '../domain';
/** Errors every store raises the same way, so the register and the HTTP layer can answer them precisely. */

export class NotFoundError extends CatalogueError {
  readonly code = 'not_found';
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`${collection} ${id} does not exist`);
    this.name = 'NotFoundError';
  }
  override params() {
    return { collection: this.collection, id: this.id };
  }
}

/** Someone saved in between: the caller's eTag is stale. Carries the version that is stored now. */
export class ConflictError<T = unknown> extends CatalogueError {
  readonly code = 'conflict';
  constructor(
    readonly collection: string,
    readonly id: string,
    readonly current: T | undefined,
  ) {
    super(`${collection} ${id} was changed by someone else in the meantime`);
    this.name = 'ConflictError';
  }
  override params() {
    return { collection: this.collection, id: this.id };
  }
  override details() {
    return { current: this.current ?? null };
  }
}

/** A record with the same unique key exists already. */
export class DuplicateKeyError extends CatalogueError {
  readonly code = 'duplicate';
  constructor(
    readonly collection: string,
    readonly field: string,
    readonly key: string,
  ) {
    super(`${collection} already holds a record with ${field} = ${key}`);
    this.name = 'DuplicateKeyError';
  }
  override params() {
    return { collection: this.collection, field: this.field, key: this.key };
  }
}

/** The query asks a store for something it cannot do efficiently (e.g. filter on a column that is not indexed). */
export class UnsupportedQueryError extends CatalogueError {
  readonly code = 'unsupported_query';
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedQueryError';
  }
  override params() {
    return { detail: this.message };
  }
}

/** The backing service refused or failed in a way retrying will not fix; the message is for people. */
export class StoreUnavailableError extends CatalogueError {
  readonly code = 'store_unavailable';
  constructor(
    message: string,
    readonly status?: number,
    readonly serviceCode?: string,
  ) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
  override params() {
    return { detail: this.message };
  }
}

/** A record the collection's schema refuses reached the store: a bug upstream, stopped before it is written (it could not be read back). */
export class InvalidRecordError extends Error {
  constructor(
    readonly collection: string,
    readonly issues: string[],
  ) {
    super(`refusing to write an invalid ${collection} record: ${issues.join('; ')}`);
    this.name = 'InvalidRecordError';
  }
}

/** The record is larger than a store can keep (SharePoint's multiple-lines-of-text column: 63 999 characters). */
export class RecordTooLargeError extends CatalogueError {
  readonly code = 'record_too_large';
  constructor(
    readonly collection: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`This ${collection} record is too large to store: ${size} characters of data, at most ${limit}; shorten its longest texts`);
    this.name = 'RecordTooLargeError';
  }
  override params() {
    return { collection: this.collection, size: this.size, limit: this.limit };
  }
  override details() {
    return { limit: this.limit, size: this.size };
  }
}

/** A value of an indexed field is longer than its column holds (255 characters for indexed text). */
export class FieldTooLongError extends Error {
  constructor(
    readonly collection: string,
    readonly field: string,
    readonly limit: number,
  ) {
    super(`${collection}.${field} is longer than the ${limit} characters the store can index`);
    this.name = 'FieldTooLongError';
  }
}
