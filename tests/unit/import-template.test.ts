import { planImport } from '../../src/import/plan';
import { proposeImport } from '../../src/import/pipeline';
import { readDocx } from '../../src/import/read-docx';
import { importIdOf } from '../support/import-fixtures';
import { HAND_TYPED_NL, handTypedReportNl } from '../support/word-documents';

/** What an import writes into the year's report template (issue-8's model): wording, blocks and sections. */

async function proposal() {
  const bytes = await handTypedReportNl();
  return proposeImport(await readDocx(bytes), { importId: importIdOf(bytes), fileName: 'verslag.docx' });
}

test("the report typed by hand becomes the year's template: its title, citation, introduction and sections per block", async () => {
  const plan = planImport(await proposal(), [], [], { nl: 'Elders' });
  const report = plan.template.report;
  expect(plan.template.action).toBe('create');
  expect(report.budgetYear).toBe(2025);
  expect(report.municipality.nl).toBe(HAND_TYPED_NL.municipality);
  expect(report.title.nl).toBe(`Verslag synergieën gemeente – OCMW ${HAND_TYPED_NL.municipality}`);
  expect(report.legalCitation.nl).toMatch(/^Artikel 26bis/);
  expect(report.introText.nl).toMatch(/De stuurgroep kwam drie keer samen/);
  const titles = (lifecycle: 'running' | 'proposals' | 'stopped') =>
    report.blocks.find((b) => b.lifecycles.includes(lifecycle))!.sections.map((s) => s.title.nl);
  expect(titles('running')).toEqual(HAND_TYPED_NL.running.map((s) => s.section));
  expect(titles('proposals')).toEqual(HAND_TYPED_NL.proposals.map((s) => s.section));
  expect(titles('stopped')).toEqual([]);
  const personeel = report.blocks[0].sections[0];
  expect(personeel).toMatchObject({ key: expect.any(String), gather: { by: 'domain', domains: ['HR'] } });
  // a section that gathers the measure by its domain needs no explicit placement
  expect(plan.creates.every((c) => c.entry.section === undefined)).toBe(true);
});

test('a measure the clerk gives another domain stays in the section it was printed under (explicit section)', async () => {
  const p = await proposal();
  const helpdesk = p.entries.findIndex((e) => e.title === 'Eén helpdesk voor beide besturen');
  p.entries[helpdesk] = { ...p.entries[helpdesk], domain: 'HR', domainReason: { code: 'clerk' } };
  const plan = planImport(p, [], [], { nl: 'Elders' });
  const informatica = plan.template.report.blocks[0].sections.find((s) => s.title.nl === 'Informatica')!;
  expect(plan.creates.find((c) => c.entry.title.nl === 'Eén helpdesk voor beide besturen')!.entry.section).toBe(informatica.key);
  expect(plan.creates.filter((c) => c.entry.section !== undefined)).toHaveLength(1);
});
