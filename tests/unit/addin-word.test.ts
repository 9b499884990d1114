import { buildAnnexModel } from '../../src/domain/annex';
import type { SynergyEntry } from '../../src/domain/model';
import { DOMAIN_CODES, type DomainCode } from '../../src/domain/vocabulary';
import { createFakeWord, type FakeParagraph, paragraphText } from '../../addin/word/fake-word';
import { AddinError, assertRequirements, insertAnnex, refreshAnnex } from '../../addin/word/operations';
import { ANNEX_TAG, planAnnex } from '../../addin/word/plan';
import { entry, HOSTILE, meet, register2023, TEMPLATE } from './annex-fixtures';

const MUNICIPALITY = { nl: 'Sint-Jans-Molenbeek', fr: 'Molenbeek-Saint-Jean' };

function registerOf(size: number) {
  const domains = DOMAIN_CODES.filter((d) => !d.includes('.')) as DomainCode[];
  const entries = Array.from({ length: size }, (_, i) =>
    entry({
      title: { nl: `Maatregel ${i + 1}`, fr: `Mesure ${i + 1}` },
      domain: domains[i % domains.length],
      status: (['existing', 'new', 'proposed'] as const)[i % 3],
      financialBenefit: { amountEur: 1000 * (i + 1), confidence: 'estimate' },
    }),
  );
  return { entries, meetings: [meet({ body: 'steering_group', date: '2022-10-10', summary: { nl: 'Vergadering.' } })] };
}

function planFor(entries: Array<SynergyEntry & { id: string }>, meetings: ReturnType<typeof meet>[], includeTable = true) {
  return planAnnex(buildAnnexModel({ entries, meetings, report: undefined, year: 2030, language: 'nl', includeTable, municipality: MUNICIPALITY }));
}

