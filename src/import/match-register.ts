import type { AnnualReport, LocalizedText, SynergyEntry } from '../domain';
import { fold } from '../domain';
import { type EntryStatus, PROPOSAL_STATUSES, RUNNING_STATUSES } from '../domain';
import { textsOf } from '../domain';
import { CANDIDATE, containmentOf, normalizeText, pairBest, type Pairing, SAME_MEASURE, similarityOf } from './match';
import type { ImportProposal, ProposedEntry } from './proposal';

/**
 * Stage 5 of the import (proposals × register, pure): which existing entry each measure is. The register is read
 * once into an index of the words of its titles (and printed titles) and descriptions; a measure is compared only
 * with the few entries that share its rarest words, so the cost grows with the measures plus the entries, not with
 * their product. A measure that is (nearly) an existing entry becomes its mention, each entry taken once.
 */

type WithId<T> = T & { id: string };

export interface Candidate {
  entryId: string;
  title: LocalizedText;
  score: number;
  reason: 'same_title' | 'similar_title' | 'same_text' | 'similar_text';
}

export interface Matched {
  proposal: ImportProposal;
  /** per measure key, the existing entries it may be, best first */
  candidates: Record<string, Candidate[]>;
}

/** How many entries each measure is really compared with, at most. */
const SHORTLIST = 8;
/** The part of a measure's telling words (by weight) an entry must share to be compared at all. */
const MIN_SHARE = 0.3;
/** A word found in more entries than this tells nothing about which entry it is. */
const COMMON = 400;

const wordsOf = (text: string): string[] => [
  ...new Set(
    normalizeText(text)
      .split(' ')
      .filter((w) => w.length > 2),
  ),
];

export function statusClass(status: EntryStatus): 'running' | 'proposal' | 'closed' {
  return RUNNING_STATUSES.includes(status) ? 'running' : PROPOSAL_STATUSES.includes(status) ? 'proposal' : 'closed';
}

/** An entry's texts, normalised once: its titles, its descriptions, and the titles printed per report year. */
interface Normalised {
  titles: string[];
  descriptions: string[];
  printed: Map<number, string[]>;
}

export interface RegisterIndex {
  entries: readonly WithId<SynergyEntry>[];
  normalised: Normalised[];
  /** word → the entries (by position) whose titles or descriptions hold it */
  postings: Map<string, number[]>;
  /** entry id → position */
  byId: Map<string, number>;
}

export function registerIndex(entries: readonly WithId<SynergyEntry>[]): RegisterIndex {
  const postings = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    const texts = [...textsOf(entry.title), ...entry.mentions.flatMap((m) => textsOf(m.textOverride)), ...textsOf(entry.description)];
    for (const word of new Set(texts.flatMap(wordsOf))) {
      const list = postings.get(word);
      if (list) list.push(i);
      else postings.set(word, [i]);
    }
  });
  const normalised = entries.map((e) => ({
    titles: textsOf(e.title).map(normalizeText),
    descriptions: textsOf(e.description).map(normalizeText),
    printed: new Map(e.mentions.map((m) => [m.reportYear, textsOf(m.textOverride).map(normalizeText)] as const)),
  }));
  return { entries, normalised, postings, byId: new Map(entries.map((e, i) => [e.id, i])) };
}

/** The entries sharing the most of the measure's distinctive words, rarest words weighing most. */
function shortlist(item: ProposedEntry, index: RegisterIndex): number[] {
  const weights = new Map<number, number>();
  let total = 0;
  for (const word of wordsOf(`${item.title} ${item.description}`)) {
    const list = index.postings.get(word);
    if (!list || list.length > COMMON) continue;
    const weight = 1 / Math.log2(2 + list.length);
    total += weight;
    for (const i of list) weights.set(i, (weights.get(i) ?? 0) + weight);
  }
  // an entry that shares only a small part of the measure's telling words is not the same measure
  return [...weights]
    .filter(([, w]) => w >= MIN_SHARE * total)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, SHORTLIST)
    .map(([i]) => i);
}

