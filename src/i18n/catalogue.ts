import { annexMessages } from './messages';
import { botMessages } from './messages';
import { fieldMessages } from './messages';
import { importMessages } from './messages';
import { paneMessages } from './messages';
import { tabMessages } from './messages';
import { tabAccessMessages } from './messages';
import { tabImportMessages } from './messages';
import { validationMessages } from './messages';
import { wordMessages } from './messages';
import {
  ACTION_STATUSES_LABELS,
  ADMINISTRATIONS_LABELS,
  DECISION_BODIES_LABELS,
  DECISION_OUTCOMES_LABELS,
  DOMAINS_LABELS,
  FORMALISATIONS_LABELS,
  FORMS_LABELS,
  KINDS_LABELS,
  MEETING_BODIES_LABELS,
  SCOPES_LABELS,
  STATUSES_LABELS,
} from '../domain';
import type { Labelled, Language, Messages, Params } from './types';
import { errorMessages } from './messages';
import { pollExportMessages } from './messages';

/**
 * The one message catalogue of the product: every text a person reads, in NL, FR and EN, for the API,
 * the tab, the bot, the Word pane and the annex. Keys are "<namespace>.<key>"; each namespace is one file
 * under ./messages (the vocabulary's labels are the domain's own). Pure data and lookups: no I/O, imported by every surface.
 */

type Prefixed<P extends string, T> = { [K in keyof T & string as `${P}.${K}`]: T[K] };

function prefixed<P extends string, T extends Messages>(prefix: P, messages: T): Prefixed<P, T> {
  return Object.fromEntries(Object.entries(messages).map(([k, v]) => [`${prefix}.${k}`, v])) as Prefixed<P, T>;
}

export const CATALOGUE = {
  ...prefixed('validation', validationMessages),
  ...prefixed('field', fieldMessages),
  ...prefixed('domain', DOMAINS_LABELS),
  ...prefixed('status', STATUSES_LABELS),
  ...prefixed('kind', KINDS_LABELS),
  ...prefixed('formalisation', FORMALISATIONS_LABELS),
  ...prefixed('form', FORMS_LABELS),
  ...prefixed('scope', SCOPES_LABELS),
  ...prefixed('administration', ADMINISTRATIONS_LABELS),
  ...prefixed('meetingBody', MEETING_BODIES_LABELS),
  ...prefixed('decisionBody', DECISION_BODIES_LABELS),
  ...prefixed('decisionOutcome', DECISION_OUTCOMES_LABELS),
  ...prefixed('actionStatus', ACTION_STATUSES_LABELS),
  ...prefixed('annex', annexMessages),
  ...prefixed('tab', { ...tabMessages, ...tabImportMessages, ...tabAccessMessages }),
  ...prefixed('bot', botMessages),
  ...prefixed('pane', paneMessages),
  ...prefixed('word', wordMessages),
  ...prefixed('import', importMessages),
  ...prefixed('errors', errorMessages),
  ...prefixed('pollExport', pollExportMessages),
};

export type MessageKey = keyof typeof CATALOGUE;
/** The keys of one namespace, without its prefix: `KeysOf<'tab'>` is "app.title" | "nav.label" | … */
export type KeysOf<P extends string> = MessageKey extends infer K ? (K extends `${P}.${infer Rest}` ? Rest : never) : never;

const TABLE: Record<string, Labelled> = CATALOGUE;

/** Fills {placeholders}; an unknown one stays visible, so a missing value shows instead of vanishing. */
export function fill(template: string, params?: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}

export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(TABLE, key);
}

/** The text of a key in a language (English when that language lacks it), placeholders filled. */
export function translate(language: Language, key: MessageKey, params?: Params): string {
  const entry = TABLE[key];
  return fill(entry[language] || entry.en, params);
}

/** Like `translate` for a key built at run time; `fallback` (else the key) when the catalogue has no such key. */
export function translateKey(language: Language, key: string, params?: Params, fallback?: string): string {
  return hasMessage(key) ? translate(language, key, params) : fill(fallback ?? key, params);
}

/** A translator for one namespace: `scoped('tab', 'fr')('app.title')`. */
export function scoped<P extends string>(prefix: P, language: Language) {
  return (key: KeysOf<P>, params?: Params): string => translate(language, `${prefix}.${key}` as MessageKey, params);
}

/** Plural forms: keys "<base>.one" and "<base>.other", chosen by Intl.PluralRules; {count} is filled. */
export function plural(language: Language, base: string, count: number, params?: Params, formattedCount?: string): string {
  const form = new Intl.PluralRules(language).select(count) === 'one' ? 'one' : 'other';
  return translateKey(language, `${base}.${form}`, { ...params, count: formattedCount ?? String(count) });
}

/** One namespace as a flat table for a language ("app.title" → "Registre des synergies"). */
export function namespaceTable(prefix: string, language: Language): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(TABLE)) if (key.startsWith(`${prefix}.`)) out[key.slice(prefix.length + 1)] = value[language] || value.en;
  return out;
}
