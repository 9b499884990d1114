import { type BilingualLanguage, lacksLanguage } from './bilingual';
import type { Action, Mention, PersonRef, SynergyEntry } from './model';
import { DOMAIN_CODES, type DomainCode, type EntryStatus, FINISHED_ACTION_STATUSES } from './vocabulary';

type WithId<T> = T & { id: string };

export interface EntryFilter {
  domain?: DomainCode;
  status?: EntryStatus;
  year?: number;
  party?: string;
  focusGroupId?: string;
  text?: string;
  /** only entries with a text in the other language but none in this one (what a translator still has to do) */
  missing?: BilingualLanguage;
}

/** Lower-case, accents removed: "Financiën" matches "financien", "Marchés" matches "marches". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A domain filter on "SOC" also selects its sub-domains "SOC.HOUS", "SOC.EMPL", … */
export function inDomain(domain: string, filter: DomainCode): boolean {
  return domain === filter || domain.startsWith(`${filter}.`);
}

function searchableText(entry: SynergyEntry): string {
  const texts = [
    ...Object.values(entry.title),
    ...Object.values(entry.description),
    ...Object.values(entry.qualitativeBenefit),
    ...entry.parties,
    ...entry.contacts.map((c) => c.name),
    entry.source ?? '',
  ];
  return fold(texts.join('\n'));
}

/**
 * Folding every entry's texts is most of a search over thousands of entries: the folded text is kept per
 * stored version (id, eTag and time of change), so a search folds only what changed since the last one. Bounded.
 */
const foldedTexts = new Map<string, string>();
const FOLDED_TEXTS_MAX = 50_000;

function searchTextOf(entry: WithId<SynergyEntry> & { etag?: string }): string {
  if (!entry.etag) return searchableText(entry);
  const key = `${entry.id}\u0000${entry.etag}\u0000${entry.updatedAt ?? ''}`;
  let text = foldedTexts.get(key);
  if (text === undefined) {
    if (foldedTexts.size >= FOLDED_TEXTS_MAX) foldedTexts.clear();
    text = searchableText(entry);
    foldedTexts.set(key, text);
  }
  return text;
}

export function matchesEntry(entry: WithId<SynergyEntry>, filter: EntryFilter): boolean {
  if (filter.domain && !inDomain(entry.domain, filter.domain)) return false;
  if (filter.status && entry.status !== filter.status) return false;
  if (filter.year !== undefined && entry.startYear !== filter.year) return false;
  if (filter.focusGroupId && entry.focusGroupId !== filter.focusGroupId) return false;
  if (filter.missing && !lacksLanguage(entry, filter.missing)) return false;
  if (filter.party) {
    const party = fold(filter.party);
    if (!entry.parties.some((p) => fold(p).includes(party))) return false;
  }
  if (filter.text) {
    const haystack = searchTextOf(entry);
    const words = fold(filter.text).split(/\s+/).filter(Boolean);
    if (!words.every((w) => haystack.includes(w))) return false;
  }
  return true;
}

const domainRank = new Map<string, number>(DOMAIN_CODES.map((code, i) => [code, i]));

/** Report order: domains in the configured order, then entries in creation order. */
export function compareEntries(a: WithId<SynergyEntry>, b: WithId<SynergyEntry>): number {
  return (domainRank.get(a.domain) ?? 999) - (domainRank.get(b.domain) ?? 999) || Number(a.id) - Number(b.id);
}

export function filterEntries<E extends WithId<SynergyEntry>>(entries: readonly E[], filter: EntryFilter): E[] {
  return entries.filter((e) => matchesEntry(e, filter)).sort(compareEntries);
}

export interface ActionFilter {
  entryId?: string;
  /** only actions that are not done or cancelled */
  open?: boolean;
  /** only open actions whose due date is before `today` */
  overdue?: boolean;
  /** only actions owned by this person (matched on id, e-mail or name) */
  owner?: Partial<PersonRef>;
  /** only actions on entries of this domain (needs the entries) */
  domain?: DomainCode;
}

export function isOpen(action: Action): boolean {
  return !FINISHED_ACTION_STATUSES.includes(action.status);
}

export function isOverdue(action: Action, today: string): boolean {
  return isOpen(action) && action.dueDate !== null && action.dueDate < today;
}

export function isOwnedBy(action: Action, person: Partial<PersonRef>): boolean {
  const o = action.owner;
  if (person.id && o.id && person.id === o.id) return true;
  if (person.email && o.email && fold(person.email) === fold(o.email)) return true;
  if (person.name && fold(person.name) === fold(o.name)) return true;
  return false;
}

/** Due date first (undated last), then creation order. */
export function compareActions(a: WithId<Action>, b: WithId<Action>): number {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return Number(a.id) - Number(b.id);
}

export function filterActions<A extends WithId<Action>>(
  actions: readonly A[],
  filter: ActionFilter,
  today: string,
  entryDomain: (entryId: string) => string | undefined = () => undefined,
): A[] {
  return actions
    .filter((a) => {
      if (filter.entryId && a.entryId !== filter.entryId) return false;
      if (filter.open && !isOpen(a)) return false;
      if (filter.overdue && !isOverdue(a, today)) return false;
      if (filter.owner && !isOwnedBy(a, filter.owner)) return false;
      if (filter.domain) {
        const domain = a.entryId ? entryDomain(a.entryId) : undefined;
        if (!domain || !inDomain(domain, filter.domain)) return false;
      }
      return true;
    })
    .sort(compareActions);
}

/** The mention of an entry in one report year, if the roll-over froze one. */
export function mentionIn(entry: SynergyEntry, reportYear: number): Mention | undefined {
  return entry.mentions.find((m) => m.reportYear === reportYear);
}

/** Top-level fields whose value differs, for the change history. */
export function changedFields<T extends object>(before: T, after: T, ignore: readonly string[] = []): Array<{ field: string; from: unknown; to: unknown }> {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: Array<{ field: string; from: unknown; to: unknown }> = [];
  for (const key of keys) {
    if (ignore.includes(key)) continue;
    const from = (before as Record<string, unknown>)[key];
    const to = (after as Record<string, unknown>)[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) out.push({ field: key, from: from ?? null, to: to ?? null });
  }
  return out;
}
