import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { SynergyEntryInput } from '../../src/domain/model';
import type { AnnexBlock, AnnexModel, AnnexRun } from '../../src/annex/model/types';
import { artifactPath } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { DEPARTMENTS, riveldeEntries, riveldeTemplate } from '../fixtures/rivelde';

/**
 * A third commune of our own making (Rivelde, 50 measures by department) goes in through the public API, and
 * its annex for two consecutive years, in Dutch and French, list and narrative, says every measure exactly once
 * in the right section, new ones in italics, stopped ones in the stopped part, with a summary table LibreOffice
 * prints without breaking a word. The .docx, PDF and PNG pages are left in test-artifacts/annex/.
 */

const YEARS = [2026, 2027] as const;
const LANGUAGES = ['nl', 'fr'] as const;
const SHAPES = ['list', 'narrative'] as const;
type Language = (typeof LANGUAGES)[number];
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

interface Measure {
  id: string;
  input: SynergyEntryInput;
}

/** Where the annex shows each measure: the headings above it (level 1 and 2) and whether it is in italics. */
interface Shown {
  top: string;
  section: string | undefined;
  italic: boolean;
}

const isItalic = (runs: readonly AnnexRun[]) => runs.some((r) => r.italic && !r.marker);

function shownMeasures(model: AnnexModel): Map<string, Shown[]> {
  const shown = new Map<string, Shown[]>();
  let top = '';
  let section: string | undefined;
  const add = (ref: string | undefined, runs: readonly AnnexRun[]) => {
    if (!ref?.startsWith('entry:')) return;
    const id = ref.slice('entry:'.length);
    const list = shown.get(id) ?? [];
    // a measure told in several paragraphs is one showing
    if (!list.some((s) => s.top === top && s.section === section)) list.push({ top, section, italic: isItalic(runs) });
    shown.set(id, list);
  };
  for (const block of model.blocks as AnnexBlock[]) {
    if (block.kind === 'heading' && block.level === 1) [top, section] = [block.text, undefined];
    else if (block.kind === 'heading' && block.level === 2) section = block.text;
    else if (block.kind === 'list') for (const item of block.items) add(item.ref, item.runs);
    else if (block.kind === 'paragraph') add(block.ref, block.runs);
  }
  return shown;
}

/** What the year's report must say of a measure, from its own dates and status (the year rules). */
function expected(m: SynergyEntryInput, year: number): { part: 'running' | 'proposals' | 'stopped'; italic: boolean } | undefined {
  const proposal = m.status === 'proposed' || m.status === 'under_study';
  if (proposal) return { part: 'proposals', italic: false };
  if ((m.startYear ?? 0) > year || (m.endYear != null && m.endYear < year)) return undefined;
  if (m.status === 'stopped' && m.endYear === year) return { part: 'stopped', italic: false };
  // 2026 has no report before it: new = started in 2025 or later; 2027 follows the 2026 report
  const italic = year === 2026 ? (m.startYear ?? 0) >= 2025 : m.startYear === 2027;
  return { part: 'running', italic };
}

const PART: Record<'running' | 'proposals' | 'stopped', Record<Language, RegExp>> = {
  running: { nl: /^SYNERGIEËN$/, fr: /^SYNERGIES$/ },
  proposals: { nl: /^MAATREGELEN VOORGESTELD IN \d{4}/, fr: /^MESURES PROPOSÉES EN \d{4}/ },
  stopped: { nl: /^MAATREGELEN STOPGEZET IN \d{4}$/, fr: /^MESURES ARRÊTÉES EN \d{4}$/ },
};

function run(file: string, args: string[], timeout: number): Promise<number> {
  return new Promise((resolve) => execFile(file, args, { timeout }, (error) => resolve(error ? 1 : 0)));
}

/** Words as a line breaker may cut them: at white space, and after a hyphen. */
const pieces = (text: string) =>
  text
    .split(/[\s\u00a0\u202f]+/u)
    .flatMap((w) => w.split(/(?<=-)/u))
    .filter((w) => w.length > 1);

