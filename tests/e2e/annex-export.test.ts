import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { AnnexModel } from '../../src/annex/model/types';
import { faithfulness } from '../support/annex-words';
import { artifactPath } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { SOFFICE_PATH, testNeeding } from '../support/tools';

/** The annex over HTTP: JSON for the task pane, .docx for everyone else, the pane's page and manifest. */

function documentXml(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  expect(Object.keys(files)).toEqual(expect.arrayContaining(['word/document.xml', 'word/styles.xml', 'word/numbering.xml', '[Content_Types].xml']));
  return strFromU8(files['word/document.xml']);
}

/** The visible text of document.xml, paragraph by paragraph (w:t contents, entities decoded). */
function paragraphs(xml: string): string[] {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((p) =>
    decode((p.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('')),
  );
}

/**
 * Runs a converter without blocking the event loop: the server under test lives in this process, and a
 * blocked loop lets its keep-alive timers fire late, resetting the next request's reused connection.
 */
function run(file: string, args: string[], timeout: number): Promise<number> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout }, (error) => resolve(error ? (typeof error.code === 'number' ? error.code : 1) : 0));
  });
}

describe('annex export (server)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  test('GET /api/annex gives the Molenbeek 2023 model with its four parts', async () => {
    const res = await server.api('/api/annex?year=2023&lang=nl');
    expect(res.status).toBe(200);
    const model = (await res.json()) as AnnexModel;
    expect(model.meta).toMatchObject({ year: 2023, language: 'nl', shape: 'list', municipality: 'Sint-Jans-Molenbeek' });
    const top = model.blocks.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b.kind === 'heading' ? `${b.numbering} ${b.text}` : ''));
    expect(top).toEqual(['1. INLEIDING', '2. VERGADERINGEN', '3. SYNERGIEËN', '4. MAATREGELEN VOORGESTELD IN 2023 EN VOOR DE VOLGENDE JAREN']);
  });

  test.each(['nl', 'fr'] as const)(
    'the Ukkel 2026 demo annex (%s) is the report\'s own paragraphs: ≥ 95 %% of its words in order, no "…" gaps, no paragraph cut',
    async (lang) => {
      const model = (await (await server.api(`/api/annex?year=2026&lang=${lang}`)).json()) as AnnexModel;
      expect(model.meta.shape).toBe('narrative');
      const faithful = faithfulness(model, lang);
      expect(faithful).toMatchObject({ extraGaps: 0, cutParagraphs: [] });
      expect(faithful.share).toBeGreaterThanOrEqual(0.95);
    },
  );

  test('bad parameters get 400 with the reason per field', async () => {
    const res = await server.api('/api/annex?year=abc&lang=de&shape=round&domains=HR,NOPE&table=maybe');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { issues: Array<{ field: string; reason: string }> } };
    const fields = body.error.issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['year', 'lang', 'shape', 'table']));
    expect(fields.some((f) => f.startsWith('domains'))).toBe(true);
    const missing = await server.api('/api/annex.docx');
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain('"field":"year"');
  });

  test('GET /api/annex.docx downloads a Word document with the same content and real styles', async () => {
    const res = await server.api('/api/annex.docx?year=2023&lang=nl&table=true');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="synergieverslag-2023-nl.docx"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const xml = documentXml(bytes);
    const text = paragraphs(xml);
    expect(text[0]).toMatch(/^Verslag over de synergieën en schaalvoordelen/);
    expect(xml).toMatch(/<w:pStyle w:val="Title"\/>/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(xml).toMatch(/<w:pStyle w:val="ListBullet"\/>/);
    expect(xml).toContain('<w:tblHeader');
    expect(text).toContain('Vergadering van 14/09/2022');
    expect(text).toContain('IT-vergadering 16/01/2023');
    // new items in italics: the run of an italic list item carries <w:i/>
    const italicRun = /<w:r>(?:(?!<\/w:r>)[\s\S])*<w:i\/>(?:(?!<\/w:r>)[\s\S])*Sinterklaas/.exec(xml);
    expect(italicRun).not.toBeNull();
    mkdirSync(path.dirname(artifactPath('annex', 'x')), { recursive: true });
    writeFileSync(artifactPath('annex', 'molenbeek-2023-nl.docx'), bytes);

    const fr = await server.api('/api/annex.docx?year=2026&lang=fr');
    const frText = paragraphs(documentXml(new Uint8Array(await fr.arrayBuffer())));
    expect(frText[0]).toMatch(/^RAPPORT SUR LES ÉCONOMIES D'ÉCHELLE/);
    expect(frText).toContain('1. Finances');
  });

  testNeeding('libreoffice')(
    'the .docx is converted to PDF and PNG for a person to look at',
    async () => {
      const SOFFICE = SOFFICE_PATH!;
      const outDir = path.dirname(artifactPath('annex', 'x'));
      for (const [name, query] of [
        ['molenbeek-2023-nl', 'year=2023&lang=nl&table=true'],
        ['molenbeek-2023-fr', 'year=2023&lang=fr'],
        ['ukkel-2026-nl', 'year=2026&lang=nl'],
      ] as const) {
        const res = await server.api(`/api/annex.docx?${query}`);
        const docx = path.join(outDir, `${name}.docx`);
        writeFileSync(docx, new Uint8Array(await res.arrayBuffer()));
        const profile = path.join(outDir, '.lo-profile');
        expect(await run(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], 120000)).toBe(0);
        const pdf = path.join(outDir, `${name}.pdf`);
        expect(existsSync(pdf)).toBe(true);
        if (existsSync('/usr/bin/pdftoppm')) {
          for (const f of readdirSync(outDir).filter((f) => f.startsWith(`${name}-page`))) rmSync(path.join(outDir, f));
          execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', pdf, path.join(outDir, `${name}-page`)]);
          const pngs = readdirSync(outDir).filter((f) => f.startsWith(`${name}-page`) && f.endsWith('.png'));
          expect(pngs.length).toBeGreaterThan(0);
          // pdftoppm numbers pages with a width that depends on the page count: normalise to -1, -2, …
          for (const png of pngs) renameSync(path.join(outDir, png), path.join(outDir, png.replace(/-page-0*(\d+)\.png$/, '-page-$1.png')));
        }
        const pdfText = spawnSync('/usr/bin/pdftotext', [pdf, '-'], { encoding: 'utf8' });
        if (pdfText.status === 0) expect(pdfText.stdout).toMatch(name.startsWith('ukkel') ? /1\. Financiën/ : /(SYNERGIEËN|SYNERGIES)/);
      }
      console.log(`annex rendered to ${outDir} (.docx, .pdf, -page-N.png)`);
    },
    180000,
  );

  test('the task pane page, its script and the manifest are served', async () => {
    const page = await server.api('/addin/taskpane.html');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(html).toContain('/addin/taskpane.js');
    // local mode: the pane is told not to sign in, and the manifest has no Office SSO block
    expect(html).toContain('<script id="addin-boot" type="application/json">{"authMode":"local"}</script>');
    const manifest = await server.api('/addin/manifest.xml');
    expect(manifest.status).toBe(200);
    const manifestXml = await manifest.text();
    expect(manifestXml).toContain(`${server.url}/addin/taskpane.html`);
    expect(manifestXml).not.toContain('<WebApplicationInfo');
    expect(manifestXml).not.toMatch(/\{\{/);
    const icon = await server.api('/addin/icon-32.png');
    expect(icon.headers.get('content-type')).toBe('image/png');
    const options = (await (await server.api('/api/annex/options')).json()) as { years: number[] };
    expect(options.years).toEqual(expect.arrayContaining([2023, 2026]));
    expect(server.urls['Word add-in task pane (open in a browser or in Word)']).toBe(`${server.url}/addin/taskpane.html`);
  });
});
