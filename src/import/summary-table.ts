import { fold } from '../domain/queries';
import type { EntryStatus } from '../domain/vocabulary';
import { statusOfLabel } from './classify';
import type { Outline } from './outline';

/** A row of a report's summary table ("Domein | Maatregel | Status | Partijen | …"). */
export interface SummaryRow {
  title: string;
  domainLabel?: string;
  statusLabel?: string;
  status?: EntryStatus;
  parties: string[];
}

const COLUMNS = {
  title: /^(maatregel|mesure|measure|synergie|titel|titre|title|omschrijving|description|actie|action)/,
  domain: /^(domein|domaine|domain|thema|theme|beleidsdomein)/,
  status: /^(status|statut|stand|etat)/,
  parties: /^(partij|parties|partenaires|partners|betrokken)/,
} as const;

type Column = keyof typeof COLUMNS;

/** The empty-cell marks a table may print. */
const EMPTY = new Set(['', '-', '–', '—', 'n.v.t.', 'n/a']);

function columnsOf(header: readonly string[]): Partial<Record<Column, number>> | undefined {
  const found: Partial<Record<Column, number>> = {};
  header.forEach((cell, i) => {
    const key = fold(cell).trim();
    for (const [column, pattern] of Object.entries(COLUMNS) as Array<[Column, RegExp]>) if (found[column] === undefined && pattern.test(key)) found[column] = i;
  });
  return found.title !== undefined ? found : undefined;
}

function cell(row: readonly string[], i: number | undefined): string | undefined {
  if (i === undefined) return undefined;
  const value = row[i]?.trim() ?? '';
  return EMPTY.has(value) ? undefined : value;
}

/**
 * The rows of every measure table: one with a "measure" column in its header row, or any table in a
 * summary section (its title column then being the one with the longest texts).
 */
export function summaryRows(outline: Outline): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const p of outline.placed) {
    if (p.content.kind !== 'table' || p.content.rows.length === 0) continue;
    const table = p.content.rows;
    let columns = columnsOf(table[0]);
    let body = table.slice(1);
    if (!columns) {
      if (p.top?.role !== 'table') continue;
      const width = Math.max(...table.map((r) => r.length));
      const lengths = Array.from({ length: width }, (_, i) => table.reduce((sum, r) => sum + (r[i]?.length ?? 0), 0));
      columns = { title: lengths.indexOf(Math.max(...lengths)) };
      body = table;
    }
    for (const row of body) {
      const title = cell(row, columns.title);
      if (!title) continue;
      const statusLabel = cell(row, columns.status);
      const parties = cell(row, columns.parties);
      rows.push({
        title,
        domainLabel: cell(row, columns.domain),
        statusLabel,
        status: statusLabel ? statusOfLabel(statusLabel) : undefined,
        parties: parties ? parties.split(/\s*[,;]\s*/).filter(Boolean) : [],
      });
    }
  }
  return rows;
}