describe('a third commune (Rivelde): API in, annex out', () => {
  let server: TestServer;
  const measures: Measure[] = [];
  const models = new Map<string, AnnexModel>();
  const name = (year: number, language: Language, shape: string) => `rivelde-${year}-${language}-${shape}`;

  beforeAll(async () => {
    server = await startTestServer({ demoData: false });
  });
  afterAll(async () => server?.stop());

  test('the template and the 50 measures go in through the API, formalisation derived from the form', async () => {
    const template = await server.api('/api/reports', { method: 'POST', json: riveldeTemplate(2026) });
    expect(template.status).toBe(201);
    const vocabulary = (await (await server.api('/api/vocabulary')).json()) as { formalisationOfForm: Record<string, string> };
    for (const input of riveldeEntries()) {
      expect(input).not.toHaveProperty('formalisation');
      const res = await server.api('/api/entries', { method: 'POST', json: input });
      const body = (await res.json()) as { id: string; formalisation: string };
      expect({ status: res.status, formalisation: body.formalisation }).toEqual({ status: 201, formalisation: vocabulary.formalisationOfForm[input.form!] });
      measures.push({ id: body.id, input });
    }
    expect(measures).toHaveLength(50);
  });

  test.each(YEARS.flatMap((year) => LANGUAGES.flatMap((language) => SHAPES.map((shape) => [year, language, shape] as const))))(
    '%i %s %s: every measure of the year exactly once, in its department and part, new ones in italics',
    async (year, language, shape) => {
      const res = await server.api(`/api/annex?year=${year}&lang=${language}&shape=${shape}`);
      expect(res.status).toBe(200);
      const model = (await res.json()) as AnnexModel;
      models.set(name(year, language, shape), model);
      expect(model.meta.unplaced).toEqual([]);
      expect(model.meta.counts.fallbackTexts).toBe(0);
      const shown = shownMeasures(model);
      const counts = { running: 0, proposals: 0, stopped: 0 };
      for (const { id, input } of measures) {
        const want = expected(input, year);
        const title = input.title[language]!;
        if (!want) {
          expect({ title, shown: shown.get(id) }).toEqual({ title, shown: undefined });
          continue;
        }
        counts[want.part]++;
        const [where, ...again] = shown.get(id) ?? [];
        expect({ title, again }).toEqual({ title, again: [] });
        const department = input.department![language]!;
        // list: part (level 1) › department (level 2); narrative: the running ones under their department (level 1)
        const narrativeRunning = shape === 'narrative' && want.part === 'running';
        expect({ title, top: where?.top, italic: where?.italic }).toEqual({
          title,
          top: narrativeRunning ? department : expect.stringMatching(PART[want.part][language]),
          italic: want.italic,
        });
        if (want.part !== 'stopped' && !narrativeRunning) expect({ title, section: where.section }).toEqual({ title, section: department });
      }
      expect(model.meta.counts).toMatchObject(counts);
      expect(counts).toEqual(year === 2026 ? { running: 37, proposals: 6, stopped: 3 } : { running: 39, proposals: 6, stopped: 2 });
    },
  );

  test("the list annexes have a summary table: the template's columns that have values, widths that keep words whole", () => {
    for (const year of YEARS) {
      const table = models.get(name(year, 'nl', 'list'))!.blocks.find((b) => b.kind === 'table');
      if (table?.kind !== 'table') throw new Error(`no table in ${year}`);
      // the template asks for contacts too: no measure has any, so the column is left out; benefits only in 2026
      expect(table.columns).toEqual(
        year === 2026
          ? ['department', 'measure', 'status', 'form', 'startYear', 'benefitEstimated', 'benefitRealised']
          : ['department', 'measure', 'status', 'form', 'startYear'],
      );
      // seven columns take a landscape page
      if (year === 2026) expect(table.landscape).toBe(true);
      expect(table.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
      expect(table.rows).toHaveLength(year === 2026 ? 46 : 47);
    }
    // five columns whose longest words fit the portrait width stay on a portrait page
    const french2027 = models.get(name(2027, 'fr', 'list'))!.blocks.find((b) => b.kind === 'table');
    expect(french2027?.kind === 'table' && french2027.landscape).toBe(false);
  });

  test('rendered to .docx, PDF (LibreOffice) and PNG: titles, italics, and no word broken inside the table', async () => {
    const outDir = path.dirname(artifactPath('annex', 'x'));
    const docs: string[] = [];
    for (const year of YEARS) {
      for (const language of LANGUAGES) {
        for (const shape of SHAPES) {
          const res = await server.api(`/api/annex.docx?year=${year}&lang=${language}&shape=${shape}`);
          expect(res.status).toBe(200);
          const bytes = new Uint8Array(await res.arrayBuffer());
          const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
          // a new measure's run is italic in Word too
          const fresh = measures.find((m) => expected(m.input, year)?.italic)!;
          const escaped = fresh.input.title[language]!.replace(/'/g, '&apos;').slice(0, 20);
          expect(xml).toMatch(new RegExp(`<w:i/>(?:(?!</w:r>)[\\s\\S])*${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
          const file = path.join(outDir, `${name(year, language, shape)}.docx`);
          writeFileSync(file, bytes);
          docs.push(file);
        }
      }
    }
    // in CI LibreOffice is required (the annexes must be looked at); elsewhere they are left as .docx, said once
    if (!SOFFICE) {
      if (process.env.CI) throw new Error('LibreOffice (soffice) is not installed: CI must install it (.ci/run does)');
      console.warn('LibreOffice (soffice) is not installed: the Rivelde annexes are left as .docx only.');
      return;
    }
    const profile = path.join(outDir, '.lo-profile');
    expect(await run(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...docs], 240000)).toBe(0);
    for (const docx of docs) {
      const base = path.basename(docx, '.docx');
      const pdf = path.join(outDir, `${base}.pdf`);
      expect(existsSync(pdf)).toBe(true);
      for (const f of readdirSync(outDir).filter((f) => f.startsWith(`${base}-page`))) rmSync(path.join(outDir, f));
      execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '50', pdf, path.join(outDir, `${base}-page`)]);
      for (const png of readdirSync(outDir).filter((f) => f.startsWith(`${base}-page`))) {
        renameSync(path.join(outDir, png), path.join(outDir, png.replace(/-page-0*(\d+)\.png$/, '-page-$1.png')));
      }
      const text = execFileSync('/usr/bin/pdftotext', [pdf, '-'], { encoding: 'utf8' });
      const model = models.get(base)!;
      expect(text).toContain(DEPARTMENTS[0][model.meta.language]);
      const table = model.blocks.find((b) => b.kind === 'table');
      if (table?.kind !== 'table') continue;
      // every word of the table comes out of the PDF whole (a break may only fall at a space or after a hyphen)
      const printed = new Set(pieces(text));
      const broken = [...table.header, ...table.rows.flat()].flatMap(pieces).filter((w) => !printed.has(w));
      expect({ base, broken }).toEqual({ base, broken: [] });
      // a landscape table is printed on landscape pages (A4: 842 x 595 pt), the rest stays portrait
      const sizes = execFileSync('/usr/bin/pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' }).match(/size:\s+[\d.]+ x [\d.]+/g)!;
      const landscapePages = sizes.filter((s) => /size:\s+84\d/.test(s)).length;
      expect({ base, pages: sizes.length <= 8, landscape: landscapePages > 0, portrait: landscapePages < sizes.length }).toEqual({
        base,
        pages: true,
        landscape: table.landscape,
        portrait: true,
      });
    }
    console.log(`Rivelde annexes rendered to ${outDir} (rivelde-<year>-<lang>-<shape>.docx, .pdf, -page-N.png)`);
  }, 300000);
});
