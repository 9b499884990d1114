/**
 * The one home of the register's size limits: the zod schemas, the services, the stores, the cards and the tab's
 * forms all read them from here, so a value the API accepts always fits where it is kept and shown.
 */

/** Longest text a store keeps in an indexed column (SharePoint's indexed single line of text holds 255 characters). */
export const MAX_INDEXED_TEXT = 255;

/**
 * Longest request key (an Idempotency-Key, a delivery's key, a poll's request key): every one is kept in an indexed
 * column, so it is refused with a 400 at the edge rather than failing in the store.
 * @alias of the indexed column's length
 */
export const MAX_REQUEST_KEY = MAX_INDEXED_TEXT;

/**
 * The years a date or a year of the register may name: from 1976, when the organic law created the OCMWs/CPAS
 * (no cooperation with one is older), to 2100; 0000 or 9999 is a typing error, not a plan.
 */
export const REGISTER_YEARS = { min: 1976, max: 2100 } as const;

/** How far ahead a poll may open or close: a focus group decides within the year. */
export const MAX_POLL_DAYS_AHEAD = 366;

/** A poll's question and its options. */
export const MAX_POLL_QUESTION = 500;
export const MIN_POLL_OPTIONS = 2;
export const MAX_POLL_OPTIONS = 10;
