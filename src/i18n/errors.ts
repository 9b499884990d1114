import { type ApiErrorBody, type CatalogueError, ERROR_STATUS, type ErrorCode } from '../domain';
import type { Language } from '../domain';
import { translateKey } from './catalogue';

/** A catalogued error's message in a language (its English text when the catalogue lacks the wording). */
export function errorMessage(language: Language, error: CatalogueError): string {
  return translateKey(language, `errors.${error.messageKey()}`, error.params(), error.message);
}

/** A code's message without an error at hand (e.g. "no such endpoint"). */
export function codeMessage(language: Language, code: ErrorCode | 'no_endpoint', params?: Record<string, string | number>): string {
  return translateKey(language, `errors.${code}`, params, code);
}

/** The HTTP status and body of a catalogued error, worded for the reader. */
export function errorAnswer(language: Language, error: CatalogueError): { status: number; body: ApiErrorBody } {
  // the stored version a conflict carries goes beside the error, where a client reads it to show both versions
  const { current, ...details } = error.details();
  const body: ApiErrorBody = { error: { code: error.code, message: errorMessage(language, error), ...details } };
  if ('current' in error.details()) body.current = current ?? null;
  return { status: ERROR_STATUS[error.code], body };
}
