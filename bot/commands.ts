import { fold } from '../src/domain/queries';
import { DOMAIN_CODES, DOMAINS, type DomainCode } from '../src/domain/vocabulary';
import type { MessageKey } from './i18n';
import { parseLocalDateTime } from './time';

/**
 * The bot's command language: English commands with Dutch and French aliases. Pure parsing: the
 * text of a message in, a command (or what was wrong with it) out.
 */

export type Command =
  | { kind: 'help' }
  | { kind: 'actions'; domain?: DomainCode; overdue: boolean; mine: boolean }
  | { kind: 'entry'; id?: string; text?: string }
  | { kind: 'pollForm' }
  | {
      kind: 'poll';
      question: string;
      options: string[];
      multipleChoice: boolean;
      anonymous: boolean;
      closesAt: string | null;
      entryId?: string;
      group?: string;
    }
  | { kind: 'results'; pollId?: string }
  | { kind: 'error'; key: MessageKey; params: Record<string, string>; command?: CommandName };

export type CommandName = 'help' | 'actions' | 'entry' | 'poll' | 'results';

/** Every way to say each command (folded: lower case, no accents). Longest phrases are tried first. */
export const COMMAND_ALIASES: Record<CommandName, { en: string[]; nl: string[]; fr: string[] }> = {
  help: { en: ['help', '?'], nl: ['hulp', 'help'], fr: ['aide'] },
  actions: { en: ['open actions', 'actions'], nl: ['open acties', 'acties'], fr: ['actions ouvertes'] },
  entry: { en: ['entry'], nl: ['fiche', 'maatregel'], fr: ['fiche', 'entree', 'mesure'] },
  poll: { en: ['poll'], nl: ['stemming', 'peiling'], fr: ['sondage', 'vote'] },
  results: { en: ['results', 'result'], nl: ['resultaten', 'uitslag'], fr: ['resultats', 'resultat'] },
};

const ALIAS_LIST: Array<{ alias: string; name: CommandName }> = (Object.keys(COMMAND_ALIASES) as CommandName[])
  .flatMap((name) => [...new Set(Object.values(COMMAND_ALIASES[name]).flat())].map((alias) => ({ alias, name })))
  .sort((a, b) => b.alias.length - a.alias.length);

const OVERDUE_WORDS = ['overdue', 'late', 'achterstallig', 'te laat', 'en retard', 'retard'];
const MINE_WORDS = ['mine', 'my', 'mijn', 'mijn acties', 'les miennes', 'miennes', 'mes actions', 'moi'];
const OPEN_WORDS = ['open', 'ouvertes'];
const MULTI_WORDS = ['multi', 'multiple', 'meerdere', 'plusieurs'];
const ANON_WORDS = ['anonymous', 'anoniem', 'anonyme'];
const CLOSES_KEYS = ['closes', 'close', 'sluit', 'cloture', 'fin'];
const ENTRY_KEYS = ['entry', 'fiche'];
const GROUP_KEYS = ['group', 'groep', 'groupe'];

