import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '../support/server';
import { writeLargeRegister } from '../support/large-register';

/** The register workbook is written off the request thread, streamed, and one at a time per person. */
describe('export.xlsx of a large register', () => {
  let server: TestServer;
  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'synergy-export-'));
    await writeLargeRegister(dataDir, 5000);
    server = await startTestServer({ dataDir, demoData: false });
    const entry = await (await server.api('/api/entries?limit=1')).json();
    const created = await server.api('/api/actions', {
      method: 'POST',
      json: { title: 'Offerte vragen', owner: { name: 'An' }, dueDate: '2027-03-31', entryId: entry.items[0].id },
    });
    expect(created.status).toBe(201);
  }, 60_000);
  afterAll(async () => server?.stop());

  test('while it is written, the server keeps answering; every entry is in it, dates as real date cells', async () => {
    let finished = false;
    const download = server.api('/api/export.xlsx?lang=nl').then(async (res) => {
      const bytes = await res.arrayBuffer();
      finished = true;
      return { res, bytes };
    });
    const answeredMeanwhile: boolean[] = [];
    for (let i = 0; i < 5 && !finished; i++) {
      const health = await server.api('/api/health');
      answeredMeanwhile.push(health.ok && !finished);
    }
    const { res, bytes } = await download;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('synergieregister.xlsx');
    // the export was still running when health answered: it did not hold the event loop
    expect(answeredMeanwhile[0]).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    const [entries, actions] = workbook.worksheets;
    expect(entries.rowCount).toBe(5001);
    expect(entries.getRow(1).font?.bold).toBe(true);
    expect(entries.getRow(5001).getCell(2).value).toBe('Maatregel 5000 samenwerking');
    const due = actions.getRow(2).getCell(5);
    expect(due.value).toEqual(new Date('2027-03-31T00:00:00Z'));
    expect(due.numFmt).toBe('dd/mm/yyyy');
    expect(actions.getRow(2).getCell(2).value).toBe('Maatregel 1 zonnepanelen');
  }, 60_000);

  test('the annex .docx of the large register is built off the request thread: health answers meanwhile', async () => {
    let finished = false;
    const download = server.api('/api/annex.docx?year=2020&lang=nl').then(async (res) => {
      const bytes = await res.arrayBuffer();
      finished = true;
      return { res, bytes };
    });
    const health = await server.api('/api/health');
    const answeredMeanwhile = health.ok && !finished;
    const { res, bytes } = await download;
    expect(res.status).toBe(200);
    expect(bytes.byteLength).toBeGreaterThan(10_000);
    expect(answeredMeanwhile).toBe(true);
  }, 60_000);

  test('a second export by the same person while the first runs: 429 with Retry-After, in their language', async () => {
    const first = server.api('/api/export.xlsx');
    // the first request is running once its answer has started
    const firstRes = await first;
    const second = await server.api('/api/export.xlsx', { headers: { 'accept-language': 'fr' } });
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('10');
    expect((await second.json()).error.message).toBe('Vous avez déjà un export en cours\u00a0; attendez qu’il soit terminé, puis réessayez.');
    expect(firstRes.status).toBe(200);
    await firstRes.arrayBuffer();
    // once it is done, the next one runs
    expect((await server.api('/api/export.xlsx')).status).toBe(200);
  }, 60_000);
});
