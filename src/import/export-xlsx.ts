import ExcelJS from 'exceljs';
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
import { pickLocalized } from './localized';

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

interface SheetTexts {
  sheets: { entries: string; actions: string; meetings: string; decisions: string };
  entries: string[];
  actions: string[];
  meetings: string[];
  decisions: string[];
}

const TEXTS: Record<Language, SheetTexts> = {
  nl: {
    sheets: { entries: 'Maatregelen', actions: 'Acties', meetings: 'Vergaderingen', decisions: 'Beslissingen' },
    entries: ['Id', 'Titel (NL)', 'Titel (FR)', 'Domein', 'Status', 'Scope', 'Soort', 'Formalisering', 'Startjaar', 'Partijen', 'Voordeel (€)', 'Verslagjaren', 'Bijgewerkt'],
    actions: ['Id', 'Maatregel', 'Actie', 'Eigenaar', 'Termijn', 'Termijn (zoals geschreven)', 'Status', 'Klaar op'],
    meetings: ['Id', 'Orgaan', 'Datum', 'Gehouden', 'Titel', 'Samenvatting', 'Aantal beslissingen'],
    decisions: ['Maatregel', 'Titel maatregel', 'Orgaan', 'Datum', 'Uitkomst', 'Beslissing'],
  },
  fr: {
    sheets: { entries: 'Mesures', actions: 'Actions', meetings: 'Réunions', decisions: 'Décisions' },
    entries: ['Id', 'Titre (NL)', 'Titre (FR)', 'Domaine', 'Statut', 'Portée', 'Type', 'Formalisation', 'Année de début', 'Parties', 'Bénéfice (€)', 'Années de rapport', 'Mis à jour'],
    actions: ['Id', 'Mesure', 'Action', 'Responsable', 'Échéance', 'Échéance (telle qu’écrite)', 'Statut', 'Terminée le'],
    meetings: ['Id', 'Organe', 'Date', 'Tenue', 'Titre', 'Résumé', 'Nombre de décisions'],
    decisions: ['Mesure', 'Titre de la mesure', 'Organe', 'Date', 'Résultat', 'Décision'],
  },
  en: {
    sheets: { entries: 'Entries', actions: 'Actions', meetings: 'Meetings', decisions: 'Decisions' },
    entries: ['Id', 'Title (NL)', 'Title (FR)', 'Domain', 'Status', 'Scope', 'Kind', 'Formalisation', 'Start year', 'Parties', 'Benefit (€)', 'Report years', 'Updated'],
    actions: ['Id', 'Entry', 'Action', 'Owner', 'Due', 'Due (as written)', 'Status', 'Done on'],
    meetings: ['Id', 'Body', 'Date', 'Held', 'Title', 'Summary', 'Decisions'],
    decisions: ['Entry', 'Entry title', 'Body', 'Date', 'Outcome', 'Decision'],
  },
};

const YES: Record<Language, [string, string]> = { nl: ['ja', 'nee'], fr: ['oui', 'non'], en: ['yes', 'no'] };


/** A calendar date (YYYY-MM-DD) as an Excel date at midnight UTC, so that no time zone shifts the day. */
function day(iso: string | null | undefined): Date | null {
  return iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null;
}

function sheet(workbook: ExcelJS.Workbook, name: string, headers: string[], widths: number[], rows: unknown[][]): void {
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
  const t = TEXTS[language];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Synergy Register';
  const titleOf = new Map(data.entries.map((e) => [e.id, pickLocalized(e.title, language)]));
  sheet(workbook, t.sheets.entries, t.entries, [8, 50, 50, 28, 16, 24, 18, 24, 10, 30, 12, 14, 20], data.entries.map((e) => [
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
  sheet(workbook, t.sheets.actions, t.actions, [8, 40, 50, 24, 12, 24, 12, 12], data.actions.map((a) => [
    a.id,
    a.entryId ? titleOf.get(a.entryId) ?? a.entryId : '',
    a.title,
    a.owner.name,
    day(a.dueDate),
    a.dueLabel ?? '',
    labelOf(ACTION_STATUSES, a.status, language),
    day(a.doneDate),
  ]));
  sheet(workbook, t.sheets.meetings, t.meetings, [8, 22, 12, 10, 36, 80, 12], data.meetings.map((m) => [
    m.id,
    labelOf(MEETING_BODIES, m.body, language),
    day(m.date),
    YES[language][m.held ? 0 : 1],
    pickLocalized(m.title, language),
    pickLocalized(m.summary, language),
    m.decisions.length,
  ]));
  sheet(workbook, t.sheets.decisions, t.decisions, [8, 50, 28, 12, 14, 60], data.entries.flatMap((e) => e.decisions.map((d) => [
    e.id,
    titleOf.get(e.id) ?? '',
    labelOf(DECISION_BODIES, d.body, language),
    day(d.date),
    labelOf(DECISION_OUTCOMES, d.outcome, language),
    pickLocalized(d.text, language),
  ])));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
