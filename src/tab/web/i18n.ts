import { type KeysOf, namespaceTable, plural as catalogPlural, scoped } from '../../i18n';
import type { Params } from '../../i18n';
import type { Language } from './locale';

/** The tab's texts: the "tab." namespace of the one message catalogue (src/i18n/messages/tab.ts). */
export type MessageKey = KeysOf<'tab'>;
export type Vars = Params;

/** The tab's texts per language, as flat tables (also served as /tab/i18n/<lang>.json). */
export const MESSAGES: Record<Language, Record<MessageKey, string>> = {
  nl: namespaceTable('tab', 'nl') as Record<MessageKey, string>,
  fr: namespaceTable('tab', 'fr') as Record<MessageKey, string>,
  en: namespaceTable('tab', 'en') as Record<MessageKey, string>,
};

/** The text for a key with {placeholders} filled in; English when a translation is missing. */
export function translate(language: Language, key: MessageKey, vars?: Vars): string {
  return scoped('tab', language)(key, vars);
}

/** Plural forms: keys "<base>.one" and "<base>.other", chosen by Intl.PluralRules; {count} is filled. */
export function plural(language: Language, base: string, count: number, vars?: Vars, formattedCount?: string): string {
  return catalogPlural(language, `tab.${base}`, count, vars, formattedCount);
}
