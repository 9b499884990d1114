import { readDocx } from '../../src/import/read-docx';
import { proposeImport } from '../../src/import/pipeline';
import { importProposal } from '../../src/import/proposal';
import { applyChanges, proposalChanges } from '../../src/import/proposal-changes';
import { ProposalCache } from '../../src/import/proposal-cache';
import { changesBetween } from '../../src/tab/web/views/import-changes';
import { mergeWithNext, moveTo, split } from '../../src/tab/web/views/import-edit';
import { buildReport, NL_NARRATIVE_CITY } from '../fixtures/import-corpus';

/** The review sends its decisions as changes against the proposal the server keeps: applied, they give the reviewed proposal back. */

async function proposal() {
  return proposeImport(await readDocx(await buildReport(NL_NARRATIVE_CITY)), { importId: 'b'.repeat(32), fileName: 'hoogdonk.docx' });
}

test('merge, split, move, a skip, a new title and template fields travel as changes and come back whole', async () => {
  const original = await proposal();
  const reviewed = structuredClone(original);
  split(reviewed, 'm1');
  mergeWithNext(reviewed, 'm3');
  moveTo(reviewed, 'm5', 0);
  reviewed.entries[2].action = 'skip';
  reviewed.entries[3].title = 'Nieuwe titel';
  reviewed.template.ocmwName = 'OCMW van de Stad Hoogdonk';
  reviewed.year = 2027;
  const changes = changesBetween(original, reviewed);
  // only what changed travels: far less than the proposal
  expect(JSON.stringify(changes).length).toBeLessThan(JSON.stringify(reviewed).length / 3);
  const applied = importProposal.parse(applyChanges(original, proposalChanges.parse(changes)));
  expect(applied).toEqual(importProposal.parse(reviewed));
});

test('a kept proposal is found by its id until it is too old or pushed out', () => {
  let now = 0;
  const cache = new ProposalCache(2, 1000, () => now);
  const matched = (id: string) => ({ proposal: { importId: id } as never, candidates: {} });
  cache.keep(matched('a'.repeat(32)));
  cache.keep(matched('b'.repeat(32)));
  cache.keep(matched('c'.repeat(32)));
  expect(cache.get('a'.repeat(32))).toBeUndefined();
  expect(cache.get('c'.repeat(32))).toBeDefined();
  now = 2000;
  expect(cache.get('c'.repeat(32))).toBeUndefined();
});
