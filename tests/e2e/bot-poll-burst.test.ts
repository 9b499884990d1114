import { createBotSurface } from '../../bot/surface';
import {
  cardTexts,
  executeActivity,
  type FakeConnector,
  messageActivity,
  postActivity,
  type RecordedActivity,
  startFakeConnector,
  validateCard,
  type Where,
} from '../fakes/bot-connector';
import { startTestServer, type TestServer } from '../support/server';

/**
 * A burst of votes over HTTP on a poll whose card is in a channel: every voter is answered at once with their own
 * view, the shared card is not rewritten under them (a burst costs no update of the message), and closing writes
 * the shared card once more, frozen with every ballot, as the last update of that message, before the results.
 */

const ANN = { id: '29:ann', name: 'Ann Peeters', aadObjectId: 'aad-ann' };
const TEAM = 'team-burst';
const CHANNEL = '19:burst@thread.tacv2';
const IN_CHANNEL: Where = { conversationId: `${CHANNEL};messageid=900`, teamId: TEAM, channelId: CHANNEL };
const VOTERS = 40;

let connector: FakeConnector;
let server: TestServer;
let groupId: string;

beforeAll(async () => {
  connector = await startFakeConnector();
  server = await startTestServer({ demoData: false, env: { DIGESTS: 'false' }, surfaces: [createBotSurface({ sweepIntervalMs: 60_000 })] });
  groupId = (await server.register.focusGroups.create({ domain: 'ICT', name: { nl: 'Focusgroep ICT' }, channel: { teamId: TEAM, channelId: CHANNEL } })).id;
});

afterAll(async () => {
  await server?.stop();
  await connector?.close();
});

async function execute(verb: string, data: Record<string, unknown>, from: typeof ANN, options: { replyToId?: string } = {}) {
  const res = await postActivity(server.url, executeActivity(connector.url, verb, { verb, ...data }, from, IN_CHANNEL, options));
  expect(res.status).toBe(200);
  return res.body as { statusCode: number; type: string; value: Record<string, unknown> };
}

const card = (a: RecordedActivity) => a.body.attachments![0].content;
const tally = (c: unknown) => cardTexts(c).filter((t) => /^(Yes|No): \d+/.test(t));

test(`${VOTERS} votes at once: each answered with the voter's own view, no update of the shared card; closing writes it last with all ${VOTERS}, then the results`, async () => {
  await postActivity(server.url, messageActivity(connector.url, 'poll', ANN, IN_CHANNEL, 'en-US'));
  const created = await execute('poll.create', { question: 'Shall we?', options: 'Yes\nNo', focusGroupId: groupId, entryId: '', language: 'en' }, ANN, {
    replyToId: 'form-burst',
  });
  const pollId = String((created.value.refresh as { action: { data: { pollId: string } } }).action.data.pollId);
  // the form became the poll: one update of that message
  await connector.waitFor((a) => a.method === 'PUT' && a.activityId === 'form-burst');
  const puts = () => connector.activities.filter((a) => a.method === 'PUT' && a.activityId === 'form-burst');
  expect(puts()).toHaveLength(1);

  const answers = await Promise.all(
    Array.from({ length: VOTERS }, (_, i) =>
      execute('poll.vote', { pollId, choice: i % 4 === 0 ? 'o2' : 'o1' }, { id: `29:voter-${i}`, name: `Voter ${i}`, aadObjectId: `aad-voter-${i}` }),
    ),
  );
  for (const [i, answer] of answers.entries()) {
    expect(answer.statusCode).toBe(200);
    expect(cardTexts(answer.value)).toContain(`Your vote: ${i % 4 === 0 ? 'No' : 'Yes'}`);
  }
  expect(await server.register.polls.votes(pollId)).toHaveLength(VOTERS);
  expect(puts()).toHaveLength(1);

  const closed = await execute('poll.close', { pollId }, ANN);
  expect(closed.statusCode).toBe(200);
  const results = await connector.waitFor(
    (a) => a.method === 'POST' && a.conversationId.startsWith(CHANNEL) && cardTexts(card(a)).some((t) => t.startsWith('Results of poll')),
  );
  expect(puts()).toHaveLength(2);
  const frozen = puts()[1];
  expect(validateCard(card(frozen))).toEqual([]);
  expect(card(frozen).refresh).toBeUndefined();
  expect(tally(card(frozen))).toEqual([expect.stringMatching(/^Yes: 30 \(75%\)/), expect.stringMatching(/^No: 10 \(25%\)/)]);
  // nothing touched the poll's message after its frozen card, and the results came after it
  const after = connector.activities.slice(connector.activities.indexOf(frozen) + 1);
  expect(after.filter((a) => a.activityId === 'form-burst')).toEqual([]);
  expect(after).toContain(results);
});
