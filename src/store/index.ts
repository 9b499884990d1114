/** This folder's public face: what callers outside it may import (they import nothing else of it). */
export { type CollectionName, type CollectionRecord } from './collections';
export { createStore, type StoreSettings } from './create-store';
export { ConflictError, DuplicateKeyError, FieldTooLongError, NotFoundError, StoreUnavailableError } from './errors';
export { pagesOf } from './paging';
export { withReadCache } from './read-cache';
export {
  BULK_PAGE,
  MAX_CREATE_KEY,
  MAX_PAGE,
  SCAN_PAGE,
  type Collection,
  type CreatedOnce,
  type FieldFilter,
  type RegisterStore,
  type Stored,
  type Tally,
} from './store';
export { withTallies } from './tally';
