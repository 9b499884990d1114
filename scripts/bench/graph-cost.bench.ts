import { fork } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { annexQuery, AnnexService } from '../../src/annex';
import { writeRegisterWorkbook } from '../../src/export';
import { Register } from '../../src/register';
import { withReadCache, withTallies } from '../../src/store';
import { type GraphFake, startGraphFake } from '../../tests/fakes/graph-fake';
import { openGraphStoreOnFake } from '../../tests/fakes/graph/store-on-fake';
import { seedBenchRegister } from './registers';

/**
 * Graph requests per user action on the SharePoint store, each on a fresh server (cold: nothing cached), at 1 000,
 * 5 000 and 50 000 entries with two actions each: tab page, filtered page, search, open actions, a vote (and the
 * card it answers with), who has not voted, the annex, the export. Request counts do not depend on the machine;
 * the first page is also timed against a Graph that takes 40 ms per request. The import's confirm is measured by
 * the import benchmark.
 */

const SIZES = [1_000, 5_000, 50_000];
const PAGE_SIZE = 200;
const LATENCY_MS = 40;
const TARGETS = { pageRequests: 3, pageMs: 1_000, openActionsMs: 2_000, voteRequests: 2 };

interface Cost {
  requests: number;
  ms: number;
}

function row(label: string, value: string | number, note = ''): void {
  console.log(`  ${label.padEnd(46)} ${String(value).padStart(14)}  ${note}`);
}

/** A Graph fake the bench talks to, in this process or its own, and its request count. */
interface Fake {
  url: string;
  siteId: string;
  reset(): Promise<void>;
  requests(): Promise<number>;
}

const inProcess = (fake: GraphFake): Fake => ({
  url: fake.url,
  siteId: fake.siteId,
  reset: async () => fake.resetStats(),
  requests: async () => fake.stats.requests,
});

/** The fake in a process of its own (graph-fake-process.ts), seeded with `entries`, answering in `latencyMs`. */
async function ownProcess(entries: number, latencyMs: number): Promise<Fake & { close(): Promise<void> }> {
  const child = fork(path.join(__dirname, `graph-fake-process${path.extname(__filename)}`), [String(entries), String(latencyMs)], {
    execArgv: process.execArgv,
  });
  const next = (type: string) =>
    new Promise<Record<string, unknown>>((resolve) => child.once('message', (m: Record<string, unknown>) => m.type === type && resolve(m)));
  const ready = await next('ready');
  return {
    url: String(ready.url),
    siteId: String(ready.siteId),
    reset: async () => void child.send({ type: 'reset' }),
    requests: async () => {
      const answer = next('stats');
      child.send({ type: 'stats' });
      return Number((await answer).requests);
    },
    close: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.send({ type: 'close' }))),
  };
}

/** A server as `createStore` composes it on SharePoint: the read cache, and the entries' tally kept beside them. */
async function fresh(fake: Fake): Promise<Register> {
  const store = withTallies(withReadCache(await openGraphStoreOnFake(fake, { pageSize: PAGE_SIZE }), { ttlMs: 30_000 }));
  return new Register(store, { now: () => new Date('2026-03-01T10:00:00Z') });
}

/** What one action costs on a server that has read nothing yet (its store opened: the lists' metadata read). */
async function cold(fake: Fake, action: (register: Register) => Promise<unknown>): Promise<Cost> {
  const register = await fresh(fake);
  await fake.reset();
  const t0 = performance.now();
  await action(register);
  const ms = performance.now() - t0;
  return { requests: await fake.requests(), ms };
}

/** The one-off count of a register that has no tally yet (written before it existed): read whole once. */
async function countTally(fake: Fake, register: Register): Promise<Cost> {
  await fake.reset();
  const t0 = performance.now();
  await register.store.entries.recount!();
  const ms = performance.now() - t0;
  return { requests: await fake.requests(), ms };
}