function score(
  item: { title: string; description: string; block: ProposedEntry['block'] },
  entry: WithId<SynergyEntry>,
  texts: Normalised,
  year: number | null,
): Candidate | undefined {
  const titles = [...texts.titles, ...(year === null ? [] : (texts.printed.get(year) ?? []))];
  const titleScore = Math.max(0, ...titles.map((t) => similarityOf(item.title, t)));
  // a measure told in a meeting's account is known by its words: the entry may quote part of them
  const sameText = item.block === 'meetings' ? containmentOf : similarityOf;
  const textScore = item.description ? Math.max(0, ...texts.descriptions.map((t) => sameText(item.description, t))) : 0;
  const best = Math.max(titleScore, textScore);
  if (best < CANDIDATE) return undefined;
  const byText = textScore > titleScore;
  const reason = byText ? (textScore === 1 ? 'same_text' : 'similar_text') : titleScore === 1 ? 'same_title' : 'similar_title';
  return { entryId: entry.id, title: entry.title, score: Math.round(best * 100) / 100, reason };
}

/** How well an entry's mention of the year fits the measure: same printed section, same kind of status. */
function fit(item: ProposedEntry, entry: SynergyEntry, year: number | null): number {
  const mention = year === null ? undefined : entry.mentions.find((m) => m.reportYear === year);
  if (!mention) return 0;
  const sameSection =
    item.block === 'meetings'
      ? mention.listed === false
        ? 2
        : 0
      : item.section !== null && mention.section !== undefined && fold(mention.section) === fold(item.section)
        ? 2
        : 0;
  return sameSection + (statusClass(mention.status) === statusClass(item.status) ? 1 : 0);
}

/**
 * Sets each measure's default decision: a measure that is (nearly) an existing entry becomes its mention,
 * each entry taken at most once; any other measure is created. Keeps the template if the year has one.
 */
export function matchProposal(proposal: ImportProposal, entries: readonly WithId<SynergyEntry>[] | RegisterIndex, reports: readonly AnnualReport[]): Matched {
  const index = 'postings' in entries ? entries : registerIndex(entries);
  const candidates: Record<string, Candidate[]> = {};
  const scores: Pairing[] = [];
  const fits = new Map<string, number>();
  proposal.entries.forEach((item, left) => {
    const found: Candidate[] = [];
    const known = item.entryId !== null ? index.byId.get(item.entryId) : undefined;
    const normalisedItem = { title: normalizeText(item.title), description: normalizeText(item.description), block: item.block };
    const positions = new Set([...(known !== undefined ? [known] : []), ...shortlist(item, index)]);
    for (const right of positions) {
      const entry = index.entries[right];
      // the reader found the measure's own paragraphs in this entry's description
      const isKnown = right === known;
      const c = isKnown
        ? { entryId: entry.id, title: entry.title, score: 1, reason: 'same_text' as const }
        : score(normalisedItem, entry, index.normalised[right], proposal.year);
      if (!c) continue;
      found.push(c);
      scores.push({ left, right, score: c.score });
      fits.set(`${left}|${right}`, fit(item, entry, proposal.year) + (isKnown ? 10 : 0));
    }
    candidates[item.key] = found.sort((a, b) => b.score - a.score).slice(0, 5);
  });
  const pairs = pairBest(scores, SAME_MEASURE, (p) => fits.get(`${p.left}|${p.right}`) ?? 0);
  const matchOf = new Map(pairs.map((p) => [p.left, index.entries[p.right].id]));
  return {
    proposal: {
      ...proposal,
      templateAction: reports.some((r) => r.budgetYear === proposal.year) ? 'keep' : 'create',
      entries: proposal.entries.map((item, i) => {
        const entryId = matchOf.get(i);
        return entryId ? { ...item, action: 'mention', entryId } : { ...item, action: item.action === 'skip' ? 'skip' : 'create', entryId: null };
      }),
    },
    candidates,
  };
}
