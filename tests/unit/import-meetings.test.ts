import { planImport } from '../../src/import/plan';
import { proposeImport } from '../../src/import/pipeline';
import { readDocx } from '../../src/import/read-docx';
import { importIdOf } from '../support/import-fixtures';
import { reportWithMeetingsFr } from '../support/word-documents';

/** Measures a report tells only in its meeting accounts: proposed for review, written as mentions that are not listed. */

test('decisions told in prose and topics gone through become proposals, each with its meeting and a status', async () => {
  const bytes = await reportWithMeetingsFr();
  const p = proposeImport(await readDocx(bytes), { importId: importIdOf(bytes), fileName: 'rapport.docx' });
  expect(p.language).toBe('fr');
  expect(p.shape).toBe('list');
  expect(p.entries.map((e) => [e.block, e.section, e.title, e.status])).toEqual([
    ['meetings', 'Comité de pilotage du 12/03/2024', "Il a été décidé de lancer un marché conjoint pour la fourniture d'électricité", 'decided'],
    ['meetings', 'Comité de pilotage du 12/03/2024', 'Une discussion a été entamée sur un guichet social commun aux deux administrations', 'under_study'],
    ['meetings', 'Réunion informatique du 20/05/2024', 'Messagerie commune', 'under_study'],
    ['meetings', 'Réunion informatique du 20/05/2024', 'Le CPAS propose de partager le délégué à la protection des données avec la commune', 'proposed'],
    ['running', 'Personnel', 'Formations communes pour le personnel des deux administrations', 'existing'],
  ]);
  // what the account says after the decision, up to the next one, is its description
  expect(p.entries[0].description).toBe(
    "Il a été décidé de lancer un marché conjoint pour la fourniture d'électricité. Le cahier des charges sera prêt en juin.",
  );
  expect(p.entries[2].description).toMatch(/^Les deux administrations utilisent déjà le même fournisseur/);
  expect(p.entries[0].statusReason).toEqual({ code: 'meeting', detail: 'Comité de pilotage du 12/03/2024' });
  expect(p.entries[0].years).toContain(2024);

  const plan = planImport(p, [], [], { fr: 'Fontaine-aux-Pins' });
  const told = plan.creates.slice(0, 4).map((c) => c.entry);
  // not listed that year: the annex tells them in the meeting's account, its lists stay as printed
  expect(told.every((e) => e.mentions?.[0]?.listed === false && e.mentions[0].section === undefined)).toBe(true);
  expect(told[0]).toMatchObject({
    title: { fr: "Il a été décidé de lancer un marché conjoint pour la fourniture d'électricité" },
    startYear: 2024,
    status: 'decided',
  });
  expect(plan.creates[4].entry.mentions?.[0]).toMatchObject({ listed: true, section: 'Personnel' });
  expect(plan.template.report.blocks[0].sections.map((s) => s.title.fr)).toEqual(['Personnel']);
});
