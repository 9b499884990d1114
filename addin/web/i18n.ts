import { type KeysOf, scoped } from '../../src/i18n';
import { clientLanguage, type Language } from '../../src/domain';

/** Texts of the task pane: the "pane." namespace of the one message catalogue (src/i18n/messages/pane.ts). */

export type PaneLanguage = Language;
export type TextKey = KeysOf<'pane'>;

/** Office's display language: Dutch and French are ours, English for the rest; Dutch when Office says nothing. */
export function paneLanguageOf(locale: string | undefined): PaneLanguage {
  return clientLanguage(locale);
}

export function translator(language: PaneLanguage) {
  return scoped('pane', language);
}
