import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import nl from '../i18n/nl.json';
import type { Language } from './locale';

/** Every text of the tab, from src/tab/i18n/<lang>.json (English is the reference set of keys). */
export type MessageKey = keyof typeof en;
export const MESSAGES: Record<Language, Record<MessageKey, string>> = { nl, fr, en };

export type Vars = Record<string, string | number>;

/** The text for a key with {placeholders} filled in; English when a translation is missing. */
export function translate(language: Language, key: MessageKey, vars?: Vars): string {
  const template = MESSAGES[language][key] || MESSAGES.en[key] || key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
}

/** Plural forms: keys "<base>.one" and "<base>.other", chosen by Intl.PluralRules; {count} is filled. */
export function plural(language: Language, base: string, count: number, vars?: Vars, formattedCount?: string): string {
  const form = new Intl.PluralRules(language).select(count) === 'one' ? 'one' : 'other';
  return translate(language, `${base}.${form}` as MessageKey, { ...vars, count: formattedCount ?? String(count) });
}
