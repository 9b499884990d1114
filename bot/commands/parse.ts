import { fold } from '../../src/domain';
import { DOMAIN_CODES, DOMAINS, type DomainCode, type Language } from '../../src/domain';
import type { MessageKey } from '../i18n';

/**
 * What every command parser shares: the text as typed (the Teams SDK has already removed the bot's
 * @mention), the command word in any of its aliases, words and key=value settings, domains by code or name.
 */

export type Parsed<P> = { ok: true; value: P } | { ok: false; key: MessageKey; params?: Record<string, string> };

export function parsed<P>(value: P): Parsed<P> {
  return { ok: true, value };
}

export function refused<P = never>(key: MessageKey, params: Record<string, string> = {}): Parsed<P> {
  return { ok: false, key, params };
}

/** Removes markup Teams wraps messages in (<p>, &nbsp;) and a leading slash; collapses white space. */
export function cleanText(text: string | undefined | null): string {
  return (text ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\//, '');
}

export function startsWithWords(folded: string, phrase: string): boolean {
  return folded === phrase || folded.startsWith(`${phrase} `);
}

/** The languages an alias belongs to ("help" is English and Dutch; "fiche" Dutch and French). */
export function aliasLanguages(aliases: Record<Language, readonly string[]>, alias: string): Language[] {
  return (Object.keys(aliases) as Language[]).filter((l) => aliases[l].some((a) => fold(a) === alias));
}

/** The answer's language: the alias's own, or the client's when the alias is shared with it. */
export function languageOfAlias(languages: readonly Language[], client: Language): Language {
  if (languages.length === 0 || languages.includes(client)) return client;
  return languages[0];
}

/** Abbreviations people use in the two languages. */
const DOMAIN_ABBREVIATIONS: Record<string, DomainCode> = { RH: 'HR', PZ: 'HR', IT: 'ICT', TIC: 'ICT', IDPBW: 'PREV', SIPPT: 'PREV', COMM: 'COM' };

/** A domain from its code ("ICT", "soc.hous"), an abbreviation ("RH"), or a word of its name in any language. */
export function matchDomain(word: string): DomainCode | undefined {
  const upper = word.toUpperCase();
  if (DOMAIN_ABBREVIATIONS[upper]) return DOMAIN_ABBREVIATIONS[upper];
  const byCode = DOMAIN_CODES.find((c) => c === upper);
  if (byCode) return byCode;
  const w = fold(word);
  if (w.length < 4) return undefined;
  return DOMAIN_CODES.find((c) =>
    Object.values(DOMAINS[c])
      .map(fold)
      .some((l) => l.split(/[^a-z0-9]+/).includes(w)),
  );
}

/** "12" or "#12" → "12". */
export function numberId(text: string): string | undefined {
  return /^#?(\d{1,9})$/.exec(text.trim())?.[1];
}

/** Takes the listed phrases out of the words (longest first); says whether any was there. */
export function takePhrases(words: { rest: string }, phrases: readonly string[]): boolean {
  let found = false;
  for (const phrase of [...phrases].sort((a, b) => b.length - a.length)) {
    if (words.rest.includes(` ${phrase} `)) {
      words.rest = words.rest.replace(` ${phrase} `, ' ');
      found = true;
    }
  }
  return found;
}
