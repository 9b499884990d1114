import type { ImportResult } from '../../src/import';
import type { ImportProposal } from '../../src/import/proposal';
import { type ServerOnStore, startServerOn } from '../reliability/both-stores';
import { bulletReport as report } from '../support/bulk-report';

/**
 * Confirming a large import on SharePoint (the Graph fake behind the real server): the writes travel in $batch
 * requests of 20, so 200 measures cost at most ⌈writes / 20⌉ + 5 Graph requests, progress is told while it writes,
 * and a confirmation cut short by SharePoint (503 beyond the retries) confirmed again writes only what is missing.
 */

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ENTRIES = 'SynergyRegisterEntries';
const HISTORY = 'SynergyRegisterHistory';

const known = (i: number) => `Gezamenlijke aankoop van kantoormateriaal voor dienst ${i} van gemeente en OCMW`;
const fresh = (i: number, year: number) => `Nieuwe samenwerking ${year} rond het onthaal van wijk ${i} met gedeelde loketten`;

let running: ServerOnStore;
const api = (...args: Parameters<ServerOnStore['server']['api']>) => running.server.api(...args);

async function propose(bytes: Buffer): Promise<ImportProposal> {
  const res = await api('/api/import?name=batch.docx', { method: 'POST', body: new Uint8Array(bytes), headers: { 'content-type': DOCX } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { proposal: ImportProposal }).proposal;
}

const confirm = (proposal: ImportProposal) => api('/api/import/confirm', { method: 'POST', json: proposal });
/** The target: ⌈writes / 20⌉ + 5 Graph requests for the whole confirmation (reads, the template, the register's tally). */
const allowed = (writes: number) => Math.ceil(writes / 20) + 5;
/** measure titles of the first import, by title: the entries the next year's report mentions */
const firstEntries = new Map<string, string>();

beforeAll(async () => {
  running = await startServerOn('graph', {}, { batchOrder: 'random' });
  // a first small report settles the commune's settings and the register's tally: what every later import finds
  const first = await propose(await report(2024, ['Gedeelde preventieadviseur voor gemeente en OCMW']));
  expect((await confirm(first)).status).toBe(201);
});
afterAll(async () => running?.stop());

test('200 new measures are confirmed with at most ⌈writes / 20⌉ + 5 Graph requests, and progress says 200 of 200', async () => {
  const fake = running.fake!;
  const proposal = await propose(
    await report(
      2025,
      Array.from({ length: 200 }, (_, i) => known(i + 1)),
    ),
  );
  expect(proposal.entries.filter((e) => e.action === 'create')).toHaveLength(200);
  const entriesBefore = fake.itemCount(ENTRIES);
  const historyBefore = fake.itemCount(HISTORY);
  fake.resetStats();
  const res = await confirm(proposal);
  expect(res.status).toBe(201);
  const result = (await res.json()) as ImportResult;
  expect(result.create).toBe(200);
  for (const e of proposal.entries) firstEntries.set(e.title, result.entries[e.key]);
  // 200 entries and their 200 "created" events (the year's template is one write more)
  const writes = fake.itemCount(ENTRIES) - entriesBefore + (fake.itemCount(HISTORY) - historyBefore);
  expect(writes).toBe(400);
  // the year's template is one write more
  expect(fake.stats.requests).toBeLessThanOrEqual(allowed(writes + 1));
  expect(fake.stats.innerByKind['item.create']).toBe(400);
  expect(await (await api(`/api/import/progress/${proposal.importId}`)).json()).toEqual({
    importId: proposal.importId,
    written: 200,
    total: 200,
    state: 'done',
  });
});

test('a report of the next year, half known and half new: mentions and creates both go in batches', async () => {
  const fake = running.fake!;
  const titles = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? known(i + 1) : fresh(i + 1, 2026)));
  const proposed = await propose(await report(2026, titles));
  // the clerk's review: each known measure goes to its entry, the others are new
  const proposal = {
    ...proposed,
    entries: proposed.entries.map((e) => {
      const entryId = firstEntries.get(e.title);
      return entryId ? { ...e, action: 'mention' as const, entryId } : { ...e, action: 'create' as const, entryId: null };
    }),
  };
  expect(proposal.entries.filter((e) => e.action === 'mention')).toHaveLength(100);
  fake.resetStats();
  const res = await confirm(proposal);
  expect(res.status).toBe(201);
  expect(await res.json()).toMatchObject({ create: 100, mentionAdded: 100 });
  // 100 entries, 100 mentions (a conditional PATCH each), and a history event for each of the 200
  const writes = 400;
  expect(fake.stats.innerByKind['item.update']).toBe(100);
  // the year's template is one write more
  expect(fake.stats.requests).toBeLessThanOrEqual(allowed(writes + 1));
  const mentioned = (await (await api(`/api/entries/${proposal.entries[0].entryId}`)).json()) as { mentions: Array<{ reportYear: number }> };
  expect(mentioned.mentions.map((m) => m.reportYear)).toEqual([2025, 2026]);
});

test('a confirmation cut short by SharePoint (503 beyond the retries) is confirmed again: only what is missing is written, nothing twice', async () => {
  const fake = running.fake!;
  const proposed = await propose(
    await report(
      2027,
      Array.from({ length: 300 }, (_, i) => fresh(i + 1, 2027)),
    ),
  );
  // the clerk's review: all new (the matcher may find last year's look-alikes)
  const proposal = { ...proposed, entries: proposed.entries.map((e) => ({ ...e, action: 'create' as const, entryId: null })) };
  const entriesBefore = fake.itemCount(ENTRIES);
  const historyBefore = fake.itemCount(HISTORY);
  // SharePoint answers 503 to the first 20 creates five times over (more than the retries outlast); the 180 others of
  // the first step of 200 are written, the step after it never starts
  fake.throttleNext(100, 0, { target: 'batchItem', status: 503 });
  fake.resetStats();
  const cut = await confirm(proposal);
  expect(cut.status).toBe(503);
  const progress = (await (await api(`/api/import/progress/${proposal.importId}`)).json()) as { written: number; total: number; state: string };
  expect(progress).toMatchObject({ total: 300, state: 'failed' });
  const partial = fake.itemCount(ENTRIES) - entriesBefore;
  expect(partial).toBe(180);
  expect(progress.written).toBe(0);

  // SharePoint is back: the same confirmation writes the rest
  const again = await confirm(proposal);
  expect(again.status).toBe(201);
  const result = (await again.json()) as ImportResult;
  expect(result.create).toBe(300 - partial);
  expect(result.alreadyCreated).toBe(partial);
  expect(fake.itemCount(ENTRIES) - entriesBefore).toBe(300);
  // each entry has its one "created" event: none lost with the cut, none written twice by the second confirmation
  expect(fake.itemCount(HISTORY) - historyBefore).toBe(300);
  expect(await (await api(`/api/import/progress/${proposal.importId}`)).json()).toMatchObject({ written: 300, total: 300, state: 'done' });
});
