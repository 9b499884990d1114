import { hasMessage, type KeysOf, scoped } from '../../src/i18n';
import type { PaneLanguage } from './i18n';

/** Texts of the Word refresh in the task pane: the "word." namespace of the one message catalogue (src/i18n/messages/word.ts). */

export type RefreshTextKey = KeysOf<'word'>;

export function refreshTranslator(language: PaneLanguage) {
  return scoped('word', language);
}

export function isRefreshTextKey(key: string): key is RefreshTextKey {
  return hasMessage(`word.${key}`);
}
