import { type KeysOf, scoped } from '../src/i18n';
import type { Language } from '../src/domain';
import { clientLanguage } from '../src/domain';
import { plainParams } from './plain-text';

/** The bot's texts: the "bot." namespace of the one message catalogue (src/i18n/messages/bot.ts). */
export type MessageKey = KeysOf<'bot'>;

/** Teams sends the client's locale (nl-BE, fr-BE, en-US…): Dutch and French are ours, English for the rest and for none. */
export function languageOf(locale: string | undefined | null): Language {
  return clientLanguage(locale, 'en');
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * The bot's texts in one language; a key missing there falls back to English. Parameters are what people typed or
 * are called, so they are shown as plain text, never as links (plain-text.ts).
 */
export function translator(language: Language): Translate {
  const t = scoped('bot', language);
  return (key, params) => t(key, plainParams(params));
}
