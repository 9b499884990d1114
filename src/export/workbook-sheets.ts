import type { Action, Meeting, SynergyEntry } from '../domain';
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
} from '../domain';
import { pickLocalized } from '../domain';
import { type MessageKey, scoped, translate } from '../i18n';
import { brusselsDayOf } from '../domain';

/**
 * What each sheet of the register workbook shows: its headers in the reader's language, its column widths, and
 * one row per record with codes shown as labels and calendar dates as real dates. Pure: rows are built where the
 * records are read, and only rows travel to the workbook writer.
 */

type WithId<T> = T & { id: string };
export type Cell = string | number | Date | null;
export type Row = Cell[];

export interface SheetSpec {
  name: string;
  headers: string[];
  widths: number[];
  /** the columns (from 1) that hold dates */
  dateColumns: number[];
}

/** A header: a field's label from the catalogue, or one of the workbook's own texts. */
type Header = MessageKey | readonly [MessageKey, 'NL' | 'FR'];

type SheetName = 'entries' | 'actions' | 'meetings' | 'decisions';

const HEADERS: Record<SheetName, readonly Header[]> = {
  entries: [
    'import.xlsx.id',
    ['field.title', 'NL'],
    ['field.title', 'FR'],
    'field.domain',
    'field.status',
    'field.scope',
    'field.kind',
    'field.formalisation',
    'field.startYear',
    'field.parties',
    'import.xlsx.benefit',
    'import.xlsx.reportYears',
    'import.xlsx.updated',
  ],
  actions: ['import.xlsx.id', 'field.entryId', 'import.xlsx.action', 'field.owner', 'field.dueDate', 'field.dueLabel', 'field.status', 'field.doneDate'],
  meetings: ['import.xlsx.id', 'field.body', 'field.date', 'field.held', 'field.title', 'field.summary', 'import.xlsx.decisionCount'],
  decisions: ['field.entryId', 'import.xlsx.entryTitle', 'field.body', 'field.date', 'field.outcome', 'import.xlsx.decision'],
};

const DATE_COLUMNS: Record<SheetName, number[]> = { entries: [13], actions: [5, 8], meetings: [3], decisions: [4] };

const WIDTHS: Record<SheetName, number[]> = {
  entries: [8, 50, 50, 28, 16, 24, 18, 24, 10, 30, 12, 14, 20],
  actions: [8, 40, 50, 24, 12, 24, 12, 12],
  meetings: [8, 22, 12, 10, 36, 80, 12],
  decisions: [8, 50, 28, 12, 14, 60],
};

export function sheetSpec(sheet: SheetName, language: Language): SheetSpec {
  const t = scoped('import', language);
  return {
    name: t(`xlsx.sheet.${sheet}`),
    headers: HEADERS[sheet].map((h) => (typeof h === 'string' ? translate(language, h) : `${translate(language, h[0])} (${h[1]})`)),
    widths: WIDTHS[sheet],
    dateColumns: DATE_COLUMNS[sheet],
  };
}

/** A calendar date (YYYY-MM-DD) as an Excel date at midnight UTC, so that no time zone shifts the day. */
export function day(iso: string | null | undefined): Date | null {
  return iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null;
}

export function entryRow(e: WithId<SynergyEntry>, language: Language): Row {
  return [
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
    // the day it was last changed, on the Brussels calendar (a change at 00:30 Brussels is that day's)
    e.updatedAt ? day(brusselsDayOf(e.updatedAt)) : null,
  ];
}

export function actionRow(a: WithId<Action>, entryTitle: (id: string) => string | undefined, language: Language): Row {
  return [
    a.id,
    a.entryId ? (entryTitle(a.entryId) ?? a.entryId) : '',
    a.title,
    a.owner.name,
    day(a.dueDate),
    a.dueLabel ?? '',
    labelOf(ACTION_STATUSES, a.status, language),
    day(a.doneDate),
  ];
}

export function meetingRow(m: WithId<Meeting>, language: Language): Row {
  const t = scoped('import', language);
  return [
    m.id,
    labelOf(MEETING_BODIES, m.body, language),
    day(m.date),
    t(m.held ? 'xlsx.yes' : 'xlsx.no'),
    pickLocalized(m.title, language),
    pickLocalized(m.summary, language),
    m.decisions.length,
  ];
}

export function decisionRows(e: WithId<SynergyEntry>, language: Language): Row[] {
  const title = pickLocalized(e.title, language);
  return e.decisions.map((d) => [
    e.id,
    title,
    labelOf(DECISION_BODIES, d.body, language),
    day(d.date),
    labelOf(DECISION_OUTCOMES, d.outcome, language),
    pickLocalized(d.text, language),
  ]);
}
