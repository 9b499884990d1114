import { formatLocalDateTime } from '../../domain';
import { inertCell, inertRow } from '../../domain';
import type { Poll, Vote } from '../../domain';
import { outcomeOf } from '../../domain';
import { isSealedNow, tallyOf } from '../../domain';
import type { Language } from '../../domain';
import type { Stored } from '../../store';
import { ForbiddenError } from './types';
import { scoped } from '../../i18n';

/**
 * A poll's results and ballots as a table: one row per ballot with a 1 under each option it chose, and
 * a totals row. Anonymous polls leave out who voted and when, and list ballots in the order of their
 * choices, so no ballot can be traced back to a person. A sealed poll exports nothing until it closes.
 */

/** The export's headings in a language, from the message catalogue. */
function headingsIn(language: Language) {
  const t = scoped('pollExport', language);
  const keys = ['ballot', 'voter', 'at', 'total', 'question', 'status', 'ballots', 'roster', 'outcome', 'option', 'votes', 'results', 'ballotSheet'] as const;
  const texts = Object.fromEntries(keys.map((k) => [k, t(k)])) as Record<(typeof keys)[number], string>;
  return { ...texts, statusOf: (status: Poll['status']) => t(`status.${status}`) };
}

export interface PollTable {
  header: string[];
  rows: Array<Array<string | number>>;
}

/** The ballots table of a poll (see above); ForbiddenError while a sealed poll is open. */
export function ballotTable(poll: Stored<Poll>, votes: readonly Vote[], language: Language, now: Date): PollTable {
  if (isSealedNow(poll, now)) throw new ForbiddenError('The results of this poll are sealed until it closes', undefined, 'sealed');
  const h = headingsIn(language);
  const ballots = votes.filter((v) => v.pollId === poll.id && v.optionIds.length);
  const marks = (v: Vote) => poll.options.map((o) => (v.optionIds.includes(o.id) ? 1 : 0));
  const optionLabels = poll.options.map((o) => o.label);
  const tally = tallyOf(poll, ballots);
  const totals = tally.options.map((o) => o.count);
  if (poll.anonymous) {
    const rows = ballots.map(marks).sort((a, b) => b.join('').localeCompare(a.join('')));
    return { header: [h.ballot, ...optionLabels], rows: [...rows.map((r, i) => [i + 1, ...r]), [h.total, ...totals]] };
  }
  const ordered = [...ballots].sort((a, b) => a.at.localeCompare(b.at));
  return {
    header: [h.ballot, h.voter, h.at, ...optionLabels],
    // when each ballot was cast, as read on a Brussels clock ("2026-03-02 09:00")
    rows: [...ordered.map((v, i) => [i + 1, v.voter.name, formatLocalDateTime(v.at), ...marks(v)]), [h.total, '', '', ...totals]],
  };
}

function csvCell(value: string | number): string {
  // people's text never runs as a formula in a spreadsheet (the rule every export shares)
  const safe = String(inertCell(value));
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * CSV as Excel reads it in Belgium: fields separated by semicolons (the list separator of Belgian
 * regional settings, where the comma is the decimal sign), with a byte-order mark for the accents.
 */
export function toCsv(table: PollTable): string {
  return `\ufeff${[table.header, ...table.rows].map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/** "2026-03-02 09:00" (Brussels) as a date cell showing that wall-clock time (spreadsheets have no time zones). */
function dateCell(local: string | number): Date | string | number {
  if (typeof local !== 'string' || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(local)) return local;
  return new Date(`${local.replace(' ', 'T')}:00Z`);
}

/** A workbook with the results (question, figures, outcome, counts) and the ballots table. */
export async function toXlsx(poll: Stored<Poll>, votes: readonly Vote[], language: Language, now: Date): Promise<Buffer> {
  const table = ballotTable(poll, votes, language, now);
  const h = headingsIn(language);
  const tally = tallyOf(poll, votes);
  const { Workbook } = await import('exceljs'); // loaded on first use: it is a good part of the server's start-up time
  const workbook = new Workbook();
  workbook.creator = 'Synergy Register';
  workbook.created = now;
  const results = workbook.addWorksheet(h.results);
  results.columns = [{ width: 28 }, { width: 60 }];
  results.addRow([h.question, inertCell(poll.question)]);
  results.addRow([h.status, h.statusOf(poll.status)]);
  results.addRow([h.ballots, tally.ballots]);
  if (poll.roster) results.addRow([h.roster, poll.roster.length]);
  if (poll.status === 'closed') results.addRow([h.outcome, outcomeOf(poll, tally).text[language]]);
  results.addRow([]);
  results.addRow([h.option, h.votes]).font = { bold: true };
  for (const o of tally.options) results.addRow([inertCell(o.label), o.count]);
  const sheet = workbook.addWorksheet(h.ballotSheet);
  sheet.addRow(inertRow(table.header)).font = { bold: true };
  const named = !poll.anonymous;
  for (const row of table.rows) sheet.addRow(named ? row.map((cell, i) => (i === 2 ? dateCell(cell) : inertCell(cell))) : inertRow(row));
  if (named) sheet.getColumn(3).numFmt = 'dd/mm/yyyy hh:mm';
  sheet.getRow(table.rows.length + 1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