export async function benchGraphCost(): Promise<void> {
  const failures: string[] = [];
  console.log(`\nGraph requests per user action, cold (a server that has read nothing yet), page size ${PAGE_SIZE}`);
  const header = ['action', ...SIZES.map((n) => `${n.toLocaleString('en')}`)];
  const table: Record<string, string[]> = {};
  const add = (action: string, cost: Cost) => (table[action] ??= []).push(`${cost.requests} req`);
  for (const n of SIZES) {
    const graph = await startGraphFake({ batchOrder: 'request' });
    const fake = inProcess(graph);
    try {
      await (await openGraphStoreOnFake(graph)).close();
      seedBenchRegister(graph, n);
      const setup = await fresh(fake);
      // the register was written straight into the lists: the first server to read it counts its tally once
      add('counting the tally once (first server start)', await countTally(fake, setup));
      const group = await setup.focusGroups.create({ domain: 'ICT', name: { nl: 'ICT' } });
      const roster = Array.from({ length: 50 }, (_, i) => ({ id: `aad-${i}`, name: `Lid ${i}` }));
      const poll = await setup.polls.create(
        { focusGroupId: group.id, question: 'Akkoord?', options: ['ja', 'nee'], roster },
        { id: 'chair', name: 'Chair' },
        { publish: false },
      );
      await Promise.all(roster.slice(0, 25).map((m) => setup.polls.vote(poll.id, m, ['o1'])));

      add('tab page (first 50, with counts)', await cold(fake, (r) => r.entries.page({}, 0, 50)));
      add('filtered page (status)', await cold(fake, (r) => r.entries.page({ status: 'decided' }, 0, 50)));
      add('search page', await cold(fake, (r) => r.entries.page({ text: 'zonnepanelen' }, 0, 50)));
      add(
        'open actions (card of 10, with titles)',
        await cold(fake, async (r) => {
          const open = await r.actions.query({ open: true });
          await Promise.all(open.slice(0, 10).map((a) => r.store.entries.get(a.entryId!, { cached: true })));
        }),
      );
      // a vote on a server where the card was drawn (the ballots and names read once): what each further vote costs
      const voting = await fresh(fake);
      await voting.polls.view(poll.id, { id: 'someone' });
      graph.resetStats();
      const voters = roster.slice(25, 45);
      for (const v of voters) await voting.polls.view((await voting.polls.vote(poll.id, v, ['o2'])).poll, v);
      const perVote = graph.stats.requests / voters.length;
      (table['vote + the view it answers (per vote)'] ??= []).push(`${perVote.toFixed(1)} req`);
      if (perVote > TARGETS.voteRequests) failures.push(`a vote costs ${perVote.toFixed(1)} requests at ${n}`);
      add('who has not voted', await cold(fake, (r) => r.polls.nonVoters(poll.id, 'chair')));
      add(
        'annex model (budget year 2020)',
        await cold(fake, (r) => new AnnexService(r, { municipality: { nl: 'Ukkel', fr: 'Uccle' }, language: 'nl' }).model(annexQuery.parse({ year: '2020' }))),
      );
      add('export.xlsx', await cold(fake, (r) => writeRegisterWorkbook(r.store, 'nl', () => undefined)));
    } finally {
      await graph.close();
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...Object.entries(table).map(([k, v]) => (i === 0 ? k : v[i - 1]).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const [action, cells] of Object.entries(table)) console.log(line([action, ...cells]));

  // the first page and the filtered page at the largest size, against a Graph answering in 40 ms
  const n = SIZES[SIZES.length - 1];
  // the fake in its own process: the time measured is the server's, as against SharePoint
  const slow = await ownProcess(n, LATENCY_MS);
  try {
    await countTally(slow, await fresh(slow));
    console.log(`\n  At ${n.toLocaleString('en')} entries against a Graph in its own process taking ${LATENCY_MS} ms per request (cold)`);
    for (const [label, action] of [
      ['tab page', (r: Register) => r.entries.page({}, 0, 50)],
      ['filtered page (status)', (r: Register) => r.entries.page({ status: 'decided' }, 0, 50)],
    ] as const) {
      const cost = await cold(slow, action);
      const ok = cost.requests <= TARGETS.pageRequests && cost.ms < TARGETS.pageMs;
      row(
        label,
        `${cost.requests} req, ${(cost.ms / 1000).toFixed(2)} s`,
        `target ≤ ${TARGETS.pageRequests} requests and < ${TARGETS.pageMs / 1000} s ${ok ? 'ok' : 'MISSED'}`,
      );
      if (!ok) failures.push(`${label} at ${n} on SharePoint: ${cost.requests} requests, ${(cost.ms / 1000).toFixed(1)} s`);
    }
    const open = await cold(slow, async (r) => {
      const actions = await r.actions.query({ open: true });
      await Promise.all(actions.slice(0, 10).map((a) => r.store.entries.get(a.entryId!, { cached: true })));
    });
    row(
      'open actions',
      `${open.requests} req, ${(open.ms / 1000).toFixed(2)} s`,
      `target < ${TARGETS.openActionsMs / 1000} s ${open.ms < TARGETS.openActionsMs ? 'ok' : 'MISSED'}`,
    );
    if (open.ms >= TARGETS.openActionsMs) failures.push(`open actions at ${n} on SharePoint: ${(open.ms / 1000).toFixed(1)} s`);
  } finally {
    await slow.close();
  }
  if (failures.length) throw new Error(`Graph cost benchmark missed: ${failures.join('; ')}`);
}

if (require.main === module) {
  benchGraphCost().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
