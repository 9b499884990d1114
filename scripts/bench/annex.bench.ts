/**
 * Annex benchmark: context.sync calls (and time) for Insert and Refresh with 10 and 500 entries, against
 * office-addin-mock, and the time to build the .docx for 500 entries. Called by scripts/bench.ts; runs on
 * its own too: node dist/scripts/bench/annex.bench.js
 */
import Module from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildAnnexModel } from '../../src/annex/model';
import { repoRootFrom } from '../../src/host';
import { synergyEntry, meeting, type SynergyEntry } from '../../src/domain';
import { DOMAIN_CODES, type DomainCode } from '../../src/domain';

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
  const meetings = ['2024-09-14', '2024-12-07', '2025-01-19'].map((date, i) => ({
    ...meeting.parse({ body: 'steering_group', date, summary: { nl: `Vergadering ${i + 1}.` } }),
    id: `m${i}`,
  }));
  return { entries, meetings };
}

const ms = (start: number) => `${(performance.now() - start).toFixed(1)} ms`;
/** Word's own limit for this add-in: insert and refresh each in at most 4 round trips, whatever the size. */
const MAX_SYNCS = 4;

/** The register a year later: every 7th measure retitled, every 11th gone, one new, two edited by the clerk in Word. */
function nextYear(entries: Array<SynergyEntry & { id: string }>) {
  const changed = entries.map((e, i) => (i % 7 === 0 ? { ...e, title: { ...e.title, nl: `Herziene maatregel ${i + 1}` } } : e)).filter((_, i) => i % 11 !== 5);
  const added = {
    ...synergyEntry.parse({
      title: { nl: 'Nieuwe maatregel' },
      domain: 'HR',
      status: 'new',
      kind: 'synergy',
      formalisation: 'agreement',
      parties: ['gemeente'],
    }),
    id: 'new-1',
  };
  return [...changed, added];
}

export async function benchAnnex(): Promise<void> {
  ensureOfficeMockLoads();
  // loaded after the hook, so office-addin-mock resolves its dependency through it when needed
  const { createFakeWord } = await import('../../tests/fakes/word');
  const { insertAnnex, refreshAnnex } = await import('../../addin/word');
  const { planAnnex, planItems } = await import('../../addin/word');
  const { annexDocx } = await import('../../src/annex/docx');
  const modelOf = (entries: Array<SynergyEntry & { id: string }>, meetings: ReturnType<typeof registerOf>['meetings']) =>
    buildAnnexModel({
      entries,
      meetings,
      report: undefined,
      year: 2025,
      language: 'nl',
      includeTable: true,
      municipality: { nl: 'Sint-Jans-Molenbeek', fr: 'Molenbeek-Saint-Jean' },
    });

  console.log(`Annex (Word add-in, office-addin-mock): context.sync calls per action (target: at most ${MAX_SYNCS}, the same for 10 and 500 entries)`);
  const counts: number[][] = [];
  for (const size of [10, 500]) {
    const { entries, meetings } = registerOf(size);
    let start = performance.now();
    const plan = planAnnex(modelOf(entries, meetings));
    const planTime = ms(start);

    const doc = createFakeWord();
    start = performance.now();
    await insertAnnex(doc.context as never, plan);
    const insertSyncs = doc.syncs;
    const insertTime = ms(start);
    const insertOps = doc.operations;

    // refresh with nothing changed: reads only
    let before = doc.syncs;
    start = performance.now();
    const same = await refreshAnnex(doc.context as never, plan, { track: true, tracking: true });
    const sameSyncs = doc.syncs - before;
    const sameTime = ms(start);

    // refresh a year later, tracked: replaced, inserted, removed, kept and conflicts in one go
    for (const e of [entries[1], entries[7]]) doc.clerk.retype(`entry:${e.id}`, `Eigen tekst van de griffie bij ${e.id};`);
    const later = planAnnex(modelOf(nextYear(entries), meetings));
    before = doc.syncs;
    start = performance.now();
    const mixed = await refreshAnnex(doc.context as never, later, { track: true, tracking: true });
    const mixedSyncs = doc.syncs - before;
    const mixedTime = ms(start);
    const c = mixed.counts;

    console.log(
      `  ${String(size).padStart(3)} entries: insert ${insertSyncs} syncs (${insertTime}, ${insertOps} queued operations, ${plan.units.length} parts, ${planItems(plan).length} paragraphs/tables); ` +
        `refresh unchanged ${sameSyncs} syncs (${sameTime}, ${same.counts.unchanged} parts unchanged); ` +
        `refresh a year later, tracked ${mixedSyncs} syncs (${mixedTime}: ${c.replaced} replaced, ${c.inserted} inserted, ${c.removed} removed, ${c.kept} kept, ${c.conflict} conflicts); model+plan ${planTime}`,
    );
    counts.push([insertSyncs, sameSyncs, mixedSyncs]);
    if (Math.max(insertSyncs, sameSyncs, mixedSyncs) > MAX_SYNCS) throw new Error(`annex: more than ${MAX_SYNCS} context.sync calls for ${size} entries`);
  }
  if (counts[0].some((n, i) => n !== counts[1][i])) throw new Error(`annex: the sync count grows with the register (${counts[0]} vs ${counts[1]})`);

  const { entries, meetings } = registerOf(500);
  const model = buildAnnexModel({
    entries,
    meetings,
    report: undefined,
    year: 2025,
    language: 'nl',
    includeTable: true,
    municipality: { nl: 'Sint-Jans-Molenbeek', fr: 'Molenbeek-Saint-Jean' },
  });
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
