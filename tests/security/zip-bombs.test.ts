import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import mammoth from 'mammoth';
import { boundedZip, DOCX_LIMITS, inflateBounded, ZipFormatError, ZipLimitError } from '../../src/import/bounded-zip';
import { ImportRejectedError } from '../../src/import/errors';
import { readDocx } from '../../src/import/read-docx';
import { startTestServer, type TestServer } from '../support/server';
import { SOFFICE_PATH, testNeeding } from '../support/tools';
import { hostileReport, handTypedReportNl } from '../support/word-documents';
import { documentBomb, manyEntries, stylesBomb, zerosZip } from '../support/zip-bombs';

/**
 * A .docx is a zip: every upload is inflated within limits (entries, size per entry, total size, compression
 * ratio) counted while it streams, and the Word reader only opens what passed. The bombs are built here, as an
 * attacker would build them; "how much was inflated before the refusal" stands for how long the server worked.
 */

const MB = 1024 * 1024;

function breachOf(bytes: Uint8Array, limits = DOCX_LIMITS): ZipLimitError {
  try {
    inflateBounded(bytes, limits);
  } catch (error) {
    if (error instanceof ZipLimitError) return error;
    throw error;
  }
  throw new Error('the archive passed');
}

async function rejection(bytes: Buffer): Promise<ImportRejectedError> {
  try {
    await readDocx(bytes);
  } catch (error) {
    if (error instanceof ImportRejectedError) return error;
    throw error;
  }
  throw new Error('the file was read');
}

describe('zip bombs are refused while they inflate, before any parser sees them', () => {
  let convert: jest.SpyInstance;
  beforeEach(() => {
    convert = jest.spyOn(mammoth, 'convertToHtml');
  });
  afterEach(() => convert.mockRestore());

  test('a 0.7 MB report whose document.xml inflates to 197 MB stops after a few MB, in the reader’s language', async () => {
    const bomb = await documentBomb();
    expect(bomb.length).toBeLessThan(MB);
    const breach = breachOf(bomb);
    expect(breach).toMatchObject({ limit: 'ratio', entry: 'word/document.xml' });
    // the ratio is judged from the first megabyte on: the refusal costs a few MB of work, not 197
    expect(breach.inflated).toBeLessThan(8 * MB);
    const refused = await rejection(bomb);
    expect(refused.problem).toBe('unpacks_too_large');
    expect(refused.messageIn('fr')).toMatch(/^Le fichier n’a pas été lu\u00a0: une fois ouvert.*plus de 64\u00a0Mo/);
    expect(refused.messageIn('nl')).toMatch(/^Het bestand werd niet gelezen: geopend .*meer dan 64 MB/);
    expect(convert).not.toHaveBeenCalled();
  });

  test('a styles.xml bomb (1.2 MB inflating to 340 MB) is refused the same way', async () => {
    const bomb = await stylesBomb();
    expect(bomb.length).toBeLessThan(2 * MB);
    const breach = breachOf(bomb);
    expect(breach).toMatchObject({ limit: 'ratio', entry: 'word/styles.xml' });
    expect(breach.inflated).toBeLessThan(8 * MB);
    expect((await rejection(bomb)).problem).toBe('unpacks_too_large');
    expect(convert).not.toHaveBeenCalled();
  });

  test('a report with 5 000 extra parts is refused by the entry count', async () => {
    const many = await manyEntries(5000);
    expect(breachOf(many)).toMatchObject({ limit: 'entries', max: DOCX_LIMITS.maxEntries });
    expect((await rejection(many)).problem).toBe('unpacks_too_large');
    expect(convert).not.toHaveBeenCalled();
  });

  test('zeros compressed a thousand times are refused by the ratio, whether their size is declared or not', async () => {
    // declared honestly in the header (20 MB, under the size limits): only the ratio can tell
    const declared = zerosZip(20 * MB);
    expect(breachOf(declared)).toMatchObject({ limit: 'ratio', max: 100 });
    expect(breachOf(declared).inflated).toBeLessThan(6 * MB);
    // the header lies (says 10 bytes): the streamed count is what counts
    const lying = Buffer.from(declared);
    lying.writeUInt32LE(10, 22);
    expect(breachOf(lying)).toMatchObject({ limit: 'ratio' });
  });

  test('each size limit holds on its own, with a declared size refused before inflating', () => {
    const words = Buffer.from(Array.from({ length: 60000 }, (_, i) => `maatregel ${(i * 7919) % 10007} `).join(''));
    const two = zipSync({ 'a.xml': words, 'b.xml': words });
    const loose = { ...DOCX_LIMITS, maxRatio: 1e9 };
    expect(breachOf(two, { ...loose, maxEntryBytes: words.length - 1 })).toMatchObject({ limit: 'entry_size', entry: 'a.xml', inflated: 0 });
    expect(breachOf(two, { ...loose, maxTotalBytes: words.length + 1000 })).toMatchObject({ limit: 'total_size', entry: 'b.xml' });
    // a size discovered while streaming (no size in the header)
    const streamed = Buffer.from(two);
    streamed.writeUInt32LE(0, 22);
    expect(breachOf(streamed, { ...loose, maxEntryBytes: 100_000 })).toMatchObject({ limit: 'entry_size', entry: 'a.xml' });
    expect(breachOf(streamed, { ...loose, maxEntryBytes: 100_000 }).inflated).toBeLessThan(words.length);
  });

  test('a truncated or damaged archive is "corrupt", not a crash', async () => {
    const good = await handTypedReportNl();
    expect(() => inflateBounded(good.subarray(0, good.length / 2))).toThrow(ZipFormatError);
    expect((await rejection(good.subarray(0, good.length / 2))).problem).toBe('corrupt');
    expect(convert).not.toHaveBeenCalled();
  });
});

