/**
 * Annex benchmark: context.sync calls (and time) for Insert and Refresh with 10 and 500 entries, against
 * office-addin-mock, and the time to build the .docx for 500 entries. Called by scripts/bench.ts; runs on
 * its own too: node dist/scripts/bench/annex.bench.js
 */
import Module from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildAnnexModel } from '../../src/domain/annex/build';
import { repoRootFrom } from '../../src/server/paths';
import { synergyEntry, meeting, type SynergyEntry } from '../../src/domain/model';
import { DOMAIN_CODES, type DomainCode } from '../../src/domain/vocabulary';

/**
 * office-addin-mock requires office-addin-manifest, whose dependencies are ESM-only. Node ≥ 20.19 loads
 * them (require of ESM); older Node cannot, so there the same tiny CommonJS shim as under Jest stands in.
 */
function ensureOfficeMockLoads(): void {
  try {
    require('office-addin-manifest');
  } catch {
    const shim = path.join(repoRootFrom(__dirname), 'tests', 'shims', 'office-addin-manifest.js');
    const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
    const original = resolver._resolveFilename;
    resolver._resolveFilename = (request, ...rest) => (request === 'office-addin-manifest' ? shim : original(request, ...rest));
  }
}

function registerOf(size: number) {
  const domains = DOMAIN_CODES as readonly DomainCode[];
  const entries: Array<SynergyEntry & { id: string }> = Array.from({ length: size }, (_, i) => ({
    ...synergyEntry.parse({
      title: { nl: `Maatregel ${i + 1}: gezamenlijke aanpak tussen gemeente en OCMW`, fr: `Mesure ${i + 1} : approche commune entre la commune et le CPAS` },
      description: { nl: 'Beschrijving van de maatregel, met de afspraken tussen beide besturen.' },
      domain: domains[i % domains.length],
      status: (['existing', 'new', 'proposed', 'in_progress'] as const)[i % 4],
      kind: 'synergy',
      formalisation: 'agreement',
      parties: ['gemeente', 'OCMW'],
      financialBenefit: { amountEur: 250 * (i + 1), confidence: 'estimate' },
    }),
    id: String(i + 1),
  }));
  const meetings = ['2024-09-14', '2024-12-07', '2025-01-19'].map((date, i) => ({ ...meeting.parse({ body: 'steering_group', date, summary: { nl: `Vergadering ${i + 1}.` } }), id: `m${i}` }));
  return { entries, meetings };
}

const ms = (start: number) => `${(performance.now() - start).toFixed(1)} ms`;

export async function benchAnnex(): Promise<void> {
  ensureOfficeMockLoads();
  // loaded after the hook, so office-addin-mock resolves its dependency through it when needed
  const { createFakeWord } = await import('../../addin/word/fake-word');
  const { insertAnnex, refreshAnnex } = await import('../../addin/word/operations');
  const { ANNEX_TAG, planAnnex } = await import('../../addin/word/plan');
  const { annexDocx } = await import('../../addin/docx/render');

  console.log('Annex (Word add-in, office-addin-mock): context.sync calls per action');
  for (const size of [10, 500]) {
    const { entries, meetings } = registerOf(size);
    let start = performance.now();
    const model = buildAnnexModel({ entries, meetings, report: undefined, year: 2025, language: 'nl', includeTable: true, municipality: { nl: 'Sint-Jans-Molenbeek', fr: 'Molenbeek-Saint-Jean' } });
    const plan = planAnnex(model);
    const planTime = ms(start);

    const insertDoc = createFakeWord();
    start = performance.now();
    await insertAnnex(insertDoc.context, plan);
    const insertTime = ms(start);

    const refreshDoc = createFakeWord({ existingAnnex: { tag: ANNEX_TAG, lines: ['oude bijlage'] } });
    start = performance.now();
    await refreshAnnex(refreshDoc.context, plan);
    const refreshTime = ms(start);

    console.log(
      `  ${String(size).padStart(3)} entries: insert ${insertDoc.syncs} syncs (${insertTime}), refresh ${refreshDoc.syncs} syncs (${refreshTime}); ` +
        `${plan.items.length} paragraphs/tables, ${insertDoc.operations} queued Word operations; model+plan ${planTime}`,
    );
    if (insertDoc.syncs > 3 || refreshDoc.syncs > 3) throw new Error(`annex: more than 3 context.sync calls for ${size} entries`);
  }

  const { entries, meetings } = registerOf(500);
  const model = buildAnnexModel({ entries, meetings, report: undefined, year: 2025, language: 'nl', includeTable: true, municipality: { nl: 'Sint-Jans-Molenbeek', fr: 'Molenbeek-Saint-Jean' } });
  await annexDocx(model); // warm-up
  const start = performance.now();
  const bytes = await annexDocx(model);
  console.log(`Annex .docx export, 500 entries with table: ${ms(start)} (${(bytes.length / 1024).toFixed(0)} KiB)`);
}

if (require.main === module) {
  benchAnnex().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
