import { knownParagraphs } from '../../src/import/narrative';
import { proposeImport } from '../../src/import/pipeline';
import { readDocx } from '../../src/import/read-docx';
import { importIdOf } from '../support/import-fixtures';
import { NARRATIVE_FR, narrativeReportFr } from '../support/word-documents';

/** A narrative report read back: which paragraphs make one measure, with the summary table, with the register, or neither. */

async function propose(table: boolean, known?: Parameters<typeof knownParagraphs>[0]) {
  const bytes = await narrativeReportFr({ table });
  return proposeImport(await readDocx(bytes), {
    importId: importIdOf(bytes),
    fileName: 'rapport.docx',
    ...(known ? { knownParagraphs: knownParagraphs(known) } : {}),
  });
}

/** The measures' texts as the annex keeps them: paragraphs apart, list lines as "- …"; a measure without its own shares the one before. */
const descriptions = NARRATIVE_FR.measures.map((m, i, all) => (m.paragraphs.length ? m.paragraphs : all[i - 1].paragraphs).join('\n\n'));

test('with its summary table: a measure told in several paragraphs (a lead-in and a list among them) is one measure, two told in one paragraph share it', async () => {
  const p = await propose(true);
  expect(p.shape).toBe('narrative');
  expect(p.template.sections.map((s) => s.label)).toEqual(['Finances', 'Emploi']);
  expect(p.entries.map((e) => [e.section, e.title])).toEqual(NARRATIVE_FR.measures.map((m) => [m.section, m.title]));
  expect(p.entries.map((e) => e.description)).toEqual(descriptions);
  expect(p.entries.every((e) => e.block === 'sections' && e.action === 'create' && e.language === 'fr')).toBe(true);
});

test('without a table, a paragraph is a measure, one that goes on ("Ils …", "Dans ce cadre …") and a lead-in with its list join it; nothing is lost', async () => {
  const p = await propose(false);
  // two measures told in one paragraph stay one proposal, for the clerk to split
  const told = NARRATIVE_FR.measures.filter((m) => m.paragraphs.length);
  expect(p.entries.map((e) => e.description)).toEqual(told.map((m) => m.paragraphs.join('\n\n').replace(/^(- .*)\n\n(?=- )/gm, '$1\n')));
  expect(p.entries.every((e) => e.action === 'create' && e.entryId === null)).toBe(true);
});

test('without a table, the register that holds the measures joins their paragraphs again, shared ones included', async () => {
  const register = NARRATIVE_FR.measures.map((m, i) => ({
    id: `e${i + 1}`,
    title: { fr: m.title, nl: `NL ${m.title}` },
    description: { fr: descriptions[i] },
  }));
  const p = await propose(false, register);
  expect(p.entries.map((e) => [e.action, e.entryId, e.title, e.description])).toEqual(register.map((r, i) => ['mention', r.id, r.title.fr, descriptions[i]]));
  // a register that knows one of them leaves the others to the clerk
  const partly = await propose(false, register.slice(0, 1));
  expect(partly.entries[0]).toMatchObject({ action: 'mention', entryId: 'e1', description: descriptions[0] });
  expect(partly.entries.slice(1).every((e) => e.action === 'create')).toBe(true);
});
