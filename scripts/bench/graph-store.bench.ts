import { synergyEntry } from '../../src/domain';
import { fieldsOf, listSpecOf } from '../../src/store/graph';
import { withReadCache } from '../../src/store';
import { startGraphFake, type GraphFake } from '../../tests/fakes/graph-fake';
import { openGraphStoreOnFake } from '../../tests/fakes/graph/store-on-fake';
import { BULK_PAGE } from '../../src/store';

/** Round trips, not CPU, decide how the Graph store feels and what it costs in SharePoint resource units. */

const LATENCY_MS = 20;
const PAGE_SIZE = 200;
const BATCH_SIZE = 20;
/** A store opening on a provisioned site reads the lists and their columns once. */
const METADATA_REQUESTS = 1;

interface Row {
  operation: string;
  n: number;
  requests: number;
  minimum: number;
  ms: number;
}

function sampleEntry(n: number) {
  return synergyEntry.parse({
    title: { nl: `Maatregel ${n}`, fr: `Mesure ${n}` },
    domain: 'ICT',
    status: n % 3 === 0 ? 'decided' : 'proposed',
    kind: 'synergy',
    formalisation: 'agreement',
    startYear: 2015 + (n % 10),
    description: { nl: 'Gezamenlijke aankoop van licenties en gedeelde helpdesk.'.repeat(3) },
  });
}

async function withFake<T>(run: (fake: GraphFake) => Promise<T>): Promise<T> {
  const fake = await startGraphFake({ latencyMs: LATENCY_MS, batchOrder: 'random' });
  try {
    return await run(fake);
  } finally {
    await fake.close();
  }
}

async function measureLoad(n: number): Promise<Row> {
  return withFake(async (fake) => {
    await (await openGraphStoreOnFake(fake, { pageSize: PAGE_SIZE })).close();
    const list = listSpecOf('entries', 'SynergyRegister');
    fake.seedItems(
      list.listName,
      Array.from({ length: n }, (_, i) => fieldsOf(list, sampleEntry(i + 1))),
    );
    fake.resetStats();
    const started = performance.now();
    const store = await openGraphStoreOnFake(fake, { pageSize: PAGE_SIZE });
    const loaded = await store.entries.list();
    const ms = performance.now() - started;
    if (loaded.length !== n) throw new Error(`loaded ${loaded.length} of ${n} entries`);
    return { operation: 'open + entries.list()', n, requests: fake.stats.requests, minimum: Math.max(1, Math.ceil(n / BULK_PAGE)) + METADATA_REQUESTS, ms };
  });
}

async function measureCreateMany(n: number): Promise<Row> {
  return withFake(async (fake) => {
    const store = await openGraphStoreOnFake(fake, { pageSize: PAGE_SIZE });
    const values = Array.from({ length: n }, (_, i) => sampleEntry(i + 1));
    fake.resetStats();
    const started = performance.now();
    const created = await store.entries.createMany(values);
    const ms = performance.now() - started;
    if (created.length !== n || fake.itemCount('SynergyRegisterEntries') !== n) throw new Error(`created ${created.length} of ${n} entries`);
    return { operation: 'entries.createMany()', n, requests: fake.stats.requests, minimum: Math.ceil(n / BATCH_SIZE), ms };
  });
}

/** The register re-reads whole collections per request; the server's read cache answers repeats within its TTL. */
async function measureCachedReread(n: number): Promise<Row> {
  return withFake(async (fake) => {
    const list = listSpecOf('entries', 'SynergyRegister');
    const store = withReadCache(await openGraphStoreOnFake(fake, { pageSize: PAGE_SIZE }), { ttlMs: 30_000 });
    fake.seedItems(
      list.listName,
      Array.from({ length: n }, (_, i) => fieldsOf(list, sampleEntry(i + 1))),
    );
    await store.entries.list();
    fake.resetStats();
    const started = performance.now();
    for (let i = 0; i < 10; i++) if ((await store.entries.list()).length !== n) throw new Error('cached read lost entries');
    return { operation: '10 × entries.list() (cached)', n, requests: fake.stats.requests, minimum: 0, ms: performance.now() - started };
  });
}

function printTable(rows: Row[]): void {
  const header = ['operation', 'N', 'requests', 'minimum', 'wall ms', 'at minimum'];
  const cells = rows.map((r) => [r.operation, String(r.n), String(r.requests), String(r.minimum), r.ms.toFixed(0), r.requests === r.minimum ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(
    `Graph store against the local Graph fake (${LATENCY_MS} ms per request, page ${PAGE_SIZE}, a whole-list read ${BULK_PAGE} a request: SharePoint's largest page; batch ${BATCH_SIZE})`,
  );
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

export async function benchGraphStore(): Promise<void> {
  const rows: Row[] = [];
  for (const n of [100, 1000, 5000]) rows.push(await measureLoad(n));
  rows.push(await measureCreateMany(500));
  rows.push(await measureCachedReread(5000));
  printTable(rows);
  const missed = rows.filter((r) => r.requests !== r.minimum);
  if (missed.length > 0) throw new Error(`Graph requests above the minimum: ${missed.map((r) => `${r.operation} N=${r.n}`).join(', ')}`);
}
