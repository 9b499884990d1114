import type { Language } from '../src/domain/vocabulary';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import nl from './i18n/nl.json';

export type MessageKey = keyof typeof en;
const CATALOGS: Record<Language, Record<string, string>> = { en, nl, fr };

/** Teams sends the client's locale (nl-BE, fr-BE, en-US…): Dutch and French are ours, English for the rest. */
export function languageOf(locale: string | undefined | null): Language {
  const l = (locale ?? '').toLowerCase();
  if (l.startsWith('nl')) return 'nl';
  if (l.startsWith('fr')) return 'fr';
  return 'en';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The bot's texts in one language; a key missing there falls back to English, then to the key. */
export function translator(language: Language): Translate {
  const catalog = CATALOGS[language];
  return (key, params = {}) => {
    const template = catalog[key] ?? CATALOGS.en[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
