import type { Action } from '../../domain';
import { isOpen } from '../../domain';
import type { TableColumn } from '../../domain';
import { DOMAINS, FORMS, labelOf, STATUSES } from '../../domain';
import { formatDate, formatEuro, pickText } from './format';
import type { Placement, WithId } from './placement';
import { annexText } from './texts';
import type { AnnexBlock, AnnexLanguage } from './types';

/**
 * The summary table a clerk prints: the template's columns, minus those empty in every row,
 * each with an explicit width so that no word has to break inside (the longest word of a column sets its
 * minimum), and landscape when the columns do not fit the portrait text width.
 */

/**
 * Text widths in characters of the table font (9 pt) on A4 with 2 cm margins, portrait and landscape. Counted
 * for the widest font a reader may get (DejaVu Sans, LibreOffice's stand-in for Calibri): Word's Calibri is
 * narrower, so the widths only grow more generous there.
 */
export const PORTRAIT_CHARS = 85;
export const LANDSCAPE_CHARS = 128;
/** Room a cell's padding takes, in characters. */
const CELL_PADDING = 2;
/** How much a column wants beyond its longest word: long free texts get more room than codes. */
const WEIGHT: Record<TableColumn, number> = {
  domain: 2,
  department: 2,
  measure: 6,
  status: 1,
  form: 2,
  parties: 3,
  benefitEstimated: 1,
  benefitRealised: 1,
  contacts: 2,
  deadline: 1,
  startYear: 1,
};

/** Each measure's earliest open deadline, in one pass over the actions (not one pass per row). */
function earliestOpenDueDates(actions: readonly WithId<Action>[]): Map<string, string> {
  const earliest = new Map<string, string>();
  for (const a of actions) {
    if (!a.entryId || !isOpen(a) || !a.dueDate) continue;
    const known = earliest.get(a.entryId);
    if (!known || a.dueDate < known) earliest.set(a.entryId, a.dueDate);
  }
  return earliest;
}

function benefitOf(p: Placement, year: number, which: 'estimatedEur' | 'realisedEur'): number | null {
  const rows = p.entry.benefits.filter((b) => b.year === year && b[which] !== null);
  if (rows.length) return rows.reduce((sum, b) => sum + (b[which] ?? 0), 0);
  const fb = p.entry.financialBenefit;
  if (which === 'estimatedEur' && fb.confidence === 'estimate') return fb.amountEur;
  if (which === 'realisedEur' && fb.confidence === 'actual') return fb.amountEur;
  return null;
}

function cellOf(
  column: TableColumn,
  p: Placement,
  year: number,
  language: AnnexLanguage,
  dueDates: ReadonlyMap<string, string>,
  counter: { fallbackTexts: number },
): string {
  const e = p.entry;
  const tagged = (picked: { text: string; from?: string } | undefined) => {
    if (!picked) return '';
    if (picked.from) counter.fallbackTexts++;
    return `${picked.from ? annexText(language, 'fallbackTag', { language: picked.from.toUpperCase() }) : ''}${picked.text}`;
  };
  switch (column) {
    case 'domain':
      return labelOf(DOMAINS, e.domain, language);
    case 'department':
      return tagged(e.department ? pickText(language, e.department) : undefined);
    case 'measure':
      return tagged(pickText(language, p.textOverride, e.title)).replace(/[\s\u00a0;,:]+$/u, '');
    case 'status':
      return labelOf(STATUSES, p.status, language);
    case 'form':
      return e.form ? labelOf(FORMS, e.form, language) : '';
    case 'parties':
      return e.parties.join(', ');
    case 'benefitEstimated':
    case 'benefitRealised': {
      const amount = benefitOf(p, year, column === 'benefitEstimated' ? 'estimatedEur' : 'realisedEur');
      return amount === null ? '' : formatEuro(amount, language);
    }
    case 'contacts':
      return e.contacts.map((c) => c.name).join(', ');
    case 'deadline': {
      const due = dueDates.get(e.id);
      return due ? formatDate(due) : '';
    }
    case 'startYear':
      return e.startYear === null ? '' : String(e.startYear);
  }
}

const longestWord = (text: string) => Math.max(0, ...text.split(/[\s\u00a0]+/).map((w) => [...w].length));

/** The longest word of column `i` in any row: a loop, as a table of 50 000 rows has more than a call takes arguments. */
function longestInColumn(rows: readonly string[][], i: number): number {
  let longest = 0;
  for (const row of rows) longest = Math.max(longest, longestWord(row[i]));
  return longest;
}

/**
 * Widths in percent of the text width: each column gets at least its longest word (header included),
 * the rest is shared by weight. Landscape when the minimums do not fit in portrait.
 */
export function columnLayout(columns: readonly TableColumn[], header: readonly string[], rows: readonly string[][]): { widths: number[]; landscape: boolean } {
  const minimum = columns.map((_, i) => Math.max(longestWord(header[i]) + 1, longestInColumn(rows, i)) + CELL_PADDING);
  const total = minimum.reduce((a, b) => a + b, 0);
  const landscape = total > PORTRAIT_CHARS || columns.length > 6;
  const room = (landscape ? LANDSCAPE_CHARS : PORTRAIT_CHARS) - total;
  const weights = columns.map((c) => WEIGHT[c]);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const chars = minimum.map((m, i) => m + (room > 0 ? (room * weights[i]) / weightSum : 0));
  const sum = chars.reduce((a, b) => a + b, 0);
  const widths = chars.map((c) => Math.round((c / sum) * 1000) / 10);
  return { widths, landscape };
}

/** The table block for placements in report order; columns empty in every row are left out. */
export function tableBlock(
  placements: readonly Placement[],
  columns: readonly TableColumn[],
  year: number,
  language: AnnexLanguage,
  actions: readonly WithId<Action>[],
  counter: { fallbackTexts: number },
): Extract<AnnexBlock, { kind: 'table' }> | undefined {
  const dueDates = columns.includes('deadline') ? earliestOpenDueDates(actions) : new Map<string, string>();
  const cells = placements.map((p) => columns.map((c) => cellOf(c, p, year, language, dueDates, counter)));
  const kept = columns.map((_, i) => i).filter((i) => cells.some((row) => row[i].trim() !== ''));
  if (!kept.length || !placements.length) return undefined;
  const keptColumns = kept.map((i) => columns[i]);
  const header = keptColumns.map((c) => annexText(language, `column.${c}`));
  const none = annexText(language, 'none');
  const rows = cells.map((row) => kept.map((i) => row[i] || none));
  return { kind: 'table', columns: keptColumns, header, rows, ...columnLayout(keptColumns, header, rows) };
}
