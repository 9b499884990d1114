/** Language and Intl locale of the page. Pure functions: unit-tested without a browser. */

import { clientLanguage, type Language, languageOf } from '../../domain';

export type { Language };
export { languageOf };

export interface LanguageSources {
  /** ?lang= in the URL: explicit, wins */
  query?: string | null;
  /** what the person chose with the NL/FR switch earlier */
  saved?: string | null;
  /** app.locale from the Teams context (e.g. "nl-be") when running in Teams */
  teamsLocale?: string | null;
  /** navigator.language outside Teams */
  browser?: string | null;
  /** the server's default (Brussels: nl or fr) */
  fallback: Language;
}

/**
 * In Teams the Teams locale decides (English for any language we do not have); outside Teams the browser's
 * language only when it is Dutch or French, else the server's default.
 */
export function resolveLanguage(s: LanguageSources): Language {
  const explicit = languageOf(s.query) ?? languageOf(s.saved);
  if (explicit) return explicit;
  if (s.teamsLocale) return clientLanguage(s.teamsLocale);
  const browser = languageOf(s.browser);
  if (browser === 'nl' || browser === 'fr') return browser;
  return s.fallback;
}

/** The Intl locale for formatting: the Teams/browser region when its language matches, else Belgium. */
export function intlLocale(language: Language, hostLocale?: string | null): string {
  if (hostLocale && languageOf(hostLocale) === language) {
    const [lang, region] = hostLocale.replace('_', '-').split('-');
    if (region && /^[a-z]{2}$/i.test(region)) return `${lang.toLowerCase()}-${region.toUpperCase()}`;
  }
  return language === 'en' ? 'en-BE' : `${language}-BE`;
}
