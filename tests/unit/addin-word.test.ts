import { buildAnnexModel } from '../../src/annex/model';
import { fingerprint, parseUnitTag } from '../../addin/word/fingerprint';
import { AddinError, assertRequirements, capabilitiesOf, insertAnnex, refreshAnnex } from '../../addin/word/operations';
import { ANNEX_TAG, planAnnex, planItems } from '../../addin/word/plan';
import { createFakeWord, type FakeParagraph, nodesText, paragraphText } from '../fakes/word';
import { entry, HOSTILE, register2023, TEMPLATE } from './annex-fixtures';
import { MUNICIPALITY, planFor, registerOf } from './addin-word-fixtures';

const REFRESH = { track: true, tracking: true };

describe('Word add-in: Insert (office-addin-mock)', () => {
  test('Insert puts the annex after the cursor paragraph, one tagged content control per part, built-in styles', async () => {
    const { entries, meetings } = register2023();
    const plan = planAnnex(
      buildAnnexModel({ entries, meetings, report: TEMPLATE, year: 2023, language: 'nl', includeTable: true, municipality: MUNICIPALITY }),
    );
    const doc = createFakeWord({ paragraphs: ['Eigen tekst vooraf', 'Cursor hier', 'Eigen tekst achteraf'], cursor: 1 });

    const result = await insertAnnex(doc.context as never, plan);

    expect(doc.syncs).toBe(2);
    expect(result.syncs).toBe(doc.syncs);
    expect(doc.body.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'control', 'paragraph']);
    expect(paragraphText(doc.body[0] as FakeParagraph)).toBe('Eigen tekst vooraf');
    expect(paragraphText(doc.body[3] as FakeParagraph)).toBe('Eigen tekst achteraf');
    const [annex] = doc.controls(ANNEX_TAG);
    expect(annex.title).toBe('Synergieverslag 2023 (bijlage bij de begroting)');
    expect(annex.appearance).toBe('BoundingBox');

    // every part is a content control inside the annex, tagged with its key and the fingerprint of its text
    const parts = doc.units(annex.content);
    expect(parts).toHaveLength(plan.units.length);
    for (const [i, part] of parts.entries()) {
      const tag = parseUnitTag(part.tag)!;
      expect(tag.key).toBe(plan.units[i].key);
      expect(tag.fingerprint).toBe(fingerprint(nodesText(part.content)));
      expect(part.appearance).toBe('Hidden');
    }
    const keys = plan.units.map((u) => u.key);
    // 8 running and proposed measures, and the rejected one in the stopped part
    expect(keys.filter((k) => k.startsWith('entry:'))).toHaveLength(9);
    expect(keys.filter((k) => k.startsWith('meeting:'))).toHaveLength(4);
    expect(keys.filter((k) => k.startsWith('section:running:'))).toHaveLength(4);
    expect(keys).toContain('table');
    expect(new Set(keys).size).toBe(keys.length);

    const paragraphs = parts.flatMap((p) => p.content).filter((c): c is FakeParagraph => c.kind === 'paragraph');
    expect(paragraphs[0].style).toBe('Title');
    expect(paragraphText(paragraphs[0])).toMatch(/^Verslag over de synergieën en schaalvoordelen/);
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => paragraphText(p))).toEqual([
      '1. INLEIDING',
      '2. VERGADERINGEN',
      '3. SYNERGIEËN',
      '4. MAATREGELEN VOORGESTELD IN 2023 EN VOOR DE VOLGENDE JAREN',
      '5. MAATREGELEN STOPGEZET IN 2023',
      '6. OVERZICHTSTABEL',
    ]);
    const newItem = paragraphs.find((p) => paragraphText(p).startsWith('Gezamenlijke werkzaamheden'))!;
    expect(newItem.style).toBe('ListBullet');
    expect(newItem.runs.every((r) => r.italic)).toBe(true);
    expect(paragraphs.find((p) => paragraphText(p).startsWith('Gemeenschappelijk syndicaal'))!.runs.some((r) => r.italic)).toBe(false);
    expect(paragraphs.find((p) => p.style === 'Quote')!.runs[0].italic).toBe(true);
    const table = doc.unit('table').content.find((c) => c.kind === 'table');
    expect(table).toMatchObject({ kind: 'table', style: 'GridTable4_Accent1', headerRowCount: 1 });
    expect(table?.kind === 'table' && table.values[0][0]).toBe('Domein');
  });

  test('Insert refuses a second annex and leaves the document as it was', async () => {
    const { entries, meetings } = register2023();
    const doc = createFakeWord({ existingAnnex: { tag: ANNEX_TAG, lines: ['oude bijlage'] } });
    const before = doc.text();
    await expect(insertAnnex(doc.context as never, planFor(entries, meetings))).rejects.toMatchObject({ code: 'already_present' });
    expect(doc.text()).toEqual(before);
    expect(doc.syncs).toBe(1);
  });

  test('Insert with the cursor inside the annex is refused: an annex is never put into an annex', async () => {
    const { entries } = registerOf(3);
    const doc = createFakeWord();
    await insertAnnex(doc.context as never, planFor(entries));
    doc.clerk.cursorInto(`entry:${entries[1].id}`);
    const before = doc.text();
    await expect(insertAnnex(doc.context as never, planFor(entries), { afresh: true })).rejects.toMatchObject({ code: 'cursor_in_annex' });
    expect(doc.text()).toEqual(before);
  });

  test('an annex from before parts existed is rewritten whole, once; the text around it is untouched', async () => {
    const doc = createFakeWord({ paragraphs: ['Voor', 'Na'], existingAnnex: { tag: ANNEX_TAG, lines: ['oude bijlage', 'Maatregel die niet meer bestaat'] } });
    doc.body.push({ kind: 'paragraph', style: 'Normal', runs: [{ text: 'Handtekening', italic: false, bold: false }] });
    const { entries, meetings } = registerOf(10);
    const plan = planFor(entries, meetings);
    const report = await refreshAnnex(doc.context as never, plan, { track: false, tracking: true });

    expect(report).toMatchObject({ mode: 'whole', reason: 'no_parts', syncs: 3 });
    expect(doc.syncs).toBe(3);
    const text = doc.text();
    expect(text.slice(0, 2)).toEqual(['Voor', 'Na']);
    expect(text[text.length - 1]).toBe('Handtekening');
    expect(text.join('\n')).not.toContain('oude bijlage');
    expect(text.filter((l) => /^ {4}Maatregel 1[;.]$/.test(l))).toHaveLength(1);
    expect(doc.controls(ANNEX_TAG)).toHaveLength(1);
    expect(doc.units()).toHaveLength(plan.units.length);
    // and from now on part by part
    const again = await refreshAnnex(doc.context as never, plan, { track: false, tracking: true });
    expect(again).toMatchObject({ mode: 'parts', counts: { unchanged: plan.units.length, replaced: 0 } });
  });

  test('Refresh says clearly when the document has no annex yet, after one read', async () => {
    const doc = createFakeWord();
    const before = doc.text();
    const error = await refreshAnnex(doc.context as never, planFor(registerOf(3).entries), REFRESH).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AddinError);
    expect((error as AddinError).code).toBe('no_annex');
    expect(doc.text()).toEqual(before);
    expect(doc.syncs).toBe(1);
  });

  test('a Word without WordApi 1.3 is refused before anything is written; tracking needs WordApi 1.4', () => {
    expect(() => assertRequirements({ isSetSupported: (name, v) => name === 'WordApi' && Number(v) <= 1.2 })).toThrow(
      expect.objectContaining({ code: 'requirement_missing' }),
    );
    expect(() => assertRequirements(undefined)).toThrow(expect.objectContaining({ code: 'requirement_missing' }));
    expect(() => assertRequirements({ isSetSupported: () => true })).not.toThrow();
    expect(capabilitiesOf(createFakeWord({ api: 3 }).requirements)).toEqual({ tracking: false });
    expect(capabilitiesOf(createFakeWord({ api: 4 }).requirements)).toEqual({ tracking: true });
  });

  test('hostile text reaches Word as plain text, never as markup; characters XML forbids are dropped', async () => {
    const entries = [entry({ title: { nl: `${HOSTILE} \u0001bel\u0007 \u000bregel\ud800 \ufffeeinde` }, domain: 'HR' })];
    const doc = createFakeWord();
    await insertAnnex(doc.context as never, planFor(entries));
    const inserted = doc.text().join('\n');
    expect(inserted).toContain(`${HOSTILE} bel  regel einde.`);

    expect(inserted).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/);
    expect(doc.controls(ANNEX_TAG)).toHaveLength(1);
    for (const part of doc.units()) expect(part.tag).toMatch(/^sr\/[A-Za-z0-9:_.~-]+@[0-9a-f]{8}$/);
  });

  test('a forgotten load() is caught by the mock: collection items read before sync are not the controls', async () => {
    const doc = createFakeWord({ existingAnnex: { tag: ANNEX_TAG, lines: ['x'] } });
    const collection = doc.context.document.contentControls.getByTag(ANNEX_TAG);
    expect(Array.isArray(collection.items)).toBe(false);
    collection.load('items/tag');
    await doc.context.sync();
    expect(collection.items).toHaveLength(1);
    const [control] = collection.items as Array<{ tag: string; text: string }>;
    expect(control.tag).toBe(ANNEX_TAG);
    expect(control.text).toBe('Error, property was not loaded');
  });

  test('the plan has every item of the annex, each part starting with a paragraph', () => {
    const { entries, meetings } = register2023();
    const plan = planFor(entries, meetings);
    expect(plan.units.every((u) => u.items[0].kind === 'paragraph')).toBe(true);
    expect(planItems(plan).filter((i) => i.kind === 'table')).toHaveLength(1);
  });
});
