import type { ZodError, ZodIssue } from 'zod';
import { codeOfZodIssue, reasonText } from '../i18n';
import type { Params } from '../i18n';
import { CatalogueError } from '../domain';

export interface FieldIssue {
  /** dotted path of the bad field, e.g. "title.nl" or "options.2.label" */
  field: string;
  /** machine-readable reason: a key under "validation." in the message catalogue */
  code: string;
  params?: Params;
  /** the reason in English, for logs and scripts; people read it in their language from code + params */
  reason: string;
}

/** An issue for `field` with a catalogue code; its English reason is filled from the catalogue. */
export function fieldIssue(field: string, code: string, params?: Params): FieldIssue {
  return { field, code, ...(params ? { params } : {}), reason: reasonText('en', { code, params }) };
}

/** Input that breaks the register's rules; names every bad field and why. */
export class ValidationError extends Error {
  readonly issues: FieldIssue[];

  /** Issues without a code (older callers) get the generic "invalid" code and keep their reason. */
  constructor(issues: Array<FieldIssue | { field: string; reason: string; code?: string; params?: Params }>) {
    const coded = issues.map((i) => ({ ...i, code: i.code ?? 'invalid' }));
    super(`Invalid input: ${coded.map((i) => `${i.field || '(body)'} ${i.reason}`).join('; ')}`);
    this.name = 'ValidationError';
    this.issues = coded;
  }

  static fromZod(error: ZodError, prefix = ''): ValidationError {
    return new ValidationError(
      error.issues.flatMap(closestIssues).map((issue) => {
        const { code, params } = codeOfZodIssue(issue);
        return fieldIssue([prefix, ...issue.path.map(String)].filter(Boolean).join('.'), code, params);
      }),
    );
  }
}

/**
 * A value that fits none of a union's shapes is told by the shape it came closest to: one whose keys it has (no
 * unknown key), then with the fewest issues, so a request missing one field hears about that field, not "invalid".
 */
function closestIssues(issue: ZodIssue): ZodIssue[] {
  if (issue.code !== 'invalid_union' || !issue.unionErrors.length) return [issue];
  const distance = (e: ZodError) => (e.issues.some((i) => i.code === 'unrecognized_keys') ? 1000 : 0) + e.issues.length;
  const closest = issue.unionErrors.reduce((best, e) => (distance(e) < distance(best) ? e : best));
  return closest.issues.flatMap(closestIssues);
}

/** A deleted entry past the time it could be restored (HTTP 410). */
export class RestoreExpiredError extends CatalogueError {
  readonly code = 'restore_expired';
  constructor(
    readonly id: string,
    readonly deletedAt: string,
    readonly days: number,
  ) {
    super(`Entry ${id} was deleted on ${deletedAt.slice(0, 10)}, more than ${days} days ago: it can no longer be restored (its history keeps it)`);
    this.name = 'RestoreExpiredError';
  }
  override params() {
    return { id: this.id, date: this.deletedAt.slice(0, 10), days: this.days };
  }
  override details() {
    return { deletedAt: this.deletedAt, days: this.days };
  }
}

/** A restore of a deleted entry that is not (or no longer) deleted (HTTP 409). */
export class NotDeletedError extends CatalogueError {
  readonly code = 'not_deleted';
  constructor(
    readonly id: string,
    readonly restoredAs?: string,
  ) {
    super(restoredAs ? `Entry ${id} was restored as entry ${restoredAs}, which has been deleted since: restore that one` : `Entry ${id} is not deleted`);
    this.name = 'NotDeletedError';
  }
  override messageKey() {
    return this.restoredAs ? 'restored_elsewhere' : 'not_deleted';
  }
  override params(): Record<string, string> {
    return { id: this.id, ...(this.restoredAs ? { restoredAs: this.restoredAs } : {}) };
  }
  override details() {
    return this.restoredAs ? { restoredAs: this.restoredAs } : {};
  }
}
