import { DateTime } from 'luxon';
import { Register } from '../../src/register/register-service';
import { cardTexts, type FakeConnector, startFakeConnector } from '../fakes/bot-connector';
import { type GraphFake, startGraphFake } from '../fakes/graph-fake';
import { openGraphStoreOnFake } from '../fakes/graph/store-on-fake';
import { botEnv, graphStoreEnv, type Instance, settle, startInstances, stopInstances } from '../support/instances';

/**
 * The weekly digests with two server processes on one SharePoint store (the Graph fake), both running the
 * timetable every 300 ms and both due to send right now: each owner gets one 1:1 message and the focus
 * group's channel one summary across both processes. An owner whose chat Teams refuses is left for a retry
 * and nobody else gets a second message. (Restarts and retries: tests/unit/digests.test.ts, fake clock.)
 */

const TEAM = 'team-digest';
const CHANNEL = '19:digest@thread.tacv2';
let graph: GraphFake;
let connector: FakeConnector;
let instances: Instance[] = [];

/** Weekday and time of a slot that has just passed in Brussels: the digests are due at once. */
function slotJustPassed(): { weekday: string; time: string } {
  const now = DateTime.now().setZone('Europe/Brussels').minus({ minutes: 1 });
  return { weekday: String(now.weekday), time: now.toFormat('HH:mm') };
}

beforeAll(async () => {
  graph = await startGraphFake();
  connector = await startFakeConnector();
  // The register is set up through the store itself (before any instance runs a timetable): a focus group
  // bound to a channel the bot is installed in, overdue actions of three owners, one not due yet.
  const store = await openGraphStoreOnFake(graph);
  const register = new Register(store);
  const group = await register.focusGroups.create({
    domain: 'ICT',
    name: { nl: 'Focusgroep ICT' },
    channel: { teamId: TEAM, channelId: CHANNEL, name: 'ICT' },
  });
  const entry = await register.entries.create(
    { title: { nl: 'Gedeelde servers' }, domain: 'ICT', status: 'in_progress', kind: 'synergy', formalisation: 'agreement', focusGroupId: group.id },
    { name: 'Test' },
  );
  await store.conversations.upsertByKey({
    key: `${TEAM}|${CHANNEL}`,
    teamId: TEAM,
    channelId: CHANNEL,
    channelName: 'ICT',
    serviceUrl: connector.url,
    tenantId: 'tenant-1',
    conversationId: CHANNEL,
    botId: '28:synergy-bot',
    updatedAt: new Date().toISOString(),
  });
  const owners = [
    { id: 'aad-ann', name: 'Ann Peeters' },
    { id: 'aad-bert', name: 'Bert Janssens' },
    { id: 'aad-gone', name: 'Gone Person' },
  ];
  for (const [i, owner] of owners.entries())
    await register.actions.create({ entryId: entry.id, title: `Overdue action ${i + 1}`, owner, dueDate: `2020-01-0${i + 1}` });
  await register.actions.create({ entryId: entry.id, title: 'Later action', owner: owners[0], dueDate: '2099-01-01' });
  await store.close();
  connector.refuse.add('a:chat-aad-gone');
  const slot = slotJustPassed();
  instances = await startInstances(2, {
    env: { ...graphStoreEnv(graph, 2), ...botEnv(connector).env, TEST_INSTANCE_SWEEP_MS: '300', DIGEST_WEEKDAY: slot.weekday, DIGEST_TIME: slot.time },
  });
}, 180_000);

afterAll(async () => {
  await stopInstances(instances);
  await connector?.close();
  await graph?.close();
});

test('each digest is sent once although two instances run the timetable', async () => {
  const chats = () => connector.activities.filter((x) => x.method === 'POST' && x.conversationId.startsWith('a:chat-'));
  const summaries = () => connector.activities.filter((x) => x.method === 'POST' && x.conversationId === CHANNEL);
  await settle(() => chats().length + summaries().length, 30_000);
  expect(
    chats()
      .map((x) => x.conversationId)
      .sort(),
  ).toEqual(['a:chat-aad-ann', 'a:chat-aad-bert']);
  expect(summaries()).toHaveLength(1);
  const annCard = chats().find((x) => x.conversationId === 'a:chat-aad-ann')!.body.attachments![0].content;
  expect(cardTexts(annCard)).toEqual(expect.arrayContaining(['**Overdue action 1**']));
  expect(cardTexts(annCard).join('\n')).not.toContain('Later action');
  expect(cardTexts(summaries()[0].body.attachments![0].content).join('\n')).toContain('Overdue action 3');
  // The refused owner was tried (a 1:1 chat was asked for) and is waiting for a retry; nobody else got a second message.
  expect(connector.created.some((c) => JSON.stringify(c).includes('aad-gone'))).toBe(true);
}, 90_000);
