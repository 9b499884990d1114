import { fold } from '../domain';

/**
 * "Same or nearly the same" text: what decides that a measure in an imported report is an entry the
 * register already holds (it then gets a mention for that report year instead of a duplicate).
 */

/** Score from which a measure is taken for an existing entry without asking. */
export const SAME_MEASURE = 0.85;
/** Score from which an entry is offered as a candidate on the review screen. */
export const CANDIDATE = 0.5;

/** Folded, without list punctuation, quotes, a "(NL) " fallback tag or repeated spaces. */
export function normalizeText(s: string): string {
  return fold(s)
    .replace(/^\((nl|fr|en)\)\s+/, '')
    .replace(/[“”„«»"'’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words that say nothing about which measure a text is. */
const FUNCTION_WORDS = new Set(
  'de het een van en voor met op in te tot bij aan door als dat die om of uit over zijn wordt worden la le les des du un une et pour avec sur dans par au aux est sont qui que the of and to for with on in by'.split(
    ' ',
  ),
);

function words(s: string): string[] {
  return s.split(' ').filter((w) => w.length > 1 && !FUNCTION_WORDS.has(w));
}

/** Dice coefficient of the two texts' word sets. */
function wordOverlap(a: string, b: string): number {
  const wa = new Set(words(a));
  const wb = new Set(words(b));
  if (wa.size === 0 || wb.size === 0) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return (2 * common) / (wa.size + wb.size);
}

/** 1 − edit distance / length of the longer text (two rows of the classic dynamic programme). */
function editRatio(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return 1 - previous[b.length] / longer;
}

/** 0…1: 1 for the same text once normalised; typo-level differences score above SAME_MEASURE. */
export function similarity(a: string, b: string): number {
  return similarityOf(normalizeText(a), normalizeText(b));
}

/** similarity() of two texts already normalised (normalizeText): an index normalises each text once. */
export function similarityOf(na: string, nb: string): number {
  if (!na || !nb) return 0;
  if (na === nb) return 1;
  const overlap = wordOverlap(na, nb);
  if (overlap < CANDIDATE || Math.max(na.length, nb.length) > 600) return overlap;
  // the edit ratio is at most 1 − (difference in length / longer length): skip it when it cannot beat the overlap
  if (1 - Math.abs(na.length - nb.length) / Math.max(na.length, nb.length) <= overlap) return overlap;
  return Math.max(overlap, editRatio(na, nb));
}

/**
 * 0…1: how much of the shorter text (its words) the longer one holds: a quote cut from a meeting's account, or
 * the account told at more length, is the same measure (texts already normalised). A text of fewer than five words
 * says too little.
 */
export function containmentOf(na: string, nb: string): number {
  const wa = new Set(words(na));
  const wb = new Set(words(nb));
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  if (small.size < 5) return 0;
  let common = 0;
  for (const w of small) if (large.has(w)) common++;
  return common / small.size;
}

export interface Pairing {
  left: number;
  right: number;
  score: number;
}

/**
 * One-to-one pairing of left and right items by descending score (each used at most once), for scores at
 * or above `threshold`; `prefer` breaks ties (e.g. the same report section).
 */
export function pairBest(scores: readonly Pairing[], threshold: number, prefer: (p: Pairing) => number = () => 0): Pairing[] {
  const sorted = scores.filter((s) => s.score >= threshold).sort((x, y) => y.score - x.score || prefer(y) - prefer(x) || x.left - y.left || x.right - y.right);
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  const pairs: Pairing[] = [];
  for (const s of sorted) {
    if (usedLeft.has(s.left) || usedRight.has(s.right)) continue;
    usedLeft.add(s.left);
    usedRight.add(s.right);
    pairs.push(s);
  }
  return pairs;
}

/**
 * Order-keeping alignment of two sequences (the measures as printed and the rows of the report's summary
 * table, which lists them in the same order): the pairs that maximise the summed score, never crossing.
 * A pair counts `bonus` on top of its score, so two lists that agree in order pair up one to one.
 */
export function alignInOrder(left: number, right: number, score: (i: number, j: number) => number, bonus = 0.5): Pairing[] {
  const best: number[][] = Array.from({ length: left + 1 }, () => new Array<number>(right + 1).fill(0));
  for (let i = 1; i <= left; i++) {
    for (let j = 1; j <= right; j++) {
      const s = score(i - 1, j - 1);
      best[i][j] = Math.max(best[i - 1][j], best[i][j - 1], s > 0 ? best[i - 1][j - 1] + s + bonus : -Infinity);
    }
  }
  const pairs: Pairing[] = [];
  let i = left;
  let j = right;
  while (i > 0 && j > 0) {
    if (best[i][j] === best[i - 1][j]) i--;
    else if (best[i][j] === best[i][j - 1]) j--;
    else {
      pairs.push({ left: i - 1, right: j - 1, score: score(i - 1, j - 1) });
      i--;
      j--;
    }
  }
  return pairs.reverse();
}
