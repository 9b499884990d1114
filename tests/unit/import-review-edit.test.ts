import { readDocx } from '../../src/import/read-docx';
import { proposeImport } from '../../src/import/pipeline';
import { importProposal } from '../../src/import/proposal';
import { freshKey, mergeWithNext, moveTo, split, splitPoint } from '../../src/tab/web/views/import-edit';
import { buildReport, NL_NARRATIVE_CITY } from '../fixtures/import-corpus';

/** The review screen's merge, split and move: plain changes to the proposal that the server's schema still accepts. */

async function proposal() {
  const bytes = await buildReport(NL_NARRATIVE_CITY);
  return proposeImport(await readDocx(bytes), { importId: 'a'.repeat(32), fileName: 'hoogdonk.docx' });
}

test('split divides a measure told in two paragraphs, merge joins them again', async () => {
  const p = await proposal();
  const count = p.entries.length;
  const original = p.entries[0].description;
  const rest = split(p, 'm1')!;
  expect(rest.key).toBe(freshKey({ ...p, entries: p.entries.filter((e) => e !== rest) }));
  expect(p.entries[1]).toBe(rest);
  expect(rest.title).toMatch(/^Daarnaast stemmen zij de planning van de begrotingswijzigingen af/);
  expect(p.entries[0].description).toMatch(/liquiditeiten van beide besturen te beheren\.$/);
  expect(p.entries).toHaveLength(count + 1);
  expect(mergeWithNext(p, 'm1')).toBe(true);
  expect(p.entries).toHaveLength(count);
  expect(p.entries[0].description).toBe(original);
  expect(() => importProposal.parse(p)).not.toThrow();
});

test('a text of one sentence cannot be split; the last measure has nothing to merge with', async () => {
  const p = await proposal();
  expect(splitPoint('Eén zin zonder meer.')).toBeUndefined();
  expect(splitPoint('Eerste zin. Tweede zin.')).toEqual(['Eerste zin.', 'Tweede zin.']);
  expect(mergeWithNext(p, p.entries[p.entries.length - 1].key)).toBe(false);
});

test("move puts a measure under another section of the template, and into that section's part", async () => {
  const p = await proposal();
  const target = p.template.sections.findIndex((s) => s.label === 'Overheidsopdrachten');
  expect(moveTo(p, 'm2', target)).toBe(true);
  expect(p.entries[1]).toMatchObject({ section: 'Overheidsopdrachten', block: 'sections', subheading: null });
  expect(moveTo(p, 'm2', 999)).toBe(false);
});