/** Removes "<at>Bot</at>" mentions, markup and a leading slash; collapses white space. */
export function cleanText(text: string | undefined | null): string {
  return (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\//, '');
}

/** A domain from its code ("ICT", "soc.hous") or a word of its name in any language ("informatique"). */
/** Abbreviations people use in the two languages. */
const DOMAIN_ABBREVIATIONS: Record<string, DomainCode> = { RH: 'HR', PZ: 'HR', IT: 'ICT', TIC: 'ICT', IDPBW: 'PREV', SIPPT: 'PREV', COMM: 'COM' };

export function matchDomain(word: string): DomainCode | undefined {
  const upper = word.toUpperCase();
  if (DOMAIN_ABBREVIATIONS[upper]) return DOMAIN_ABBREVIATIONS[upper];
  const byCode = DOMAIN_CODES.find((c) => c === upper);
  if (byCode) return byCode;
  const w = fold(word);
  if (w.length < 4) return undefined;
  return DOMAIN_CODES.find((c) => {
    const labels = Object.values(DOMAINS[c]).map(fold);
    return labels.some((l) => l.split(/[^a-z0-9]+/).includes(w));
  });
}

function startsWithWords(folded: string, phrase: string): boolean {
  return folded === phrase || folded.startsWith(`${phrase} `);
}

/** Splits the command word off: which command, and the rest of the text as typed. */
export function splitCommand(text: string): { name: CommandName; rest: string } | undefined {
  const clean = cleanText(text);
  const folded = fold(clean);
  for (const { alias, name } of ALIAS_LIST) {
    if (startsWithWords(folded, alias)) return { name, rest: clean.slice(alias.length).trim() };
  }
  return undefined;
}

function parseActions(rest: string): Command {
  let words = ` ${fold(rest)} `;
  let overdue = false;
  let mine = false;
  const take = (list: string[]) => {
    let found = false;
    for (const phrase of [...list].sort((a, b) => b.length - a.length)) {
      if (words.includes(` ${phrase} `)) {
        words = words.replace(` ${phrase} `, ' ');
        found = true;
      }
    }
    return found;
  };
  overdue = take(OVERDUE_WORDS);
  mine = take(MINE_WORDS);
  take(OPEN_WORDS);
  let domain: DomainCode | undefined;
  for (const word of words.split(' ').filter(Boolean)) {
    const d = matchDomain(word);
    if (d && !domain) domain = d;
    else return { kind: 'error', key: 'error.badArgument', params: { word, command: 'open actions' }, command: 'actions' };
  }
  return { kind: 'actions', overdue, mine, ...(domain ? { domain } : {}) };
}

function parseEntry(rest: string): Command {
  const text = rest.trim();
  if (!text) return { kind: 'error', key: 'error.missingEntry', params: {}, command: 'entry' };
  const id = /^#?(\d{1,9})$/.exec(text);
  return id ? { kind: 'entry', id: id[1] } : { kind: 'entry', text };
}

function parseResults(rest: string): Command {
  const text = rest.trim();
  if (!text) return { kind: 'results' };
  const id = /^#?(\d{1,9})$/.exec(text);
  if (!id) return { kind: 'error', key: 'error.badArgument', params: { word: text, command: 'results' }, command: 'results' };
  return { kind: 'results', pollId: id[1] };
}

function parsePoll(rest: string): Command {
  if (!rest.trim()) return { kind: 'pollForm' };
  let multipleChoice = false;
  let anonymous = false;
  let closesAt: string | null = null;
  let entryId: string | undefined;
  let group: string | undefined;
  let text = rest.trim();
  // Leading settings: words and key=value pairs before the question.
  for (;;) {
    const m = /^(\S+)\s*/.exec(text);
    if (!m) break;
    const token = m[1];
    const f = fold(token);
    const kv = /^([^=]+)=(.+)$/.exec(token);
    if (MULTI_WORDS.includes(f)) multipleChoice = true;
    else if (ANON_WORDS.includes(f)) anonymous = true;
    else if (kv && CLOSES_KEYS.includes(fold(kv[1]))) {
      const at = parseLocalDateTime(kv[2]);
      if (!at) return { kind: 'error', key: 'error.badDate', params: { value: kv[2] }, command: 'poll' };
      closesAt = at;
    } else if (kv && ENTRY_KEYS.includes(fold(kv[1]))) {
      const id = /^#?(\d{1,9})$/.exec(kv[2]);
      if (!id) return { kind: 'error', key: 'error.badArgument', params: { word: token, command: 'poll' }, command: 'poll' };
      entryId = id[1];
    } else if (kv && GROUP_KEYS.includes(fold(kv[1]))) group = kv[2];
    else break;
    text = text.slice(m[0].length);
  }
  const parts = text.split('|').map((p) => p.trim());
  const question = parts[0] ?? '';
  const options = parts.slice(1).filter(Boolean);
  if (!question || options.length < 2 || options.length > 10) return { kind: 'error', key: 'error.pollSyntax', params: {}, command: 'poll' };
  return { kind: 'poll', question, options, multipleChoice, anonymous, closesAt, ...(entryId ? { entryId } : {}), ...(group ? { group } : {}) };
}

export function parseCommand(text: string | undefined | null): Command {
  const clean = cleanText(text);
  if (!clean) return { kind: 'help' };
  const split = splitCommand(clean);
  if (!split) return { kind: 'error', key: 'error.unknownCommand', params: { word: clean.split(' ')[0].slice(0, 40) } };
  switch (split.name) {
    case 'help':
      return { kind: 'help' };
    case 'actions':
      return parseActions(split.rest);
    case 'entry':
      return parseEntry(split.rest);
    case 'poll':
      return parsePoll(split.rest);
    case 'results':
      return parseResults(split.rest);
  }
}
