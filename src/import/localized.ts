import type { LocalizedText } from '../domain/model';
import type { Language } from '../domain/vocabulary';

/** A register text in the reader's language, else the other national language, else English ('' when none). */
export function pickLocalized(text: LocalizedText | undefined, language: Language): string {
  const order: Language[] = language === 'fr' ? ['fr', 'nl', 'en'] : language === 'nl' ? ['nl', 'fr', 'en'] : ['en', 'nl', 'fr'];
  for (const l of order) if (text?.[l]?.trim()) return text[l]!.trim();
  return '';
}
