import { type KeysOf, scoped } from '../../src/i18n/catalogue';

/** Texts of the task pane: the "pane." namespace of the one message catalogue (src/i18n/messages/pane.ts). */

export type PaneLanguage = 'nl' | 'fr' | 'en';
export type TextKey = KeysOf<'pane'>;

export function paneLanguageOf(locale: string | undefined): PaneLanguage {
  const l = (locale ?? '').toLowerCase();
  if (l.startsWith('fr')) return 'fr';
  if (l.startsWith('nl')) return 'nl';
  return l ? 'en' : 'nl';
}

export function translator(language: PaneLanguage) {
  return scoped('pane', language);
}
