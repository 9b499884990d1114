import { performance } from 'node:perf_hooks';
import { POLL_VOTE_VERB } from '../../bot/cards/poll-card';
import { executeActivity, startFakeConnector } from '../../tests/fakes/bot-connector';
import { startGraphFake } from '../../tests/fakes/graph-fake';
import { botEnv, deliverActivity, graphStoreEnv, type Instance, startInstances, stopInstances } from '../../tests/support/instances';

/**
 * Vote throughput with one and with two server processes on one SharePoint store (the Graph fake with a
 * network-like latency): the same voters vote at once, spread round-robin over the instances; every
 * ballot must be stored. Prints votes/s for each; throws when a ballot is missing.
 */

const VOTERS = 200;
const GRAPH_LATENCY_MS = 15;

function row(label: string, value: string | number, note = ''): void {
  console.log(`  ${label.padEnd(44)} ${String(value).padStart(12)}  ${note}`);
}

async function votesPerSecond(count: number): Promise<{ perSecond: number; stored: number; failed: number; resent: number }> {
  const graph = await startGraphFake({ latencyMs: GRAPH_LATENCY_MS });
  const connector = await startFakeConnector();
  const bot = botEnv(connector);
  let instances: Instance[] = [];
  try {
    instances = await startInstances(count, { env: { ...graphStoreEnv(graph), ...bot.env } });
    const [first] = instances;
    const group = await (await first.api('/api/focus-groups', { method: 'POST', json: { domain: 'ICT', name: { nl: 'Bench' } } })).json();
    const poll = await (await first.api('/api/polls', { method: 'POST', json: { focusGroupId: group.id, question: 'Bench?', options: ['A', 'B', 'C'] } })).json();
    const where = { conversationId: 'a:bench' };
    const activities = Array.from({ length: VOTERS }, (_, i) =>
      executeActivity(connector.url, POLL_VOTE_VERB, { verb: POLL_VOTE_VERB, pollId: poll.id, choice: `o${(i % 3) + 1}` }, { id: `29:voter-${i}`, name: `Voter ${i}` }, where),
    );
    const start = performance.now();
    const responses = await Promise.all(activities.map((a, i) => deliverActivity(instances[i % count], a, bot.inboundToken())));
    const wall = performance.now() - start;
    return {
      perSecond: (VOTERS / wall) * 1000,
      stored: graph.itemCount('SynergyRegisterVotes'),
      failed: responses.filter((r) => r.status !== 200 || r.body?.type !== 'application/vnd.microsoft.card.adaptive').length,
      resent: responses.filter((r) => r.resent).length,
    };
  } finally {
    await stopInstances(instances);
    await connector.close();
    await graph.close();
  }
}

export async function benchInstances(): Promise<void> {
  console.log(`\nVotes on one poll, ${VOTERS} voters at once, SharePoint store (Graph fake, ${GRAPH_LATENCY_MS} ms per request)`);
  const failures: string[] = [];
  for (const count of [1, 2]) {
    const { perSecond, stored, failed, resent } = await votesPerSecond(count);
    const notes = [`${stored}/${VOTERS} ballots stored`, ...(failed ? [`${failed} failed`] : []), ...(resent ? [`${resent} re-sent after a dropped connection`] : [])];
    row(`${count} instance${count > 1 ? 's' : ''}: votes per second`, perSecond.toFixed(1), notes.join(', '));
    if (stored !== VOTERS || failed) failures.push(`${count} instance(s): ${stored}/${VOTERS} ballots stored, ${failed} invokes failed`);
  }
  if (failures.length) throw new Error(failures.join('; '));
}

if (require.main === module) {
  benchInstances().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
