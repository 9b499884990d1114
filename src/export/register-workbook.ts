import type { Workbook } from 'exceljs';
import type { Action, Meeting, SynergyEntry } from '../domain/model';
import {
  ACTION_STATUSES,
  DECISION_BODIES,
  DECISION_OUTCOMES,
  DOMAINS,
  FORMALISATIONS,
  KINDS,
  labelOf,
  type Language,
  MEETING_BODIES,
  SCOPES,
  STATUSES,
} from '../domain/vocabulary';
import { type MessageKey, scoped, translate } from '../i18n/catalogue';
import { pickLocalized } from '../domain/languages';

/**
 * The register as a workbook for the clerks who keep a spreadsheet beside it (adapter: exceljs): one
 * sheet per list — entries, actions, meetings, decisions — with headers in the reader's language, codes
 * shown as labels, dates as dates. Every text is written as a text cell: a title starting with "=" stays
 * a title, never a formula.
 */

type WithId<T> = T & { id: string };

export interface RegisterSnapshot {
  entries: readonly WithId<SynergyEntry>[];
  actions: readonly WithId<Action>[];
  meetings: readonly WithId<Meeting>[];
}

/** A header: a field's label from the catalogue, or one of the workbook's own texts. */
type Header = MessageKey | readonly [MessageKey, 'NL' | 'FR'];

const HEADERS: Record<'entries' | 'actions' | 'meetings' | 'decisions', readonly Header[]> = {
  entries: ['import.xlsx.id', ['field.title', 'NL'], ['field.title', 'FR'], 'field.domain', 'field.status', 'field.scope', 'field.kind', 'field.formalisation', 'field.startYear', 'field.parties', 'import.xlsx.benefit', 'import.xlsx.reportYears', 'import.xlsx.updated'],
  actions: ['import.xlsx.id', 'field.entryId', 'import.xlsx.action', 'field.owner', 'field.dueDate', 'field.dueLabel', 'field.status', 'field.doneDate'],
  meetings: ['import.xlsx.id', 'field.body', 'field.date', 'field.held', 'field.title', 'field.summary', 'import.xlsx.decisionCount'],
  decisions: ['field.entryId', 'import.xlsx.entryTitle', 'field.body', 'field.date', 'field.outcome', 'import.xlsx.decision'],
};

function headers(list: keyof typeof HEADERS, language: Language): string[] {
  return HEADERS[list].map((h) => (typeof h === 'string' ? translate(language, h) : `${translate(language, h[0])} (${h[1]})`));
}

/** A calendar date (YYYY-MM-DD) as an Excel date at midnight UTC, so that no time zone shifts the day. */
function day(iso: string | null | undefined): Date | null {
  return iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null;
}

function sheet(workbook: Workbook, name: string, headers: string[], widths: number[], rows: unknown[][]): void {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map((header, i) => ({ header, width: widths[i] ?? 14 }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(row);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  ws.eachRow((row, n) => {
    if (n > 1) row.eachCell((cell) => (cell.value instanceof Date ? (cell.numFmt = 'dd/mm/yyyy') : undefined));
  });
}

export async function registerWorkbook(data: RegisterSnapshot, language: Language): Promise<Buffer> {
  const t = scoped('import', language);
  const { Workbook: ExcelWorkbook } = await import('exceljs'); // loaded on first use: it is a good part of the server's start-up time
  const workbook = new ExcelWorkbook();
  workbook.creator = 'Synergy Register';
  const titleOf = new Map(data.entries.map((e) => [e.id, pickLocalized(e.title, language)]));
  sheet(workbook, t('xlsx.sheet.entries'), headers('entries', language), [8, 50, 50, 28, 16, 24, 18, 24, 10, 30, 12, 14, 20], data.entries.map((e) => [
    e.id,
    e.title.nl ?? '',
    e.title.fr ?? '',
    labelOf(DOMAINS, e.domain, language),
    labelOf(STATUSES, e.status, language),
    labelOf(SCOPES, e.scope, language),
    labelOf(KINDS, e.kind, language),
    labelOf(FORMALISATIONS, e.formalisation, language),
    e.startYear,
    e.parties.join(', '),
    e.financialBenefit.amountEur,
    e.mentions.map((m) => m.reportYear).join(', '),
    e.updatedAt ? new Date(e.updatedAt) : null,
  ]));
  sheet(workbook, t('xlsx.sheet.actions'), headers('actions', language), [8, 40, 50, 24, 12, 24, 12, 12], data.actions.map((a) => [
    a.id,
    a.entryId ? titleOf.get(a.entryId) ?? a.entryId : '',
    a.title,
    a.owner.name,
    day(a.dueDate),
    a.dueLabel ?? '',
    labelOf(ACTION_STATUSES, a.status, language),
    day(a.doneDate),
  ]));
  sheet(workbook, t('xlsx.sheet.meetings'), headers('meetings', language), [8, 22, 12, 10, 36, 80, 12], data.meetings.map((m) => [
    m.id,
    labelOf(MEETING_BODIES, m.body, language),
    day(m.date),
    t(m.held ? 'xlsx.yes' : 'xlsx.no'),
    pickLocalized(m.title, language),
    pickLocalized(m.summary, language),
    m.decisions.length,
  ]));
  sheet(workbook, t('xlsx.sheet.decisions'), headers('decisions', language), [8, 50, 28, 12, 14, 60], data.entries.flatMap((e) => e.decisions.map((d) => [
    e.id,
    titleOf.get(e.id) ?? '',
    labelOf(DECISION_BODIES, d.body, language),
    day(d.date),
    labelOf(DECISION_OUTCOMES, d.outcome, language),
    pickLocalized(d.text, language),
  ])));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
