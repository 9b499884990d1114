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
 * Folding every entry's texts is most of a search over thousands of entries: the folded text is kept per stored
 * version. Records read from a store are frozen and shared, so the record itself keys it (a WeakMap: a version no
 * one holds any more is forgotten with it); anything else is keyed by id, eTag and time of change. Bounded.
 */
const foldedByRecord = new WeakMap<object, string>();
const foldedTexts = new Map<string, string>();
const FOLDED_TEXTS_MAX = 50_000;

function searchTextOf(entry: WithId<SynergyEntry> & { etag?: string }): string {
  if (Object.isFrozen(entry)) {
    let text = foldedByRecord.get(entry);
    if (text === undefined) foldedByRecord.set(entry, (text = searchableText(entry)));
    return text;
  }
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

/** The filter as one test per entry, its texts folded once (not once per entry tested). */
export function entryMatcher(filter: EntryFilter): (entry: WithId<SynergyEntry>) => boolean {
  const party = filter.party ? fold(filter.party) : undefined;
  const words = filter.text ? fold(filter.text).split(/\s+/).filter(Boolean) : [];
  return (entry) => {
    if (filter.domain && !inDomain(entry.domain, filter.domain)) return false;
    if (filter.status && entry.status !== filter.status) return false;
    if (filter.year !== undefined && entry.startYear !== filter.year) return false;
    if (filter.focusGroupId && entry.focusGroupId !== filter.focusGroupId) return false;
    if (filter.missing && !lacksLanguage(entry, filter.missing)) return false;
    if (party !== undefined && !entry.parties.some((p) => fold(p).includes(party))) return false;
    if (words.length) {
      const haystack = searchTextOf(entry);
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  };
}

export function matchesEntry(entry: WithId<SynergyEntry>, filter: EntryFilter): boolean {
  return entryMatcher(filter)(entry);
}

const domainRank = new Map<string, number>(DOMAIN_CODES.map((code, i) => [code, i]));
const rankOf = (domain: string) => domainRank.get(domain) ?? DOMAIN_CODES.length;

/** Report order: domains in the configured order, then entries in creation order. */
export function compareEntries(a: WithId<SynergyEntry>, b: WithId<SynergyEntry>): number {
  return rankOf(a.domain) - rankOf(b.domain) || Number(a.id) - Number(b.id);
}

/**
 * The entries the filter selects, in report order. One pass into a bucket per domain (entries come from a store in
 * creation order, so a bucket needs sorting only when they did not): linear in the register's size, where a
 * comparison sort of 50 000 entries was most of a page's time.
 */
export function filterEntries<E extends WithId<SynergyEntry>>(entries: readonly E[], filter: EntryFilter): E[] {
  const matches = entryMatcher(filter);
  const buckets: E[][] = Array.from({ length: DOMAIN_CODES.length + 1 }, () => []);
  for (const entry of entries) if (matches(entry)) buckets[rankOf(entry.domain)].push(entry);
  const out: E[] = [];
  for (const bucket of buckets) {
    let ordered = true;
    for (let i = 1; i < bucket.length && ordered; i++) ordered = Number(bucket[i - 1].id) < Number(bucket[i].id);
    if (!ordered) bucket.sort(compareEntries);
    for (const entry of bucket) out.push(entry);
  }
  return out;
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

/**
 * A value as it means something to a reader: no text is the same as an empty text, an empty list or an object of
 * empty texts ({} = { nl: '' } = undefined = null), and the order of an object's keys does not count. History
 * and restores compare by it, so "(empty) → (empty)" or a title re-saved unchanged is never a change.
 */
export function meaningOf(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (Array.isArray(value)) {
    const items = value.map(meaningOf);
    return items.length ? items : null;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = meaningOf((value as Record<string, unknown>)[key]);
      if (v !== null) out[key] = v;
    }
    return Object.keys(out).length ? out : null;
  }
  return value;
}

export function sameMeaning(a: unknown, b: unknown): boolean {
  return JSON.stringify(meaningOf(a)) === JSON.stringify(meaningOf(b));
}

/** Top-level fields whose value differs in meaning (sameMeaning), for the change history. */
export function changedFields<T extends object>(before: T, after: T, ignore: readonly string[] = []): Array<{ field: string; from: unknown; to: unknown }> {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: Array<{ field: string; from: unknown; to: unknown }> = [];
  for (const key of keys) {
    if (ignore.includes(key)) continue;
    const from = (before as Record<string, unknown>)[key];
    const to = (after as Record<string, unknown>)[key];
    if (!sameMeaning(from, to)) out.push({ field: key, from: from ?? null, to: to ?? null });
  }
  return out;
}
