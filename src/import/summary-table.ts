import { fold } from '../domain';
import { TABLE_COLUMNS, type TableColumn } from '../domain';
import type { CooperationForm, EntryStatus } from '../domain';
import { LANGUAGES } from '../i18n';
import { translate } from '../i18n';
import { formOfLabel, statusOfLabel } from './classify';
import type { Outline } from './outline';

/** A row of a report's summary table ("Domein | Maatregel | Status | Partijen | …"). */
export interface SummaryRow {
  title: string;
  domainLabel?: string;
  statusLabel?: string;
  status?: EntryStatus;
  parties: string[];
  department?: string;
  form?: CooperationForm;
  startYear?: number;
}

/** Header words of the columns a clerk types; the annex's own headers are recognised by their catalogue labels. */
const COLUMNS = {
  measure: /^(maatregel|mesure|measure|synergie|titel|titre|title|omschrijving|description|actie|action)/,
  domain: /^(domein|domaine|domain|thema|theme|beleidsdomein)/,
  status: /^(status|statut|stand|etat)/,
  parties: /^(partij|parties|partenaires|partners|betrokken)/,
  department: /^(dienst|service|department|afdeling|departement)\b/,
  form: /^(vorm|forme|form|samenwerkingsvorm)\b/,
  startYear: /^(sinds|depuis|since|beginjaar|startjaar|annee de debut|start year)\b/,
} as const satisfies Partial<Record<TableColumn, RegExp>>;

/** A header cell as the annex prints it ("Geraamd voordeel", "Échéance"), in any language. */
function catalogueColumn(key: string): TableColumn | undefined {
  return TABLE_COLUMNS.find((c) => LANGUAGES.some((l) => fold(translate(l, `annex.column.${c}`)) === key));
}

/** The empty-cell marks a table may print, the annex's own among them. */
const EMPTY = new Set(['', '-', '–', '—', 'n.v.t.', 'n/a', ...LANGUAGES.map((l) => translate(l, 'annex.none'))]);

type Columns = Partial<Record<TableColumn, number>>;

/** Which column is which, by the header row; undefined when no column holds the measures. */
function columnsOf(header: readonly string[]): Columns | undefined {
  const found: Columns = {};
  header.forEach((cell, i) => {
    const key = fold(cell).trim();
    const exact = catalogueColumn(key);
    if (exact && found[exact] === undefined) return void (found[exact] = i);
    for (const [column, pattern] of Object.entries(COLUMNS) as Array<[TableColumn, RegExp]>)
      if (found[column] === undefined && pattern.test(key)) found[column] = i;
  });
  return found.measure !== undefined ? found : undefined;
}

/** The columns of the report's first measure table, in printed order: the template's table choice. */
export function summaryColumns(outline: Outline): TableColumn[] | undefined {
  for (const p of outline.placed) {
    if (p.content.kind !== 'table' || p.content.rows.length === 0) continue;
    const columns = columnsOf(p.content.rows[0]);
    if (columns) return (Object.entries(columns) as Array<[TableColumn, number]>).sort((a, b) => a[1] - b[1]).map(([c]) => c);
  }
  return undefined;
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
    // a table that counts measures per chapter groups them: it names none
    if (table[0].some((c) => /^(aantal|nombre|number of|count)\b/.test(fold(c).trim()))) continue;
    let columns = columnsOf(table[0]);
    let body = table.slice(1);
    if (!columns) {
      if (p.top?.role !== 'table') continue;
      const width = Math.max(...table.map((r) => r.length));
      const lengths = Array.from({ length: width }, (_, i) => table.reduce((sum, r) => sum + (r[i]?.length ?? 0), 0));
      columns = { measure: lengths.indexOf(Math.max(...lengths)) };
      body = table;
    }
    for (const row of body) {
      const title = cell(row, columns.measure);
      if (!title) continue;
      const statusLabel = cell(row, columns.status);
      const parties = cell(row, columns.parties);
      const form = cell(row, columns.form);
      const since = Number(cell(row, columns.startYear));
      rows.push({
        title,
        domainLabel: cell(row, columns.domain),
        statusLabel,
        status: statusLabel ? statusOfLabel(statusLabel) : undefined,
        parties: parties ? parties.split(/\s*[,;]\s*/).filter(Boolean) : [],
        department: cell(row, columns.department),
        form: form ? formOfLabel(form) : undefined,
        startYear: Number.isInteger(since) && since >= 1976 && since <= 2100 ? since : undefined,
      });
    }
  }
  return rows;
}
