/**
 * The one home of the register's size limits: the zod schemas, the services, the stores, the cards and the tab's
 * forms all read them from here, so a value the API accepts always fits where it is kept and shown.
 */

/** Longest text a store keeps in an indexed column (SharePoint's indexed single line of text holds 255 characters). */
export const MAX_INDEXED_TEXT = 255;

/**
 * Longest request key (an Idempotency-Key, a delivery's key, a poll's request key): every one is kept in an indexed
 * column, so it is refused with a 400 at the edge rather than failing in the store.
 */
export const MAX_REQUEST_KEY = MAX_INDEXED_TEXT;

/** A poll's question and its options. */
export const MAX_POLL_QUESTION = 500;
export const MIN_POLL_OPTIONS = 2;
export const MAX_POLL_OPTIONS = 10;