/** The archive the Word reader opens holds byte for byte the parts of the original. */
function expectSameParts(original: Buffer): void {
  const repacked = unzipSync(boundedZip(original));
  const parts = unzipSync(original);
  expect(Object.keys(repacked).sort()).toEqual(Object.keys(parts).sort());
  for (const name of Object.keys(parts)) expect(Buffer.from(repacked[name]).equals(Buffer.from(parts[name]))).toBe(true);
}

describe('real documents pass unchanged', () => {
  test('what the Word reader gets holds exactly the original parts', async () => {
    const original = await hostileReport();
    expectSameParts(original);
    // a generated 3 000-row table compresses about 45 times: well under the ratio limit
    expect((await readDocx(original)).blocks.length).toBeGreaterThan(0);
  });

  testNeeding('libreoffice')(
    'a report saved by LibreOffice (sizes after the data, in descriptors) reads as the same report',
    async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'synergy-lo-'));
      try {
        writeFileSync(path.join(dir, 'in.docx'), await handTypedReportNl());
        execFileSync(SOFFICE_PATH!, ['--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', path.join(dir, 'out'), path.join(dir, 'in.docx')], {
          stdio: 'ignore',
          timeout: 120_000,
        });
        const saved = readFileSync(path.join(dir, 'out', 'in.docx'));
        expect(saved.readUInt16LE(6) & 8).toBe(8);
        expectSameParts(saved);
        const read = await readDocx(saved);
        expect(read.blocks[0]).toEqual({ kind: 'title', text: 'Verslag synergieën gemeente – OCMW Sint-Pieters-aan-de-Vaart' });
        expect(read.blocks.length).toBeGreaterThan(5);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    150_000,
  );
});

describe('over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demoData: false });
  });
  afterAll(() => server.stop());

  test('the bomb upload is a 400 naming the file in the caller’s language, and the server keeps answering', async () => {
    const res = await server.api('/api/import?name=bom.docx', {
      method: 'POST',
      body: new Uint8Array(await documentBomb()),
      headers: { 'content-type': 'application/octet-stream', 'accept-language': 'fr-BE' },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: 'unpacks_too_large', issues: [{ field: 'file', code: 'unpacks_too_large', params: { mb: 64 } }] });
    expect(body.error.message).toMatch(/^Le fichier n’a pas été lu/);
    expect((await server.api('/api/health')).status).toBe(200);
  });
});
