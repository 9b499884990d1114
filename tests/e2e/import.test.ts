import type { AnnexBlock, AnnexModel } from '../../src/annex/model/types';
import type { ImportResult, ImportSummary } from '../../src/import/import-service';
import type { Candidate } from '../../src/import/match-register';
import type { ImportProposal } from '../../src/import/proposal';
import { sourceRecords } from '../../src/seed/demo-data';
import { startTestServer, type TestServer } from '../support/server';
import { handTypedReportNl, letter } from '../support/word-documents';

/** Import of a report over HTTP: upload (nothing written), review, confirm once, round trips through the annex. */

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function body<T>(res: Response): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${res.status} ${text}`);
  return JSON.parse(text) as T;
}

async function upload(server: TestServer, bytes: Buffer, name = 'verslag.docx') {
  return server.api(`/api/import?name=${encodeURIComponent(name)}`, { method: 'POST', body: new Uint8Array(bytes), headers: { 'content-type': DOCX } });
}

async function propose(server: TestServer, bytes: Buffer) {
  return body<{ proposal: ImportProposal; candidates: Record<string, Candidate[]> }>(await upload(server, bytes));
}

async function confirm(server: TestServer, proposal: ImportProposal) {
  return body<ImportResult>(await server.api('/api/import/confirm', { method: 'POST', json: proposal }));
}

async function annexDocx(server: TestServer, query: string): Promise<Buffer> {
  const res = await server.api(`/api/annex.docx?${query}`);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

async function annexModel(server: TestServer, query: string): Promise<AnnexModel> {
  return body<AnnexModel>(await server.api(`/api/annex?${query}`));
}

/** The measure part of an annex: section headings, sub-heads, items (with italics) and narrative paragraphs. */
function measureBlocks(model: AnnexModel): unknown[] {
  const from = model.blocks.findIndex((b) => b.kind === 'heading' && b.level === 1 && /SYNERG|^Financi/.test(b.text));
  return model.blocks.slice(from).map((b: AnnexBlock) => {
    if (b.kind === 'list') return b.items.map((i) => i.runs.map((r) => `${r.italic ? '*' : ''}${r.text}`).join(''));
    // domain, measure, status: an import does not bring amounts or deadlines, and empty columns are left out
    if (b.kind === 'table') return b.rows.map((r) => r.slice(0, 3));
    // without the meetings (not imported) the blocks are numbered one lower: compare the headings' texts
    if (b.kind === 'heading') return `${b.level} ${b.text}`;
    // a block's ref names the register record by id, which differs between the two registers
    if ('ref' in b) {
      const { ref: _ref, ...rest } = b;
      return rest;
    }
    return b;
  });
}

async function count(server: TestServer): Promise<{ entries: number; reports: number }> {
  const entries = await body<{ total: number }>(await server.api('/api/entries'));
  const reports = await body<{ items: unknown[] }>(await server.api('/api/reports'));
  return { entries: entries.total, reports: reports.items.length };
}

describe('import of a report (server)', () => {
  let demo: TestServer;
  beforeAll(async () => {
    demo = await startTestServer();
  });
  afterAll(async () => {
    await demo?.stop();
  });

  test.each([
    // Molenbeek 2023: 75 measures in the lists and 13 told only in the meeting accounts
    ['year=2023&lang=nl', 88],
    ['year=2023&lang=fr&table=true', 88],
    // Ukkel 2026: prose, a measure told in several paragraphs or sharing one (the register knows its paragraphs)
    ['year=2026&lang=nl', 43],
    ['year=2026&lang=fr', 43],
    ['year=2026&lang=fr&table=true', 43],
  ])('the annex %s imported into the register it came from changes nothing', async (query, measures) => {
    const before = await count(demo);
    const { proposal } = await propose(demo, await annexDocx(demo, query));
    expect(proposal.entries).toHaveLength(measures);
    expect(proposal.entries.every((e) => e.action === 'mention' && e.entryId)).toBe(true);
    expect(proposal.templateAction).toBe('keep');
    const result = await confirm(demo, proposal);
    expect(result).toMatchObject({ create: 0, mentionAdded: 0, mentionUpdated: 0, unchanged: measures, template: 'keep' });
    expect(await count(demo)).toEqual(before);
  });

  test('the demo annexes imported into an empty register reproduce the measures, and export the same annex again', async () => {
    const empty = await startTestServer({ demoData: false });
    try {
      for (const query of ['year=2023&lang=nl', 'year=2026&lang=nl&table=true']) {
        const { proposal } = await propose(empty, await annexDocx(demo, query));
        expect(proposal.entries.every((e) => e.action === 'create')).toBe(true);
        const result = await confirm(empty, proposal);
        expect(result.create).toBe(proposal.entries.length);
        expect(result.template).toBe('create');
        // the same annex comes out again: sections, sub-heads, items, italics, narrative paragraphs, table
        const original = await annexModel(demo, query);
        expect(measureBlocks(await annexModel(empty, query))).toEqual(measureBlocks(original));
      }
      // the demo's measures: as many, the listed ones with their titles, each meeting-only one with the words the demo quotes from its account
      const demoRecords = sourceRecords().filter((r) => r.report_year === 2023 || r.report_year === 2026);
      const isMeeting = (r: { section: string }) => r.section.startsWith('2. Vergaderingen');
      type Imported = { title: { nl?: string }; description: { nl?: string }; mentions: Array<{ listed: boolean }> };
      const entries = (await body<{ items: Imported[] }>(await empty.api('/api/entries'))).items;
      expect(entries).toHaveLength(demoRecords.length);
      const listed = entries.filter((e) => e.mentions.every((m) => m.listed));
      expect(listed.map((e) => e.title.nl).sort()).toEqual(
        demoRecords
          .filter((r) => !isMeeting(r))
          .map((r) => r.title)
          .sort(),
      );
      const told = entries.filter((e) => e.mentions.every((m) => !m.listed)).map((e) => (e.description.nl ?? '').replace(/\s+/g, ' '));
      const quoted = demoRecords.filter(isMeeting).map((r) => r.text!.split(' ... ')[0].split(/\s+/).slice(0, 8).join(' '));
      expect(told).toHaveLength(quoted.length);
      expect(quoted.map((q) => told.filter((d) => d.includes(q)).length)).toEqual(quoted.map(() => 1));
    } finally {
      await empty.stop();
    }
  });

  test('confirming twice, even at the same moment, creates nothing twice', async () => {
    const server = await startTestServer({ demoData: false });
    try {
      const { proposal } = await propose(server, await handTypedReportNl());
      const plan = await body<ImportSummary>(await server.api('/api/import/plan', { method: 'POST', json: proposal }));
      expect(plan).toMatchObject({ year: 2025, create: 6, template: 'create' });
      expect(await count(server)).toEqual({ entries: 0, reports: 0 });
      const [a, b] = await Promise.all([confirm(server, proposal), confirm(server, proposal)]);
      expect(a.create + b.create).toBe(6);
      const again = await confirm(server, proposal);
      expect(again).toMatchObject({ create: 0, alreadyCreated: 6 });
      expect(await count(server)).toEqual({ entries: 6, reports: 1 });
      // a new upload of the same report now finds every measure in the register
      const second = await propose(server, await handTypedReportNl());
      expect(second.proposal.entries.every((e) => e.action === 'mention')).toBe(true);
      expect(second.candidates.m1[0]).toMatchObject({ score: 1, reason: 'same_title' });
    } finally {
      await server.stop();
    }
  });

  test('the review decides: skip, merge with an existing entry, change the domain', async () => {
    const server = await startTestServer({ demoData: false });
    try {
      const first = await propose(server, await handTypedReportNl());
      await confirm(server, { ...first.proposal, entries: first.proposal.entries.slice(0, 2) });
      const { proposal } = await propose(server, await handTypedReportNl());
      const [m1, m2, m3, ...rest] = proposal.entries;
      const reviewed: ImportProposal = {
        ...proposal,
        year: 2024,
        entries: [
          m1,
          { ...m2, action: 'skip', entryId: null },
          { ...m3, action: 'mention', entryId: m1.entryId },
          ...rest.map((e) => ({ ...e, domain: 'OTHER' as const, domainReason: { code: 'clerk' } })),
        ],
      };
      const res = await server.api('/api/import/confirm', { method: 'POST', json: reviewed });
      expect(res.status).toBe(400);
      const error = (await res.json()) as { error: { issues: Array<{ field: string; reason: string }> } };
      expect(error.error.issues[0]).toMatchObject({ field: 'entries.2.entryId', reason: expect.stringMatching(/already receives measure m1/) });
      reviewed.entries[2] = { ...m3, action: 'create', entryId: null };
      const result = await confirm(server, reviewed);
      expect(result).toMatchObject({ year: 2024, create: 4, mentionAdded: 1, skipped: 1, template: 'create' });
      const created = await body<{ domain: string; mentions: Array<{ reportYear: number }> }>(await server.api(`/api/entries/${result.entries.m4}`));
      expect(created.domain).toBe('OTHER');
      const merged = await body<{ mentions: Array<{ reportYear: number; status: string }> }>(await server.api(`/api/entries/${m1.entryId}`));
      expect(merged.mentions.map((m) => m.reportYear)).toEqual([2024, 2025]);
    } finally {
      await server.stop();
    }
  });

  test('a file that is not a report is refused with what was expected, and nothing is written', async () => {
    const before = await count(demo);
    const res = await upload(demo, await letter(), 'brief.docx');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'not_a_report', message: expect.stringMatching(/Expected numbered section headings/) } });
    // the caller's language: a French or Dutch screen never gets the English text
    const fr = await demo.api('/api/import?name=lettre.docx', {
      method: 'POST',
      body: new Uint8Array(await letter()),
      headers: { 'content-type': DOCX, 'accept-language': 'fr-BE,fr;q=0.9' },
    });
    expect((await fr.json()).error.message).toMatch(/^Ce document ne ressemble pas à un rapport sur les synergies/);
    const nl = await demo.api('/api/import?name=brief.docx&lang=nl', {
      method: 'POST',
      body: new Uint8Array(await letter()),
      headers: { 'content-type': DOCX },
    });
    expect((await nl.json()).error.message).toMatch(/^Dit document lijkt geen synergieverslag/);
    const big = await upload(demo, Buffer.alloc(50 * 1024 * 1024, 1), 'groot.docx');
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'too_large', message: expect.stringMatching(/at most 10 MB/) } });
    const empty = await upload(demo, Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.code).toBe('empty_file');
    const bad = await demo.api('/api/import/confirm', { method: 'POST', json: { importId: 'nope' } });
    expect(bad.status).toBe(400);
    // a report whose year the clerk did not give
    const { proposal } = await propose(demo, await handTypedReportNl());
    const noYear = await demo.api('/api/import/confirm', { method: 'POST', json: { ...proposal, year: null } });
    expect(noYear.status).toBe(400);
    expect(((await noYear.json()) as { error: { issues: Array<{ field: string }> } }).error.issues[0].field).toBe('year');
    const noYearFr = await demo.api('/api/import/confirm?lang=fr', { method: 'POST', json: { ...proposal, year: null } });
    expect(((await noYearFr.json()) as { error: { issues: Array<{ code: string; message: string }> } }).error.issues[0]).toMatchObject({
      code: 'report_year_unknown',
      message: 'Année\u00a0: est obligatoire, car le document n’indique pas son exercice budgétaire',
    });
    expect(await count(demo)).toEqual(before);
  });
});
