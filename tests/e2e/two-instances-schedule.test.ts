import { DateTime } from 'luxon';
import { botInstalledInTeam, cardTexts, type FakeConnector, postActivity, startFakeConnector } from '../fakes/bot-connector';
import { type GraphFake, startGraphFake } from '../fakes/graph-fake';
import { botEnv, graphStoreEnv, type Instance, settle, startInstances, stopInstances } from '../support/instances';

/**
 * A poll's scheduled messages with two server processes on one SharePoint store (the Graph fake), both
 * running the timetable every 250 ms: a poll scheduled to open in a moment is published once (one card in
 * its channel), and its daily reminder, whose time has passed, is sent once (one reply in the card's thread
 * mentioning who on the roster has not voted) — though both processes see both due on every pass.
 */

const TEAM = '19:team-schedule@thread.tacv2';
let graph: GraphFake;
let connector: FakeConnector;
let inboundToken: () => string;
let instances: Instance[] = [];

const json = async (res: Response) => {
  const body = await res.json();
  if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(body)}`);
  return body;
};

beforeAll(async () => {
  graph = await startGraphFake();
  connector = await startFakeConnector();
  const bot = botEnv(connector);
  inboundToken = bot.inboundToken;
  instances = await startInstances(2, { env: { ...graphStoreEnv(graph, 2), ...bot.env, TEST_INSTANCE_SWEEP_MS: '250' } });
}, 180_000);

afterAll(async () => {
  await stopInstances(instances);
  await connector?.close();
  await graph?.close();
});

test('a scheduled poll is published once and its daily reminder sent once, though both instances run the timetable', async () => {
  const [a, b] = instances;
  expect(
    (await postActivity(a.url, botInstalledInTeam(connector.url, TEAM, { id: '29:admin', name: 'Admin', aadObjectId: 'aad-admin' }), inboundToken())).status,
  ).toBe(200);
  const group = await json(await a.api('/api/focus-groups', { method: 'POST', json: { domain: 'ICT', name: { nl: 'Focusgroep ICT' } } }));
  await json(
    await b.api(`/api/focus-groups/${group.id}`, {
      method: 'PATCH',
      json: { channel: { teamId: TEAM, channelId: TEAM, name: 'General' } },
      headers: { 'If-Match': group.etag },
    }),
  );
  const reminderTime = DateTime.now().setZone('Europe/Brussels').minus({ minutes: 1 }).toFormat('HH:mm');
  const poll = await json(
    await b.api('/api/polls', {
      method: 'POST',
      json: {
        focusGroupId: group.id,
        question: 'Gedeelde helpdesk vanaf januari?',
        options: ['Ja', 'Nee'],
        opensAt: new Date(Date.now() + 1500).toISOString(),
        roster: [
          { id: 'aad-ann', name: 'Ann Peeters' },
          { id: 'aad-bert', name: 'Bert Janssens' },
        ],
        reminderTime,
      },
    }),
  );
  expect(poll.status).toBe('scheduled');

  // the card is a new post in the channel; a reminder answers in its thread (replyToId: the card's activity)
  const posts = () => connector.activities.filter((x) => x.method === 'POST' && x.conversationId.split(';')[0] === TEAM);
  const cards = () => posts().filter((x) => !x.replyToId && !x.body.replyToId);
  const reminders = () => posts().filter((x) => x.replyToId || x.body.replyToId);
  await settle(() => cards().length + reminders().length, 40_000);
  expect(cards()).toHaveLength(1);
  expect(cardTexts(cards()[0].body.attachments?.[0]?.content).join('\n')).toContain('Gedeelde helpdesk vanaf januari?');
  expect(reminders()).toHaveLength(1);
  expect(reminders()[0].replyToId ?? reminders()[0].body.replyToId).toBe(cards()[0].id);
  expect(JSON.stringify(reminders()[0].body)).toMatch(/Ann Peeters[\s\S]*Bert Janssens|Bert Janssens[\s\S]*Ann Peeters/);
  expect((await json(await a.api(`/api/polls/${poll.id}`))).status).toBe('open');
}, 120_000);
