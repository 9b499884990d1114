import type { LocalizedText } from '../domain/model';
import type { Language } from '../domain/vocabulary';

/** A register text in the reader's language, else the other national language, else English ('' when none). */
export function pickLocalized(text: LocalizedText | undefined, language: Language): string {
  const order: Language[] = language === 'fr' ? ['fr', 'nl', 'en'] : language === 'nl' ? ['nl', 'fr', 'en'] : ['en', 'nl', 'fr'];
  for (const l of order) if (text?.[l]?.trim()) return text[l]!.trim();
  return '';
}

/** The non-empty texts of a localized text, in any language. */
export function textsOf(value: LocalizedText | undefined): string[] {
  return value ? [value.nl, value.fr, value.en].filter((t): t is string => Boolean(t?.trim())) : [];
}

/** A text on one language's side; nothing when empty. */
export const localized = (language: string, text: string | null | undefined): LocalizedText => (text?.trim() ? { [language]: text.trim() } : {});
