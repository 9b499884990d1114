import type { Action, Meeting, SynergyEntry } from '../domain';
import { pickLocalized } from '../domain';
import type { Language } from '../domain';
import { pagesOf } from '../store';
import type { Collection } from '../store';
import { actionRow, decisionRows, entryRow, meetingRow, type Row, sheetSpec } from './workbook-sheets';
import { inertRow } from '../domain';
import { DEFAULT_XLSX_BUDGET, startXlsxWriter, type XlsxJobBudget } from './xlsx-worker';

/**
 * The register as a workbook for the clerks who keep a spreadsheet beside it (adapter: exceljs, streaming): one
 * sheet per list — entries, actions, meetings, decisions — with headers in the reader's language, codes shown as
 * labels, dates as dates. Every text is written as a text cell, formula-like text (= + - @) with a leading
 * apostrophe (src/domain/formula-text.ts): a title starting with "=" stays a title, never a formula. Records are
 * read a page at a time and written as they come (in a worker thread, see xlsx-worker.ts), so
 * memory stays flat however large the register: what is kept across sheets is each entry's title, for the actions.
 */

export interface RegisterSource {
  entries: Pick<Collection<SynergyEntry>, 'page'>;
  actions: Pick<Collection<Action>, 'page'>;
  meetings: Pick<Collection<Meeting>, 'page'>;
}

/** Records read per page, and rows handed to the writer per batch. */
const PAGE = 1000;

export async function writeRegisterWorkbook(
  source: RegisterSource,
  language: Language,
  onData: (chunk: Uint8Array) => void | Promise<void>,
  budget: XlsxJobBudget = DEFAULT_XLSX_BUDGET,
): Promise<void> {
  const writer = startXlsxWriter(onData, budget);
  // people's text never becomes a formula, in the workbook or wherever its cells go next
  const put = (rows: Row[]) => writer.rows(rows.map(inertRow));
  try {
    const titles = new Map<string, string>();
    await writer.sheet(sheetSpec('entries', language));
    for await (const page of pagesOf(source.entries, { top: PAGE })) {
      for (const e of page) titles.set(e.id, pickLocalized(e.title, language));
      await put(page.map((e) => entryRow(e, language)));
    }
    await writer.sheet(sheetSpec('actions', language));
    for await (const page of pagesOf(source.actions, { top: PAGE })) await put(page.map((a) => actionRow(a, (id) => titles.get(id), language)));
    titles.clear();
    await writer.sheet(sheetSpec('meetings', language));
    for await (const page of pagesOf(source.meetings, { top: PAGE })) await put(page.map((m) => meetingRow(m, language)));
    await writer.sheet(sheetSpec('decisions', language));
    for await (const page of pagesOf(source.entries, { top: PAGE })) {
      const rows: Row[] = page.flatMap((e) => decisionRows(e, language));
      if (rows.length) await put(rows);
    }
    await writer.end();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** The whole workbook in memory: for small registers and tests; the API streams it (writeRegisterWorkbook). */
export async function registerWorkbook(source: RegisterSource, language: Language): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  await writeRegisterWorkbook(source, language, (chunk) => void chunks.push(chunk));
  return Buffer.concat(chunks);
}
