import { AnnexService } from '../../src/annex/annex-service';
import type { AnnexModel } from '../../src/annex/model/types';
import { fold } from '../../src/domain/queries';
import { ImportService } from '../../src/import/import-service';
import { traceImport } from '../../src/import/pipeline';
import { readDocx } from '../../src/import/read-docx';
import { runsText } from '../../src/import/structure';
import type { ProposedEntry } from '../../src/import/proposal';
import { buildReport, CORPUS, type CorpusReport, trueMeasures } from '../fixtures/import-corpus';
import { tempRegister } from '../support/import-fixtures';

/**
 * Clerk-style reports of invented communes (tests/fixtures/import-corpus), each with its true measures: the import
 * finds nearly all of them, each in a proposal of its own, without over-splitting; it reads the commune; and after
 * confirming, the year's annex prints every measure once.
 */

const norm = (s: string) =>
  fold(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const textOf = (e: ProposedEntry) => norm(`${e.title} ${e.description} ${e.translation?.title ?? ''} ${e.translation?.description ?? ''}`);

/** For each true measure, the proposal that holds its words and no other measure's, or undefined. */
function ownProposals(report: CorpusReport, entries: readonly ProposedEntry[]): Array<ProposedEntry | undefined> {
  const probes = trueMeasures(report).map((m) => norm(m.probe));
  return probes.map((probe) => entries.find((e) => textOf(e).includes(probe) && probes.every((other) => other === probe || !textOf(e).includes(other))));
}

/** The stage at which a measure's words were lost: not in the outline, not in any measure, or not in a proposal of its own. */
async function lostAt(report: CorpusReport, probe: string): Promise<string> {
  const trace = traceImport(await readDocx(await buildReport(report)), { importId: 'a'.repeat(32), fileName: 'x.docx' });
  const placed = trace.outlines.flatMap((o) =>
    o.placed.map((p) => norm(p.content.kind === 'table' ? p.content.rows.flat().join(' ') : runsText(p.content.runs))),
  );
  if (!placed.some((t) => t.includes(norm(probe).slice(0, 40)))) return 'outline';
  if (!trace.measures.flat().some((d) => norm(`${d.title} ${d.description}`).includes(norm(probe)))) return 'measures';
  return 'drafts';
}

/** How many times each register record is printed: consecutive blocks of one measure are one print. */
function printsOf(model: AnnexModel): Map<string, number> {
  const refs: string[] = [];
  for (const block of model.blocks) {
    if (block.kind === 'list') for (const item of block.items) refs.push(item.ref ?? '');
    else refs.push('ref' in block ? (block.ref ?? '') : '');
  }
  const prints = new Map<string, number>();
  refs.forEach((ref, i) => {
    if (ref && ref !== refs[i - 1]) prints.set(ref, (prints.get(ref) ?? 0) + 1);
  });
  return prints;
}

function annexText(model: AnnexModel): string {
  return norm(
    model.blocks
      .map((b) =>
        b.kind === 'list'
          ? b.items.map((i) => i.runs.map((r) => r.text).join('')).join(' ')
          : 'runs' in b
            ? b.runs.map((r) => r.text).join('')
            : 'text' in b
              ? b.text
              : '',
      )
      .join(' '),
  );
}

test('the corpus covers the shapes clerks type', () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(8);
  expect(new Set(CORPUS.map((r) => r.id)).size).toBe(CORPUS.length);
  for (const r of CORPUS) expect(trueMeasures(r).length).toBeGreaterThanOrEqual(7);
});

describe.each(CORPUS.map((r) => [r.id, r] as const))('%s', (_id, report) => {
  let store: Awaited<ReturnType<typeof tempRegister>>;
  let service: ImportService;
  beforeAll(async () => {
    store = await tempRegister(false);
    service = new ImportService(store.register, { nl: 'Demo-gemeente', fr: 'Commune démo' });
  });
  afterAll(() => store.close());

  test('finds ≥ 95 % of the true measures each in its own proposal, with at most 1.25 × as many proposals, and reads the commune', async () => {
    const measures = trueMeasures(report);
    const { proposal } = await service.propose(await buildReport(report), `${report.id}.docx`);
    const own = ownProposals(report, proposal.entries);
    const missed = await Promise.all(measures.filter((_, i) => !own[i]).map(async (m) => `${m.title} (lost at: ${await lostAt(report, m.probe)})`));
    const found = measures.length - missed.length;
    // on failure, the measures missed are listed
    if (found / measures.length < 0.95) expect(missed).toEqual([]);
    expect(proposal.entries.length).toBeLessThanOrEqual(Math.floor(1.25 * measures.length));
    expect(proposal.language).toBe(report.language);
    expect(proposal.year).toBe(report.year);
    expect([proposal.template.municipality, proposal.template.bodyKind, proposal.template.region]).toEqual([
      report.municipality,
      report.bodyKind,
      report.region,
    ]);
    // titles are short: the table row, the item, or the first sentence's first clause; the full text stays the description
    expect(proposal.entries.filter((e) => e.title.length > 150).map((e) => e.title)).toEqual([]);
  });

  test('after confirming, the year’s annex prints every measure once', async () => {
    const { proposal } = await service.propose(await buildReport(report), `${report.id}.docx`);
    const result = await service.confirm(proposal, { id: 'clerk', name: 'Clerk' });
    const model = await new AnnexService(store.register, { municipality: { nl: 'Demo-gemeente', fr: 'Commune démo' }, language: 'nl' }).model({
      year: report.year,
      lang: report.language,
    });
    expect(model.meta.unplaced).toEqual([]);
    expect(model.meta.municipality).toBe(report.municipality);
    const prints = printsOf(model);
    const own = ownProposals(report, proposal.entries);
    const text = annexText(model);
    // a Walloon template cites the CDLD; a bilingual report's other language prints its own texts
    if (report.region === 'wallonia') expect(text).toContain('l1122 11');
    if (report.id === 'bilingual-brussels') {
      const nl = await new AnnexService(store.register, { municipality: { nl: 'Demo-gemeente', fr: 'Commune démo' }, language: 'nl' }).model({
        year: report.year,
        lang: 'nl',
      });
      expect(nl.meta.counts.fallbackTexts).toBe(0);
      expect(annexText(nl)).toContain(norm('Gezamenlijke deelname aan het gewestelijke WePulse-programma'));
      expect(nl.meta.municipality).toBe('Sint-Amands-Berg');
    }
    trueMeasures(report).forEach((m, i) => {
      const entry = own[i];
      if (!entry) return;
      const id = result.entries[entry.key];
      if (m.meeting) expect([m.title, text.includes(norm(m.probe))]).toEqual([m.title, true]);
      else expect([m.title, prints.get(`entry:${id}`)]).toEqual([m.title, 1]);
    });
  });

  test('imported again into the register it created, each proposal is a mention of its entry: nothing is created twice', async () => {
    const { proposal } = await service.propose(await buildReport(report), `${report.id}.docx`);
    const creates = proposal.entries.filter((e) => e.action === 'create').map((e) => e.title);
    expect(creates).toEqual([]);
    const result = await service.confirm(proposal, { id: 'clerk', name: 'Clerk' });
    expect(result.create).toBe(0);
  });
});
