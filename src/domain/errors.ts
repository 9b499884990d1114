/**
 * The one error catalogue: every failure a person or a script can be told about has a code, an HTTP status and a
 * message (`errors.<code>` in the message catalogue, filled with the error's params). The API, the bot and both
 * browser clients answer from it, so the same failure reads the same everywhere, in the reader's language.
 */
export const ERROR_STATUS = {
  invalid_input: 400,
  invalid_json: 400,
  unsupported_query: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  duplicate: 409,
  not_deleted: 409,
  unreviewed_translations: 409,
  restore_expired: 410,
  record_too_large: 413,
  translation_budget_exceeded: 429,
  idempotency_key_reused: 422,
  precondition_required: 428,
  internal: 500,
  translation_failed: 502,
  store_unavailable: 503,
  translation_unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorParams = Record<string, string | number>;

/** An error the catalogue knows: its code says the status and the message; params fill the message. */
export abstract class CatalogueError extends Error {
  abstract readonly code: ErrorCode;
  /** the message's key under `errors.`: the code, unless one code has several wordings */
  messageKey(): string {
    return this.code;
  }
  /** values for the message's {placeholders} */
  params(): ErrorParams {
    return {};
  }
  /** fields a script can act on, sent beside the message (e.g. the stored version on a conflict) */
  details(): Record<string, unknown> {
    return {};
  }
}

/** What every API error answer looks like, for the browser clients and scripts that read it. */
export interface ApiErrorBody {
  error: {
    code: string;
    /** in the caller's language (?lang= or Accept-Language) */
    message: string;
    /** per field: a key under `validation.` with its params (a page words it itself), the English reason for scripts */
    issues?: Array<{ field: string; code: string; reason: string; params?: ErrorParams; label?: string; message?: string }>;
    [detail: string]: unknown;
  };
  current?: unknown;
}
