import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnnexService } from '../../src/annex/annex-service';
import { Register } from '../../src/register/register-service';
import { loadDemoDataIfEmpty, sourceRecords } from '../../src/seed/demo-data';
import { createLocalStore } from '../../src/store/local/local-store';
import type { RegisterStore } from '../../src/store/store';

const config = {
  auth: {
    mode: 'local' as const,
    user: { id: 'local-developer', name: 'Lokale ontwikkelaar', email: 'developer@localhost.localdomain' },
    role: 'admin' as const,
  },
  municipality: { nl: 'Sint-Jans-Molenbeek', fr: 'Molenbeek-Saint-Jean' },
};

describe('demo data from the Molenbeek 2023 and Ukkel 2026 reports', () => {
  let dir: string;
  let store: RegisterStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'demo-'));
    store = createLocalStore(dir);
    await store.init();
    expect(await loadDemoDataIfEmpty(store, config)).toEqual({ entries: 131, meetings: 5, actions: 11, focusGroups: 5 });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is the same data as the shared transcription of both reports', () => {
    const shared = (name: string) => JSON.parse(readFileSync(path.join(__dirname, '../../src/seed/data', name), 'utf8'));
    expect(sourceRecords().map((r) => r.id)).toEqual([...shared('records-molenbeek-2023.json'), ...shared('records-ukkel-2026.json')].map((r: any) => r.id));
  });

  it('holds every measure with its verbatim text, status and report mention', async () => {
    const entries = await store.entries.list();
    const molenbeek = entries.filter((e) => e.mentions[0].reportYear === 2023);
    const ukkel = entries.filter((e) => e.mentions[0].reportYear === 2026);
    expect([molenbeek.length, ukkel.length]).toEqual([88, 43]);
    expect(molenbeek.filter((e) => e.mentions[0].italic)).toHaveLength(18);
    expect(molenbeek.filter((e) => !e.mentions[0].listed)).toHaveLength(13);

    const dpo = entries.find((e) => e.source?.startsWith('MOL23-11'))!;
    expect(dpo.description.nl).toContain('(in 2022, +/- 6.500 euro aan diensten)');
    const borrowing = entries.find((e) => e.status === 'rejected')!;
    expect(borrowing.mentions[0].section).toBe('Financiën');
    const housing = entries.find((e) => e.source?.startsWith('MOL23-48'))!;
    expect(housing).toMatchObject({ domain: 'SOC.HOUS', subheading: { nl: 'Huisvesting' }, mentions: [{ section: 'Maatschappelijk' }] });
  });

  it('links Molenbeek measures to their focus group and decisions to the steering-group meetings', async () => {
    const groups = await store.focusGroups.list();
    expect(groups.map((g) => g.name.nl)).toEqual([
      'Focusgroep IT',
      'Focusgroep overheidsopdrachten',
      'Focusgroep personeel',
      'Focusgroep IDPBW',
      'Focusgroep communicatie',
    ]);
    const it = groups[0];
    const itEntries = await store.entries.list({ field: 'focusGroupId', equals: it.id });
    expect(itEntries.every((e) => e.domain === 'ICT' || e.domain === 'ICT.SEC')).toBe(true);
    expect(itEntries.length).toBeGreaterThan(5);

    const meetings = await store.meetings.list();
    const first = meetings.find((m) => m.date === '2022-09-14')!;
    expect(first.summary.nl).toMatch(/^Het hoofddoel van de eerste vergadering van de stuurgroep/);
    expect(first.decisions).toHaveLength(5);
    const energy = (await store.entries.get(first.decisions[0].entryIds[0]))!;
    expect(energy.decisions).toEqual([expect.objectContaining({ body: 'steering_group', date: '2022-09-14', meetingId: first.id })]);
  });

  it('loads only into an empty register', async () => {
    expect(await loadDemoDataIfEmpty(store, config)).toBeUndefined();
    expect(await store.entries.list()).toHaveLength(131);
  });

  it('keeps each municipality’s own report template, and the coming year’s from the list preset', async () => {
    const reports = await store.reports.list();
    expect(reports.map((r) => [r.budgetYear, r.shape, r.blocks.map((b) => [b.lifecycles.join('+'), b.sections.length])])).toEqual([
      [
        2023,
        'list',
        [
          ['running', 10],
          ['proposals', 8],
          ['stopped', 0],
        ],
      ],
      [2026, 'narrative', [['running+proposals+stopped', 13]]],
      [
        2027,
        'list',
        [
          ['running', 24],
          ['proposals', 22],
          ['stopped', 0],
        ],
      ],
    ]);
  });

  it('the coming year’s annex places every measure of the register (nothing "not placed" in a fresh demo)', async () => {
    const annex = new AnnexService(new Register(store), { municipality: config.municipality, language: 'fr' });
    const model = await annex.model({ year: 2027, lang: 'fr' });
    expect(model.meta.unplaced).toEqual([]);
    expect(model.meta.template).toEqual({ budgetYear: 2027, preset: 'molenbeek-list', machineTranslations: 'list' });
    expect(model.meta.counts.fallbackTexts).toBe(0);
  });
});
