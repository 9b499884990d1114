import { type Language, LANGUAGES } from './types';

/** "nl-be" → "nl", "FR_be" → "fr", "de-de" → undefined. */
export function languageOf(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const prefix = tag.trim().toLowerCase().slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(prefix) ? (prefix as Language) : undefined;
}

/** The order in which a text's languages are tried: the chosen one, the other national language, English. */
export function languageOrder(language: Language): Language[] {
  return language === 'fr' ? ['fr', 'nl', 'en'] : language === 'nl' ? ['nl', 'fr', 'en'] : ['en', 'nl', 'fr'];
}