describe('Word add-in operations (office-addin-mock)', () => {
  test('Insert puts the annex in a tagged content control after the cursor paragraph, with built-in styles', async () => {
    const { entries, meetings } = register2023();
    const plan = planAnnex(buildAnnexModel({ entries, meetings, report: TEMPLATE, year: 2023, language: 'nl', includeTable: true, municipality: MUNICIPALITY }));
    const doc = createFakeWord({ paragraphs: ['Eigen tekst vooraf', 'Cursor hier', 'Eigen tekst achteraf'], cursor: 1 });

    const result = await insertAnnex(doc.context, plan);

    expect(doc.syncs).toBe(2);
    expect(result.syncs).toBe(doc.syncs);
    expect(doc.body.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'control', 'paragraph']);
    expect(paragraphText(doc.body[0] as FakeParagraph)).toBe('Eigen tekst vooraf');
    expect(paragraphText(doc.body[3] as FakeParagraph)).toBe('Eigen tekst achteraf');
    const [control] = doc.controls(ANNEX_TAG);
    expect(control.title).toBe('Synergieverslag 2023 (bijlage bij de begroting)');
    const paragraphs = control.content.filter((c): c is FakeParagraph => c.kind === 'paragraph');
    expect(paragraphs[0].style).toBe('Title');
    expect(paragraphText(paragraphs[0])).toMatch(/^Verslag over de synergieën en schaalvoordelen/);
    expect(paragraphs.filter((p) => p.style === 'Heading1').map(paragraphText)).toEqual([
      '1. INLEIDING',
      '2. VERGADERINGEN',
      '3. SYNERGIEËN',
      '4. MAATREGELEN VOORGESTELD IN 2023 EN VOOR DE VOLGENDE JAREN',
      '5. OVERZICHTSTABEL',
    ]);
    const newItem = paragraphs.find((p) => paragraphText(p).startsWith('Gezamenlijke werkzaamheden'))!;
    expect(newItem.style).toBe('ListBullet');
    expect(newItem.runs.every((r) => r.italic)).toBe(true);
    const oldItem = paragraphs.find((p) => paragraphText(p).startsWith('Gemeenschappelijk syndicaal'))!;
    expect(oldItem.runs.some((r) => r.italic)).toBe(false);
    expect(paragraphs.find((p) => p.style === 'Quote')!.runs[0].italic).toBe(true);
    const table = control.content.find((c) => c.kind === 'table');
    expect(table).toMatchObject({ kind: 'table', style: 'GridTable4_Accent1', headerRowCount: 1 });
    expect(table && table.kind === 'table' && table.values[0][0]).toBe('Domein');
  });

  test('Insert refuses a second annex and leaves the document as it was', async () => {
    const { entries, meetings } = register2023();
    const plan = planFor(entries, meetings);
    const doc = createFakeWord({ existingAnnex: { tag: ANNEX_TAG, lines: ['oude bijlage'] } });
    const before = doc.text();
    await expect(insertAnnex(doc.context, plan)).rejects.toMatchObject({ code: 'already_present' });
    expect(doc.text()).toEqual(before);
    expect(doc.syncs).toBe(1);
  });

  test('Refresh replaces only the content control, leaving the text around it untouched', async () => {
    const doc = createFakeWord({ paragraphs: ['Voor', 'Na'], existingAnnex: { tag: ANNEX_TAG, lines: ['oude bijlage', 'Maatregel die niet meer bestaat'] } });
    // the user's text after the annex
    doc.body.push({ kind: 'paragraph', style: 'Normal', runs: [{ text: 'Handtekening', italic: false, bold: false }] });
    const { entries, meetings } = registerOf(10);
    const result = await refreshAnnex(doc.context, planFor(entries, meetings));

    expect(doc.syncs).toBe(2);
    expect(result.controls).toBe(1);
    const text = doc.text();
    expect(text[0]).toBe('Voor');
    expect(text[1]).toBe('Na');
    expect(text[text.length - 1]).toBe('Handtekening');
    expect(text.join('\n')).not.toContain('oude bijlage');
    expect(text.filter((l) => /^ {2}Maatregel 1[;.]$/.test(l))).toHaveLength(1);
    expect(doc.controls(ANNEX_TAG)).toHaveLength(1);
  });

  test('Refresh says clearly when the document has no annex yet', async () => {
    const doc = createFakeWord();
    const before = doc.text();
    const error = await refreshAnnex(doc.context, planFor(registerOf(3).entries, [])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AddinError);
    expect((error as AddinError).code).toBe('no_annex');
    expect(doc.text()).toEqual(before);
  });

  test('a Word without WordApi 1.3 is refused before anything is written', () => {
    expect(() => assertRequirements({ isSetSupported: (name, v) => name === 'WordApi' && Number(v) <= 1.2 })).toThrow(
      expect.objectContaining({ code: 'requirement_missing' }),
    );
    expect(() => assertRequirements(undefined)).toThrow(expect.objectContaining({ code: 'requirement_missing' }));
    expect(() => assertRequirements({ isSetSupported: () => true })).not.toThrow();
  });

  test('hostile text reaches Word as plain text, never as markup', async () => {
    const entries = [entry({ title: { nl: HOSTILE }, domain: 'HR' })];
    const doc = createFakeWord();
    await insertAnnex(doc.context, planFor(entries, []));
    const inserted = doc.text().join('\n');
    expect(inserted).toContain(`${HOSTILE}.`);
    expect(doc.controls(ANNEX_TAG)).toHaveLength(1);
  });

  test.each([10, 500])('the number of context.sync calls does not grow with the register (%i entries)', async (size) => {
    const { entries, meetings } = registerOf(size);
    const plan = planFor(entries, meetings);
    const insertDoc = createFakeWord();
    await insertAnnex(insertDoc.context, plan);
    const refreshDoc = createFakeWord({ existingAnnex: { tag: ANNEX_TAG, lines: ['x'] } });
    await refreshAnnex(refreshDoc.context, plan);
    const listItems = insertDoc.controls(ANNEX_TAG)[0].content.filter((c) => c.kind === 'paragraph' && c.style === 'ListBullet');
    expect(listItems.length).toBeGreaterThanOrEqual(size);
    const table = insertDoc.controls(ANNEX_TAG)[0].content.find((c) => c.kind === 'table');
    expect(table && table.kind === 'table' && table.values.length).toBe(size + 1);
    console.log(`annex sync count, ${size} entries: insert ${insertDoc.syncs}, refresh ${refreshDoc.syncs} (${insertDoc.operations} queued Word operations)`);
    expect(insertDoc.syncs).toBeLessThanOrEqual(3);
    expect(refreshDoc.syncs).toBeLessThanOrEqual(3);
    expect(insertDoc.syncs).toBe(2);
    expect(refreshDoc.syncs).toBe(2);
  });

  test('a forgotten load() is caught by the mock: collection items read before sync are not the controls', async () => {
    const doc = createFakeWord({ existingAnnex: { tag: ANNEX_TAG, lines: ['x'] } });
    const collection = doc.context.document.contentControls.getByTag(ANNEX_TAG);
    expect(Array.isArray(collection.items)).toBe(false);
    collection.load('items');
    await doc.context.sync();
    expect(collection.items).toHaveLength(1);
  });
});
