import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { AnnexModel } from '../../src/annex/model/types';
import { writeLargeRegister } from '../support/large-register';
import { startTestServer, type TestServer } from '../support/server';
import { SOFFICE_PATH, testNeeding } from '../support/tools';

/**
 * The annex of a register of thousands of measures, over HTTP: written a piece at a time in the worker, it is one
 * valid Word document holding every measure of the model once, with the summary table, and LibreOffice opens it.
 */

const COUNT = 3000;
const QUERY = 'year=2020&lang=nl&table=true';

function run(file: string, args: string[], timeout: number): Promise<number> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout }, (error) => resolve(error ? (typeof error.code === 'number' ? error.code : 1) : 0));
  });
}

describe('annex.docx of a large register', () => {
  let server: TestServer;
  let model: AnnexModel;
  let bytes: Uint8Array;
  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'synergy-annex-large-'));
    await writeLargeRegister(dataDir, COUNT);
    server = await startTestServer({ dataDir, demoData: false });
    model = (await (await server.api(`/api/annex?${QUERY}`)).json()) as AnnexModel;
    const res = await server.api(`/api/annex.docx?${QUERY}`);
    expect(res.status).toBe(200);
    bytes = new Uint8Array(await res.arrayBuffer());
  }, 120_000);
  afterAll(async () => server?.stop());

  test('every list item and table row of the model is in document.xml once, in order, in one body and one table', () => {
    const items = model.blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
    const table = model.blocks.find((b) => b.kind === 'table');
    // thousands of measures: many pieces of 1 000 list items or table rows
    expect(items.length).toBeGreaterThan(1500);
    expect(table?.kind === 'table' && table.rows.length).toBeGreaterThan(1500);
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
    expect(xml.match(/<w:body>/g)).toHaveLength(1);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(xml.match(/<w:tblGrid>/g)).toHaveLength(1);
    expect(xml.match(/<w:pStyle w:val="ListBullet"\/>/g)).toHaveLength(items.length);
    expect(xml.match(/<w:tr>/g)).toHaveLength(table?.kind === 'table' ? table.rows.length + 1 : 0);
    expect(xml.endsWith('</w:sectPr></w:body></w:document>')).toBe(true);
    const last = items[items.length - 1].runs.map((r) => r.text).join('');
    const lastRow = table?.kind === 'table' ? table.rows[table.rows.length - 1][0] : '';
    expect(xml.indexOf(last.replace(/'/g, '&apos;'))).toBeLessThan(xml.lastIndexOf(lastRow));
  });

  testNeeding('libreoffice')(
    'LibreOffice opens it and prints the last measure of the list',
    async () => {
      const outDir = mkdtempSync(path.join(os.tmpdir(), 'synergy-annex-large-pdf-'));
      try {
        const docx = path.join(outDir, 'annex-large.docx');
        writeFileSync(docx, bytes);
        const profile = path.join(outDir, '.lo-profile');
        mkdirSync(profile);
        expect(
          await run(SOFFICE_PATH!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], 240_000),
        ).toBe(0);
        const pdf = path.join(outDir, 'annex-large.pdf');
        expect(existsSync(pdf)).toBe(true);
        const text = spawnSync('/usr/bin/pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
        if (text.status === 0) {
          const items = model.blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
          const words = items[items.length - 1].runs
            .map((r) => r.text)
            .join('')
            .split(/\s+/)
            .slice(0, 2)
            .join(' ');
          expect(text.stdout).toContain(words);
        }
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
