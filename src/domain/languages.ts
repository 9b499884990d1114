import { z } from 'zod';
import type { LocalizedText } from './model-base';

/**
 * The one home of the product's languages: Dutch and French for users and annexes, English as the fallback.
 * Every surface, the API and the annex take the list, the locale mapping and the picking of a text from here.
 */
export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A language code as requests carry it (`?lang=`, a poll's language). */
export const languageCode = z.enum(LANGUAGES, { errorMap: () => ({ message: 'must be nl, fr or en' }) });

/** Each language's Belgian locale (English as in Britain): dates, numbers and a Word run's language. */
export const LOCALE_OF: Readonly<Record<Language, string>> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

/** The language a reader gets when nothing they sent names one of ours. */
export const DEFAULT_LANGUAGE: Language = 'nl';

/** One text in the three languages. */
export interface Labelled {
  nl: string;
  fr: string;
  en: string;
}

/** "nl-be" → "nl", "FR_be" → "fr", "de-de" → undefined. */
export function languageOf(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const prefix = tag.trim().toLowerCase().slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(prefix) ? (prefix as Language) : undefined;
}

/**
 * The language of a client that tells its locale (Teams, Office, a browser): Dutch and French are ours, English for
 * any other language; `whenNone` when the client says nothing.
 */
export function clientLanguage(locale: string | null | undefined, whenNone: Language = DEFAULT_LANGUAGE): Language {
  if (!locale?.trim()) return whenNone;
  return languageOf(locale) ?? 'en';
}

/** The order in which a text's languages are tried: the chosen one, the other national language, English. */
export function languageOrder(language: Language): Language[] {
  return language === 'fr' ? ['fr', 'nl', 'en'] : language === 'nl' ? ['nl', 'fr', 'en'] : ['en', 'nl', 'fr'];
}

/** A register text in the reader's language, else the other national language, else English ('' when none). */
export function pickLocalized(text: LocalizedText | undefined, language: Language): string {
  for (const l of languageOrder(language)) if (text?.[l]?.trim()) return text[l]!.trim();
  return '';
}

/** The non-empty texts of a localized text, in any language. */
export function textsOf(value: LocalizedText | undefined): string[] {
  return value ? [value.nl, value.fr, value.en].filter((t): t is string => Boolean(t?.trim())) : [];
}

/** A text on one language's side; nothing when empty. */
export const localized = (language: string, text: string | null | undefined): LocalizedText => (text?.trim() ? { [language]: text.trim() } : {});
