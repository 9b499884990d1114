import type { PlannedUnit, UnitKind } from './plan';
import type { Outcome } from './reconcile';
import type { WriteResult } from './sync-writes';

/** The options of a refresh and the report it returns: what happened to each part, and the wording of its line. */

export interface RefreshOptions {
  /** make the refresh's edits tracked changes (Word with WordApi 1.4); the clerk's mode is restored after */
  track: boolean;
  /** the clerk's answer to a document with several annexes or duplicated parts: refresh the first of each */
  onlyFirst?: boolean;
  /** the clerk's answer when Word cannot read the parts: rewrite the whole annex, as before parts existed */
  whole?: boolean;
  /** this Word reads and sets change tracking (WordApi 1.4) */
  tracking: boolean;
  /** the parts' keys after the last insert or refresh (kept with the document): tells a part the clerk deleted */
  present?: readonly string[];
  /** parts the clerk deleted and now wants back */
  reinsert?: readonly string[];
}

/** One line of the refresh summary: what happened to a part, and the content control that selects it. */
export interface ReportedPart {
  outcome: Outcome;
  key: string;
  kind: UnitKind | 'unknown';
  label: string;
  /** the part's content control now (none for a removed part) */
  controlId?: number;
  /** the part's tag when the refresh saw it: a later action checks the part is still as the summary shows */
  tag?: string;
  /** conflicts and orphans: the document's text and (conflicts) the register's */
  mine?: string;
  register?: string;
  /** conflicts: the register's part, to write if the clerk takes it */
  unit?: PlannedUnit;
}

export interface RefreshReport extends WriteResult {
  mode: 'parts' | 'whole';
  /** the parts' keys in the annex now, and those the clerk deleted: kept with the document for the next refresh */
  present: string[];
  /** why the whole annex was rewritten: an annex from before parts existed, or the clerk asked */
  reason?: 'no_parts' | 'asked';
  tracked: 'on' | 'off' | 'unavailable';
  counts: Record<Outcome, number>;
  /** every part but the unchanged ones, in document order */
  parts: ReportedPart[];
}

const LABEL_LENGTH = 90;
/** a part's first non-empty line, shortened for the summary */
export const labelOf = (text: string) => {
  const line =
    text
      .split(/[\r\n]/)
      .map((l) => l.trim())
      .find(Boolean) ?? '';
  return line.length > LABEL_LENGTH ? `${line.slice(0, LABEL_LENGTH - 1)}…` : line;
};
export const kindOf = (key: string): UnitKind | 'unknown' => {
  const prefix = key.split(':')[0];
  return (['entry', 'meeting', 'section', 'table', 'text'] as const).find((k) => k === prefix) ?? 'unknown';
};
export const emptyCounts = (): Record<Outcome, number> => ({
  unchanged: 0,
  replaced: 0,
  inserted: 0,
  removed: 0,
  kept: 0,
  conflict: 0,
  orphan: 0,
  duplicate: 0,
  withdrawn: 0,
});
/** parts the refresh itself took out; a part the clerk deleted stays remembered, so it stays out */
export const GONE: ReadonlySet<Outcome> = new Set(['removed']);
