/**
 * Import confirmation on SharePoint: the bench's report of 2 000 measures (1 000 already in the register, 1 000 new)
 * proposed and confirmed against 5 000 entries held by the Graph fake, through the store as the server composes it
 * (read cache and the entries' tally included), each request answered after 30 ms. Prints the Graph requests of the
 * confirmation against ⌈writes / 20⌉ + 5, how many of them keep the entries' tally, and the time; fails when they
 * exceed the target (the tally's upkeep included). Called by scripts/bench.ts; runs on its own too:
 * node dist/scripts/bench/import-confirm.bench.js
 */
import { performance } from 'node:perf_hooks';
import { ImportService } from '../../src/import';
import { Register } from '../../src/register';
import { createStore } from '../../src/store';
import { fieldsOf, listSpecOf } from '../../src/store/graph';
import { startGraphFake } from '../../tests/fakes/graph-fake';
import { ENTRIES, MEASURES, registerEntry, reportOf } from './import.bench';

const LATENCY_MS = 30;
const PREFIX = 'SynergyRegister';
const tokens = { appOnly: async () => 'bench-token', onBehalfOf: async () => 'bench-token' };

/** Counts the requests sent to one list (by its id in the URL): the store's own fetch goes through global fetch. */
function countRequestsTo(listId: string): { count(): number; stop(): void } {
  const original = globalThis.fetch;
  let n = 0;
  globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes(`/lists/${listId}/`)) n++;
    return original(input, init);
  };
  return { count: () => n, stop: () => void (globalThis.fetch = original) };
}

export async function benchImportConfirm(): Promise<void> {
  const fake = await startGraphFake({ latencyMs: LATENCY_MS, batchOrder: 'random' });
  try {
    const store = createStore(
      { store: { kind: 'graph', siteId: fake.siteId, baseUrl: fake.url, listPrefix: PREFIX, pageSize: 200, cacheSeconds: 30 }, entra: {} },
      { deadline: () => undefined, tokenSource: tokens },
    );
    await store.init();
    const entries = listSpecOf('entries', PREFIX);
    fake.seedItems(
      entries.listName,
      Array.from({ length: ENTRIES }, (_, i) => fieldsOf(entries, registerEntry(i))),
    );
    const lists = (await (await fetch(`${fake.url}/sites/${fake.siteId}/lists`, { headers: { Authorization: 'Bearer bench-token' } })).json()) as {
      value: Array<{ id: string; displayName: string }>;
    };
    const tallies = lists.value.find((l) => l.displayName === listSpecOf('tallies', PREFIX).listName);
    if (!tallies) throw new Error('the store made no tallies list');

    const service = new ImportService(new Register(store), { nl: 'Bankstad' });
    const { proposal } = await service.propose(await reportOf(), 'bench.docx');
    const counts = () => ({ entries: fake.itemCount(entries.listName), history: fake.itemCount(listSpecOf('history', PREFIX).listName) });
    const before = counts();
    fake.resetStats();
    const tally = countRequestsTo(tallies.id);
    const t = performance.now();
    const result = await service.confirm(proposal, { id: 'bench', name: 'Bench' });
    const ms = performance.now() - t;
    tally.stop();
    const after = counts();
    // records written: entries, their history events, the mentions changed, and the year's template
    const writes = after.entries - before.entries + (after.history - before.history) + result.mentionAdded + result.mentionUpdated + 1;
    const target = Math.ceil(writes / 20) + 5;
    const own = fake.stats.requests - tally.count();
    console.log(
      `import confirm on SharePoint (Graph fake, ${LATENCY_MS} ms a request): ${MEASURES} measures into ${ENTRIES} entries ` +
        `(${result.create} created, ${result.mentionAdded + result.mentionUpdated} mentions) in ${(ms / 1000).toFixed(1)} s`,
    );
    console.log(
      `import confirm: ${fake.stats.requests} Graph requests for ${writes} writes (${fake.stats.byKind.batch ?? 0} $batch); ` +
        `${tally.count()} of them keep the entries' tally (${own} the confirmation's own); all of them against the target ⌈writes/20⌉ + 5 = ${target}`,
    );
    if (result.create + result.mentionAdded + result.mentionUpdated !== MEASURES)
      throw new Error(`confirmed ${JSON.stringify(result)}, not ${MEASURES} measures`);
    if (fake.stats.requests > target) throw new Error(`the confirmation sent ${fake.stats.requests} Graph requests (target ≤ ${target})`);
  } finally {
    await fake.close();
  }
}

if (require.main === module) {
  benchImportConfirm().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
