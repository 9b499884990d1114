import { startGraphFake } from '../../tests/fakes/graph-fake';
import { openGraphStoreOnFake } from '../../tests/fakes/graph/store-on-fake';
import { seedBenchRegister } from './registers';

/**
 * The Graph fake in a process of its own, as SharePoint is: the time a bench measures is the server's, not the
 * fake's work of filtering and serialising list items. Started by `fork` with the register's size and the latency
 * per request; it answers `{ url, siteId }` once seeded, then `reset` (its request count to zero) and `stats`.
 */
type Message = { type: 'reset' } | { type: 'stats' } | { type: 'close' };

async function main(): Promise<void> {
  const [entries, latencyMs] = process.argv.slice(2).map(Number);
  const fake = await startGraphFake({ batchOrder: 'request', latencyMs });
  await (await openGraphStoreOnFake(fake)).close();
  seedBenchRegister(fake, entries);
  process.on('message', (message: Message) => {
    if (message.type === 'reset') fake.resetStats();
    if (message.type === 'stats') process.send!({ type: 'stats', requests: fake.stats.requests });
    if (message.type === 'close') void fake.close().then(() => process.exit(0));
  });
  process.send!({ type: 'ready', url: fake.url, siteId: fake.siteId });
}

void main();
