import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { registerWorkbook, writeRegisterWorkbook } from '../../src/export/register-workbook';
import { entryRow } from '../../src/export/workbook-sheets';
import { JobLimiter, TooManyJobsError } from '../../src/export/job-limiter';
import { XlsxJobError } from '../../src/export/xlsx-worker';
import { createLocalStore } from '../../src/store/local/local-store';
import type { RegisterStore } from '../../src/store/store';
import { action, entry } from '../contract/records';

describe('the streamed register workbook', () => {
  let dir: string;
  let store: RegisterStore;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'synergy-xlsx-'));
    store = createLocalStore(dir);
    await store.init();
    const entries = await store.entries.createMany(
      Array.from({ length: 1203 }, (_, i) =>
        entry(i + 1, { decisions: i % 400 === 0 ? [{ body: 'college', date: '2026-02-03', text: { nl: `Besluit ${i}` }, outcome: 'approved' }] : [] } as never),
      ),
    );
    await store.actions.createMany([action(1, { entryId: entries[1202].id, dueDate: '2026-12-31' })]);
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('every record across pages, each sheet in order, titles for actions, calendar days as date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await registerWorkbook(store, 'fr')) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Mesures', 'Actions', 'Réunions', 'Décisions']);
    const [entries, actions, meetings, decisions] = workbook.worksheets;
    expect(entries.rowCount).toBe(1204);
    expect(entries.getRow(1204).getCell(3).value).toBe('Mesure 1203');
    expect(actions.getRow(2).getCell(2).value).toBe('Mesure 1203');
    expect(actions.getRow(2).getCell(5).value).toEqual(new Date('2026-12-31T00:00:00Z'));
    expect(actions.getRow(2).getCell(5).numFmt).toBe('dd/mm/yyyy');
    expect(meetings.rowCount).toBe(1);
    expect(decisions.rowCount).toBe(5);
    expect(decisions.getRow(2).getCell(4).value).toEqual(new Date('2026-02-03T00:00:00Z'));
  });

  test('a job over its time budget is stopped with the reason', async () => {
    const chunks: Uint8Array[] = [];
    const slow = await writeRegisterWorkbook(store, 'nl', (c) => void chunks.push(c), { timeMs: 1, heapMb: 256 }).catch((e: unknown) => e);
    expect(slow).toBeInstanceOf(XlsxJobError);
    expect((slow as Error).message).toMatch(/took longer than 0 s and was stopped/);
  });

  test('a person runs one job at a time; the server a few, queueing a few more', async () => {
    const limiter = new JobLimiter({ perUser: 1, total: 1, queued: 1 });
    let release!: () => void;
    const first = limiter.run('anne', () => new Promise<void>((resolve) => (release = resolve)));
    await expect(limiter.run('anne', async () => undefined)).rejects.toMatchObject({ reason: 'user' });
    const queued = limiter.run('bert', async () => 'bert ran');
    await expect(limiter.run('carl', async () => undefined)).rejects.toBeInstanceOf(TooManyJobsError);
    release();
    await first;
    await expect(queued).resolves.toBe('bert ran');
    await expect(limiter.run('anne', async () => 'again')).resolves.toBe('again');
  });
});

test('an entry changed at 00:30 in Brussels is dated that Brussels day in the workbook, not the UTC day before', () => {
  const row = entryRow({ ...entry(1), id: '1', updatedAt: '2026-12-04T23:30:00.000Z' } as never, 'nl');
  expect(row[row.length - 1]).toEqual(new Date('2026-12-05T00:00:00Z'));
});
