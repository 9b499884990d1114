import type { BilingualLanguage } from '../domain';
import { CatalogueError } from '../domain';

/**
 * The register's port to a machine translation service: texts in, texts out, in the same order. The register
 * decides what may be sent (never confidential texts), applies the glossary and counts characters; an adapter only
 * talks to its service.
 */
export interface Translator {
  /** where the service processes the texts (the Azure region the tenant chose), said on the privacy page */
  readonly region: string;
  /** Translates texts that already fit in one request of the service (see `batches`). */
  translate(texts: readonly string[], from: BilingualLanguage, to: BilingualLanguage): Promise<string[]>;
}

/** The service refused or failed (after its client's own retries): the suggestion is not made, nothing is saved. */
export class TranslationFailedError extends CatalogueError {
  readonly code = 'translation_failed';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'TranslationFailedError';
  }
  override params() {
    return { detail: this.message };
  }
}

/** No translation service is configured: the feature is hidden and the API says so. */
export class TranslationUnavailableError extends CatalogueError {
  readonly code = 'translation_unavailable';
  constructor() {
    super('Translation suggestions are not configured on this server');
    this.name = 'TranslationUnavailableError';
  }
}

/** The month's characters would pass the budget the secretary set. */
export class TranslationBudgetError extends CatalogueError {
  readonly code = 'translation_budget_exceeded';
  constructor(
    readonly used: number,
    readonly budget: number,
    readonly needed: number,
  ) {
    super(`The monthly translation budget is reached: ${used} of ${budget} characters used, this request needs ${needed}`);
    this.name = 'TranslationBudgetError';
  }
  override params() {
    return { used: this.used, budget: this.budget, needed: this.needed };
  }
  override details() {
    return { used: this.used, budget: this.budget, needed: this.needed };
  }
}
