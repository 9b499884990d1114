import type { LocalizedText } from './model';

/** The two languages the annex prints every text in; English is only a fallback and never counts as a translation. */
export const BILINGUAL_LANGUAGES = ['nl', 'fr'] as const;
export type BilingualLanguage = (typeof BILINGUAL_LANGUAGES)[number];

/** The texts of an entry the annex prints, in the order a clerk reads them. */
export const BILINGUAL_FIELDS = ['title', 'subheading', 'department', 'description', 'qualitativeBenefit'] as const;
export type BilingualField = (typeof BILINGUAL_FIELDS)[number];

export type BilingualTexts = Partial<Record<BilingualField, LocalizedText | undefined>>;

/** The annex's language for a reader: French for a French reader, Dutch for everyone else. */
export function annexLanguageFor(language: string): BilingualLanguage {
  return language === 'fr' ? 'fr' : 'nl';
}

export function otherLanguage(language: BilingualLanguage): BilingualLanguage {
  return language === 'fr' ? 'nl' : 'fr';
}

/** The fields of an entry that have text in the other language but none in `missing` (blank is none). */
export function missingTexts(entry: BilingualTexts, missing: BilingualLanguage): BilingualField[] {
  const other = otherLanguage(missing);
  return BILINGUAL_FIELDS.filter((f) => Boolean(entry[f]?.[other]?.trim()) && !entry[f]?.[missing]?.trim());
}

/** Whether an entry still lacks a translation into `missing` in any text the annex prints. */
export function lacksLanguage(entry: BilingualTexts, missing: BilingualLanguage): boolean {
  return missingTexts(entry, missing).length > 0;
}
