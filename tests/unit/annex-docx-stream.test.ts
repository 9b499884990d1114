import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { AnnexService } from '../../src/annex/annex-service';
import { childrenOf } from '../../src/annex/docx/blocks';
import { annexDocument } from '../../src/annex/docx/document';
import { annexPieces, pageSections } from '../../src/annex/docx/pieces';
import { annexDocx } from '../../src/annex/docx/render';
import type { AnnexBlock, AnnexModel } from '../../src/annex/model/types';
import { tempRegister } from '../support/import-fixtures';

/**
 * The annex .docx is written a piece at a time (a few hundred paragraphs or table rows each): the file must be,
 * part for part, the one the docx library writes when it is given the whole document at once.
 */

/** The document as the docx library writes it whole: every page section with all its paragraphs and tables. */
async function wholeDocx(model: AnnexModel): Promise<Buffer> {
  const { language } = model.meta;
  const sections = pageSections(model.blocks).map((s) => ({
    orientation: s.orientation,
    children: s.blocks.flatMap((b) => childrenOf(b.kind === 'table' ? { ...b, first: true, last: true } : b, language)),
  }));
  return Packer.toBuffer(annexDocument(model.meta, sections));
}

/** The package's parts as text, creation and modification times (docProps/core.xml) left out. */
function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(
    Object.entries(files).map(([name, data]) => [name, strFromU8(data).replace(/<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g, '')]),
  );
}

function expectSameParts(streamed: Uint8Array, whole: Uint8Array): void {
  const a = parts(streamed);
  const b = parts(whole);
  expect(Object.keys(a)).toEqual(Object.keys(b));
  for (const name of Object.keys(b)) expect({ name, xml: a[name] }).toEqual({ name, xml: b[name] });
}

/** A register-sized annex: `n` measures in two long lists, and the summary table of as many rows on a landscape page. */
function largeModel(n: number): AnnexModel {
  const items = (from: number) =>
    Array.from({ length: n / 2 }, (_, i) => ({
      runs: [{ text: `Maatregel ${from + i} & <samenwerking> tussen gemeente en OCMW;` }],
      ref: `entry:${from + i}`,
    }));
  const header = ['Maatregel', 'Domein', 'Status', 'Partners', 'Begin', 'Einde', 'Baat', 'Opvolging'];
  const blocks: AnnexBlock[] = [
    { kind: 'title', text: 'Synergieverslag' },
    { kind: 'heading', level: 1, numbering: '1.', text: 'SYNERGIEËN' },
    { kind: 'list', items: items(1) },
    { kind: 'heading', level: 1, numbering: '2.', text: 'VOORSTELLEN' },
    { kind: 'list', items: items(n / 2 + 1) },
    { kind: 'heading', level: 1, numbering: '3.', text: 'OVERZICHT' },
    {
      kind: 'table',
      columns: header,
      header,
      rows: Array.from({ length: n }, (_, i) => [`Maatregel ${i + 1}`, 'HR', 'Bestaand', 'Gemeente, OCMW', '2020', '', '€ 1 000', '2026-03-01']),
      widths: [30, 8, 10, 16, 7, 7, 10, 12],
      landscape: true,
    },
    { kind: 'paragraph', runs: [{ text: 'Einde van het verslag.' }] },
  ];
  return { meta: { year: 2026, language: 'nl', shape: 'list', municipality: 'Ukkel' } as AnnexModel['meta'], blocks };
}

describe('the annex .docx written a piece at a time', () => {
  let demo: Awaited<ReturnType<typeof tempRegister>>;
  beforeAll(async () => {
    demo = await tempRegister(true);
  });
  afterAll(async () => {
    await demo?.close();
  });

  test.each([
    { year: 2023, lang: 'nl' as const },
    { year: 2023, lang: 'fr' as const, table: true },
    { year: 2024, lang: 'nl' as const, shape: 'narrative' as const, table: true },
    {
      year: 2023,
      lang: 'nl' as const,
      table: true,
      columns: 'measure,domain,department,status,form,parties,benefitEstimated,benefitRealised,contacts,deadline,startYear',
    },
  ])('the demo annex %j in pieces of 1, 3 and 500 equals the document written whole', async (query) => {
    const annex = new AnnexService(demo.register, { municipality: { nl: 'Sint-Jans-Molenbeek', fr: 'Molenbeek-Saint-Jean' }, language: 'nl' });
    const model = await annex.model(annex.parseQuery(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]))));
    const whole = await wholeDocx(model);
    for (const size of [1, 3, 500]) expectSameParts(await annexDocx(model, size), whole);
  });

  test('a register of 3 000 measures in many pieces, lists and a landscape table cut mid-way, equals the document written whole', async () => {
    const model = largeModel(3000);
    const { outline, pieces } = annexPieces(model, 700);
    const all = [...pieces];
    // the table is sliced over several pieces, and the portrait section before it ends in a piece of its own
    expect(outline.orientations).toEqual(['portrait', 'landscape', 'portrait']);
    expect(all.filter((p) => p.blocks.some((b) => b.kind === 'table')).length).toBeGreaterThan(3);
    expect(all.filter((p) => p.closes).map((p) => p.section)).toEqual([0, 1, 2]);
    expectSameParts(await annexDocx(model, 700), await wholeDocx(model));
  });
});
