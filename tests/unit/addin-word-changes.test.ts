import { CHANGES_TAG } from '../../addin/web/changes-section';
import { DocumentError, insertAnnex, insertBlocks } from '../../addin/word/operations';
import { planBlocks } from '../../addin/word/plan';
import type { SynergyEntry } from '../../src/domain/model';
import { changesBlocks } from '../../src/changes/changes-blocks';
import { changesBetween } from '../../src/changes/changes';
import { createFakeWord, type FakeParagraph, nodesText, paragraphText } from '../fakes/word';
import { entry } from './annex-fixtures';
import { planFor, sectionedRegister } from './addin-word-fixtures';

/** The pane's "what changed" section written into Word: its own content control, inserted again = replaced, two syncs. */

const m = (reportYear: number, status: SynergyEntry['status']) => ({ reportYear, status, italic: false, listed: true });

function changes(extra: string[] = []) {
  const register = [
    entry({ title: { nl: 'Gedeelde helpdesk' }, mentions: [m(2025, 'existing'), m(2026, 'existing')] }),
    entry({ title: { nl: '<script>alert(1)</script> =HYPERLINK("http://evil.example")' }, mentions: [m(2026, 'new')] }),
    entry({ title: { nl: 'Gezamenlijke aankoop van printers' }, mentions: [m(2025, 'existing'), m(2026, 'stopped')] }),
    ...extra.map((title) => entry({ title: { nl: title }, mentions: [m(2026, 'new')] })),
  ];
  return planBlocks(changesBlocks(changesBetween(register, 2025, 2026), 'nl'));
}

const paragraphsOf = (nodes: readonly unknown[]) => (nodes as FakeParagraph[]).filter((n) => n.kind === 'paragraph' && paragraphText(n) !== '');

test('inserted after the cursor in its own control, headings and lists in built-in styles, text from people kept as text, in two syncs', async () => {
  const doc = createFakeWord({ paragraphs: ['Toelichting', 'Cursor hier', 'Slot'], cursor: 1 });
  const result = await insertBlocks(doc.context as never, CHANGES_TAG, 'Wijzigingen 2026 ten opzichte van 2025', changes());
  expect(result).toMatchObject({ syncs: 2, replaced: false });
  expect(doc.syncs).toBe(2);
  expect(doc.body.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'control', 'paragraph']);
  const [control] = doc.controls(CHANGES_TAG);
  expect(control).toMatchObject({ title: 'Wijzigingen 2026 ten opzichte van 2025', appearance: 'BoundingBox' });
  expect(paragraphsOf(control.content).map((p) => [p.style, paragraphText(p)])).toEqual([
    ['Heading1', 'Wijzigingen 2026 ten opzichte van 2025'],
    ['Heading2', 'Nieuwe maatregelen (1)'],
    ['ListBullet', '<script>alert(1)</script> =HYPERLINK("http://evil.example") (Nieuw dit jaar)'],
    ['Heading2', 'Stopgezette of verdwenen maatregelen (1)'],
    ['ListBullet', 'Gezamenlijke aankoop van printers (Stopgezet)'],
  ]);
});

test('inserted again (the register changed) it replaces the first section, wherever the cursor is, still in two syncs', async () => {
  const doc = createFakeWord({ paragraphs: ['Toelichting', 'Cursor hier', 'Slot'], cursor: 1 });
  await insertBlocks(doc.context as never, CHANGES_TAG, 'Wijzigingen', changes());
  doc.clerk.cursorAtEnd();
  const again = await insertBlocks(doc.context as never, CHANGES_TAG, 'Wijzigingen', changes(['Eén loket voor huisvesting']));
  expect(again).toMatchObject({ syncs: 2, replaced: true });
  expect(doc.syncs).toBe(4);
  expect(doc.controls(CHANGES_TAG)).toHaveLength(1);
  const text = nodesText(doc.controls(CHANGES_TAG)[0].content);
  expect(text).toContain('Nieuwe maatregelen (2)');
  expect(text).toContain('Eén loket voor huisvesting (Nieuw dit jaar)');
  expect(text.match(/Wijzigingen 2026/g)).toHaveLength(1);
});

test('with the cursor inside the annex it is refused and nothing is written', async () => {
  const doc = createFakeWord({ paragraphs: ['Toelichting', 'Cursor hier', 'Slot'], cursor: 1 });
  const plan = planFor(sectionedRegister().entries);
  await insertAnnex(doc.context as never, plan);
  doc.clerk.cursorInto(plan.units[1].key);
  const before = JSON.stringify(doc.body);
  await expect(insertBlocks(doc.context as never, CHANGES_TAG, 'Wijzigingen', changes())).rejects.toMatchObject({ code: 'cursor_in_annex' });
  await expect(insertBlocks(doc.context as never, CHANGES_TAG, 'Wijzigingen', changes())).rejects.toBeInstanceOf(DocumentError);
  expect(JSON.stringify(doc.body)).toBe(before);
});
