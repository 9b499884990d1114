import { fingerprint } from './fingerprint';
import type { PlannedUnit } from './plan';

/**
 * The heart of Refresh, pure: for every part of the annex, compare what the register says now (the plan),
 * what was inserted last time (the fingerprint in the part's tag) and what the document holds now.
 *
 * | register | document | outcome |
 * |---|---|---|
 * | changed | untouched | replaced |
 * | unchanged | edited by the clerk | kept |
 * | changed | edited | conflict (kept; both texts listed) |
 * | new measure | — | inserted at its place |
 * | gone | untouched | removed |
 * | gone | edited | orphan (kept; listed) |
 * | in the register | part deleted by the clerk (it was there after the last refresh) | withdrawn (not inserted again; listed) |
 */

/** A part found in the annex: its content control, the key and fingerprint of its tag, its text now. */
export interface DocPart {
  id: number;
  key: string;
  fingerprint: string;
  /** the text as the clerk sees it (tracked deletions left out where Word can tell) */
  text: string;
  /** the fingerprint of a register text the clerk rejected (a refresh's tracked change, turned down) */
  rejected?: string;
}

export type Outcome = 'unchanged' | 'replaced' | 'inserted' | 'removed' | 'kept' | 'conflict' | 'orphan' | 'duplicate' | 'withdrawn';

export interface PartDecision<P extends DocPart = DocPart> {
  outcome: Outcome;
  key: string;
  unit?: PlannedUnit;
  part?: P;
}

/** Where a new part goes: before or after another part (by key), or at the end of the annex. */
export type Placement = { before: string } | { after: string } | { end: true };

export type WriteStep<P extends DocPart = DocPart> =
  | { op: 'insert'; unit: PlannedUnit; at: Placement }
  /** the new part goes right before the old one, which is then deleted: same place, fresh content */
  | { op: 'replace'; unit: PlannedUnit; part: P }
  | { op: 'delete'; part: P };

export interface Reconciliation<P extends DocPart = DocPart> {
  /** plan order, then the parts that are no longer in the register, then duplicates */
  decisions: Array<PartDecision<P>>;
  steps: Array<WriteStep<P>>;
}

/** Indices (into `values`) of a longest strictly increasing subsequence. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < values[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) keep.add(i);
  return keep;
}

/**
 * Decides every part. `parts` are in document order; a key found twice is a duplicate: the first one is
 * refreshed, the others are left as they are and listed. `present` holds the keys the annex had after the
 * last insert or refresh (when known): a part missing now that was there then was deleted by the clerk.
 */
export function reconcile<P extends DocPart>(units: readonly PlannedUnit[], parts: readonly P[], present?: ReadonlySet<string>): Reconciliation<P> {
  const byKey = new Map<string, { part: P; index: number }>();
  const duplicates: P[] = [];
  parts.forEach((part, index) => {
    if (byKey.has(part.key)) duplicates.push(part);
    else byKey.set(part.key, { part, index });
  });

  const matched = units.map((unit) => byKey.get(unit.key));
  const positions = matched.flatMap((m, i) => (m ? [{ plan: i, doc: m.index }] : []));
  const inOrder = new Set([...longestIncreasing(positions.map((p) => p.doc))].map((i) => positions[i].plan));

  const decisions: Array<PartDecision<P>> = [];
  const verdicts = units.map((unit, i): { outcome: Outcome; part?: P; moved: boolean } => {
    const found = matched[i];
    if (!found) return { outcome: present?.has(unit.key) ? 'withdrawn' : 'inserted', moved: false };
    const { part } = found;
    const now = fingerprint(part.text);
    const edited = now !== part.fingerprint && now !== unit.fingerprint;
    const changed = unit.fingerprint !== part.fingerprint && now !== unit.fingerprint;
    // a register text the clerk already turned down in Review is not offered again
    const declined = changed && part.rejected === unit.fingerprint;
    const outcome: Outcome = edited ? (changed ? 'conflict' : 'kept') : declined ? 'kept' : changed ? 'replaced' : 'unchanged';
    // an untouched part out of order is written again at its place; the clerk's edited text never moves
    const moved = !inOrder.has(i) && !edited;
    return { outcome: moved ? 'replaced' : outcome, part, moved };
  });

  // parts that stay where they are and in order: the anchors for new parts
  const anchored = verdicts.map((v, i) => Boolean(v.part) && inOrder.has(i));
  const nextAnchor: Array<string | undefined> = new Array(units.length);
  for (let i = units.length - 1, next: string | undefined; i >= 0; i--) {
    nextAnchor[i] = next;
    if (anchored[i]) next = units[i].key;
  }

  const steps: Array<WriteStep<P>> = [];
  let previous: string | undefined;
  units.forEach((unit, i) => {
    const v = verdicts[i];
    decisions.push({ outcome: v.outcome, key: unit.key, unit, part: v.part });
    const at: Placement = nextAnchor[i] ? { before: nextAnchor[i]! } : previous ? { after: previous } : { end: true };
    if (v.moved && v.part) steps.push({ op: 'delete', part: v.part }, { op: 'insert', unit, at });
    else if (v.outcome === 'inserted') steps.push({ op: 'insert', unit, at });
    else if (v.outcome === 'replaced' && v.part) steps.push({ op: 'replace', unit, part: v.part });
    // a part the clerk edited that sits out of order is no place to put the next one after
    if (anchored[i] || v.moved || v.outcome === 'inserted') previous = unit.key;
  });

  const planned = new Set(units.map((u) => u.key));
  for (const { part } of byKey.values()) {
    if (planned.has(part.key)) continue;
    const untouched = fingerprint(part.text) === part.fingerprint;
    decisions.push({ outcome: untouched ? 'removed' : 'orphan', key: part.key, part });
    if (untouched) steps.push({ op: 'delete', part });
  }
  for (const part of duplicates) decisions.push({ outcome: 'duplicate', key: part.key, part });
  return { decisions, steps };
}
