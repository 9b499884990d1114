import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { POLL_REFRESH_VERB, POLL_VOTE_VERB } from '../../bot/cards/poll-card';
import { botInstalledInTeam, cardTexts, executeActivity, type FakeConnector, postActivity, startFakeConnector } from '../fakes/bot-connector';
import { type GraphFake, startGraphFake } from '../fakes/graph-fake';
import { botEnv, deliverActivity, graphStoreEnv, type Instance, startInstance, startInstances, stopInstances } from '../support/instances';

/**
 * Two server processes on one SharePoint store (the Graph fake), as behind a load balancer: each has its
 * own read cache, card-update coalescing and poll sweep. Votes sent to either are all counted, an edit
 * through one shows through the other within GRAPH_CACHE_SECONDS, and a poll past its closing time is
 * closed, recorded and announced once although both sweeps see it. The embedded store, in contrast, refuses
 * a second process on its data folder.
 */

const CACHE_SECONDS = 2;
const SWEEP_MS = 250;
let graph: GraphFake;
let connector: FakeConnector;
let inboundToken: () => string;
let a: Instance;
let b: Instance;

const json = async (res: Response) => {
  const body = await res.json();
  if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(body)}`);
  return body;
};

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  graph = await startGraphFake();
  connector = await startFakeConnector();
  const bot = botEnv(connector);
  inboundToken = bot.inboundToken;
  [a, b] = await startInstances(2, {
    env: { ...graphStoreEnv(graph, CACHE_SECONDS), ...bot.env, TEST_INSTANCE_SWEEP_MS: String(SWEEP_MS) },
  });
}, 120_000);

afterAll(async () => {
  await stopInstances([a, b].filter(Boolean));
  await connector?.close();
  await graph?.close();
});

async function newEntry(via: Instance, title: string) {
  return json(
    await via.api('/api/entries', {
      method: 'POST',
      json: { title: { nl: title }, domain: 'ICT', status: 'in_progress', kind: 'synergy', formalisation: 'agreement' },
    }),
  );
}

test('two processes on one store, each on its own port', async () => {
  expect(a.pid).not.toBe(b.pid);
  expect(a.url).not.toBe(b.url);
  for (const instance of [a, b]) expect(await json(await instance.api('/api/health'))).toMatchObject({ status: 'ok', store: 'graph' });
});

test('votes spread over both instances are all counted, one ballot per voter', async () => {
  const group = await json(await a.api('/api/focus-groups', { method: 'POST', json: { domain: 'ICT', name: { nl: 'Focusgroep ICT' } } }));
  const poll = await json(
    await a.api('/api/polls', { method: 'POST', json: { focusGroupId: group.id, question: 'Which day?', options: ['Monday', 'Tuesday', 'Wednesday'] } }),
  );
  const where = { conversationId: 'a:voters' };
  const voters = Array.from({ length: 40 }, (_, i) => ({ id: `29:voter-${i}`, name: `Voter ${i}`, aadObjectId: `aad-voter-${i}` }));
  const vote = (voter: (typeof voters)[number], choice: string, via: Instance) =>
    deliverActivity(via, executeActivity(connector.url, POLL_VOTE_VERB, { verb: POLL_VOTE_VERB, pollId: poll.id, choice }, voter, where), inboundToken());

  const first = await Promise.all(voters.map((v, i) => vote(v, `o${(i % 3) + 1}`, i % 2 ? b : a)));
  expect(first.map((r) => `${r.status} ${r.body?.type}`)).toEqual(voters.map(() => '200 application/vnd.microsoft.card.adaptive'));
  // the first ten change their mind through the other instance: still one ballot each
  const second = await Promise.all(voters.slice(0, 10).map((v, i) => vote(v, 'o3', i % 2 ? a : b)));
  expect(second.map((r) => `${r.status} ${r.body?.type}`)).toEqual(second.map(() => '200 application/vnd.microsoft.card.adaptive'));

  const expected = [0, 0, 0];
  voters.forEach((_, i) => expected[i < 10 ? 2 : i % 3]++);
  // each instance reads the ballots through its own read cache: exact within GRAPH_CACHE_SECONDS
  for (const instance of [a, b]) {
    let counts: number[] = [];
    await until(
      async () => {
        const { tally } = await json(await instance.api(`/api/polls/${poll.id}`));
        counts = [...tally.options.map((o: { count: number }) => o.count), tally.ballots];
        return counts.join('/') === [...expected, voters.length].join('/') ? true : undefined;
      },
      (CACHE_SECONDS + 2) * 1000,
      `the tally ${[...expected, voters.length].join('/')} through instance ${instance.index} (last: ${counts.join('/')})`,
    ).catch(() => expect(counts).toEqual([...expected, voters.length]));
  }
  expect(graph.itemCount('SynergyRegisterVotes')).toBe(voters.length);
});

test('a voter who changes their mind through one instance and back through the other keeps the last ballot', async () => {
  // C keeps its reads for ten minutes, so that a decision taken from its read cache would show whatever the machine's load
  const c = await startInstance(2, { env: { ...graphStoreEnv(graph, 600), ...botEnv(connector).env, TEST_INSTANCE_SWEEP_MS: String(SWEEP_MS) } });
  try {
    const group = await json(await a.api('/api/focus-groups', { method: 'POST', json: { domain: 'ICT', name: { nl: 'Focusgroep stemwissel' } } }));
    const poll = await json(
      await a.api('/api/polls', { method: 'POST', json: { focusGroupId: group.id, question: 'Welke dag?', options: ['Maandag', 'Dinsdag'] } }),
    );
    const eve = { id: '29:eve-switch', name: 'Eve', aadObjectId: 'aad-eve-switch' };
    const where = { conversationId: 'a:eve-switch' };
    const press = async (via: Instance, verb: string, data: Record<string, unknown>) => {
      const { status, body } = await deliverActivity(via, executeActivity(connector.url, verb, { verb, pollId: poll.id, ...data }, eve, where), inboundToken());
      expect(status).toBe(200);
      return cardTexts(body.value);
    };

    expect(await press(c, POLL_VOTE_VERB, { choice: 'o1' })).toContain('Your vote: Maandag');
    expect(await press(c, POLL_REFRESH_VERB, {})).toContain('Your vote: Maandag');
    // the same press again (Teams re-sends, or a second click): nothing to change
    expect(await press(c, POLL_VOTE_VERB, { choice: 'o1' })).toContain('Your vote: Maandag');
    expect(await press(a, POLL_VOTE_VERB, { choice: 'o2' })).toContain('Your vote: Dinsdag');
    // C saw Maandag a moment ago; it must ask the store, not its read cache, whether this ballot changes anything
    expect(await press(c, POLL_VOTE_VERB, { choice: 'o1' })).toContain('Your vote: Maandag');

    // closing counts the ballots in the store, and its answer shows those: the last ballot Eve was shown
    const closed = await json(await a.api(`/api/polls/${poll.id}/close`, { method: 'POST' }));
    expect(closed.tally.options.map((o: { voters: string[] }) => o.voters)).toEqual([['Eve'], []]);
    expect(closed.outcome.text.nl).toMatch(/“Maandag” gekozen/);
  } finally {
    await c.stop();
  }
}, 120_000);

test('an edit through one instance shows through the other within the read cache time, and a stale edit is refused', async () => {
  const created = await newEntry(a, 'Gedeelde aankoopcentrale');
  const listedTitle = async (via: Instance) => {
    const { items } = await json(await via.api('/api/entries?domain=ICT'));
    return items.find((e: { id: string }) => e.id === created.id)?.title.nl as string | undefined;
  };
  // B reads the list (now in its cache), then A edits the entry
  await until(() => listedTitle(b), (CACHE_SECONDS + 2) * 1000, 'the new entry in B');
  const edited = await json(
    await a.api(`/api/entries/${created.id}`, {
      method: 'PATCH',
      json: { title: { nl: 'Gedeelde aankoopcentrale 2027' } },
      headers: { 'If-Match': created.etag },
    }),
  );
  // a single entry is read from the store, never from the cache
  expect((await json(await b.api(`/api/entries/${created.id}`))).title.nl).toBe('Gedeelde aankoopcentrale 2027');
  await until(async () => ((await listedTitle(b)) === 'Gedeelde aankoopcentrale 2027' ? true : undefined), (CACHE_SECONDS + 3) * 1000, 'the edit in B’s list');

  // B still holding the first version's eTag cannot overwrite A's edit unseen
  const stale = await b.api(`/api/entries/${created.id}`, { method: 'PATCH', json: { title: { nl: 'Oude versie' } }, headers: { 'If-Match': created.etag } });
  expect(stale.status).toBe(409);
  expect((await json(await a.api(`/api/entries/${created.id}`))).etag).toBe(edited.etag);
});

test('a poll past its closing time is closed, recorded on its entry and announced once, though both instances sweep', async () => {
  const team = { teamId: '19:team-two@thread.tacv2', channelId: '19:team-two@thread.tacv2' };
  expect(
    (await postActivity(a.url, botInstalledInTeam(connector.url, team.teamId, { id: '29:admin', name: 'Admin', aadObjectId: 'aad-admin' }), inboundToken()))
      .status,
  ).toBe(200);
  const group = await json(await a.api('/api/focus-groups', { method: 'POST', json: { domain: 'HR', name: { nl: 'Focusgroep HR' } } }));
  await json(
    await b.api(`/api/focus-groups/${group.id}`, { method: 'PATCH', json: { channel: { ...team, name: 'General' } }, headers: { 'If-Match': group.etag } }),
  );
  const entry = await newEntry(b, 'Gemeenschappelijke personeelsdienst');
  const closesAt = new Date(Date.now() + 2500).toISOString();
  const poll = await json(
    await b.api('/api/polls', {
      method: 'POST',
      json: { focusGroupId: group.id, entryId: entry.id, question: 'Samen aanwerven?', options: ['Ja', 'Nee'], closesAt },
    }),
  );
  expect(poll.posted).toBe(true);
  await postActivity(
    a.url,
    executeActivity(
      connector.url,
      POLL_VOTE_VERB,
      { verb: POLL_VOTE_VERB, pollId: poll.id, choice: 'o1' },
      { id: '29:eve', name: 'Eve', aadObjectId: 'aad-eve' },
      { conversationId: team.channelId, ...team },
    ),
    inboundToken(),
  );

  await until(async () => ((await json(await a.api(`/api/polls/${poll.id}`))).status === 'closed' ? true : undefined), 20_000, 'the sweep to close the poll');
  // give both sweeps several more rounds to (wrongly) act again
  await new Promise((r) => setTimeout(r, SWEEP_MS * 8));
  const decisions = (await json(await a.api(`/api/entries/${entry.id}`))).decisions.filter((d: { pollId?: string }) => d.pollId === poll.id);
  expect(decisions).toHaveLength(1);
  // the poll card was posted once; after closing, exactly one more message (the results) — by whichever
  // instance closed it — all signed with the bot's token
  const posts = connector.activities.filter((x) => x.method === 'POST' && x.conversationId === team.channelId);
  expect(posts.map((x) => x.id)).toEqual([poll.message.activityId, expect.any(String)]);
  expect(cardTexts(posts[1].body.attachments?.[0]?.content)).toContain('Samen aanwerven?');
  expect(connector.activities.every((x) => x.authorization?.startsWith('Bearer '))).toBe(true);
}, 60_000);

test('the embedded store serves one process: a second server on the same data folder refuses to start', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'two-instances-local-'));
  const env = { STORE: 'local', DATA_DIR: dataDir, DEMO_DATA: 'true' };
  const [first] = await startInstances(1, { env });
  try {
    const entries = await json(await first.api('/api/entries?limit=1'));
    expect(entries.total).toBeGreaterThan(0);
    const refused = await startInstance(1, { env }).then(
      async (second) => {
        await second.stop();
        return 'started';
      },
      (error: Error) => error.message,
    );
    expect(refused).toMatch(/exited \(1\) before listening/);
    expect(refused).toMatch(/in use by another Synergy Register process \(pid \d+/);
    // the first one goes on serving
    expect((await first.api('/api/health')).status).toBe(200);
  } finally {
    await first.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);
