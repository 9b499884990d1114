import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBotSurface } from '../../bot/surface';
import { activityRequestKey } from '../../bot/turn';
import { MAX_REQUEST_KEY } from '../../src/register/polls/service';
import { apiRequestKey } from '../../src/server/api/idempotency';
import {
  botInstalledInTeam,
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
 * Teams re-sends an activity when the bot took more than 15 s, and a server may restart in between:
 * a poll is created once per activity (or per API Idempotency-Key) and its card posted once, and its
 * language lives with the poll, not in the process. Every test restarts the server on the same data
 * directory at least once, so nothing here can pass on memory alone.
 */

const ANN = { id: '29:ann', name: 'Ann Peeters', aadObjectId: 'aad-ann' };
const BERT = { id: '29:bert', name: 'Bert Janssens', aadObjectId: 'aad-bert' };
const PERSONAL: Where = { conversationId: 'a:personal-ann' };
const TEAM = 'team-idem';
const ICT_CHANNEL = '19:ict-idem@thread.tacv2';
const IN_CHANNEL: Where = { conversationId: ICT_CHANNEL, teamId: TEAM, channelId: ICT_CHANNEL };

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'synergy-bot-idem-'));
let connector: FakeConnector;
let server: TestServer;
let ids: { ictGroup: string; hrGroup: string };

/** A fresh server process as far as the bot is concerned: new surface, new runtime, same data. */
async function start(): Promise<void> {
  server = await startTestServer({
    demoData: false,
    dataDir,
    env: { DEFAULT_LANGUAGE: 'en' },
    surfaces: [createBotSurface({ sweepIntervalMs: 200 })],
  });
}

async function restart(): Promise<void> {
  await server.stop();
  await start();
}

function since(before: number): RecordedActivity[] {
  return connector.activities.slice(before);
}

function cardOf(a: RecordedActivity): Record<string, unknown> {
  const card = a.body.attachments?.[0]?.content;
  if (!card) throw new Error(`activity ${a.id} has no card: ${JSON.stringify(a.body)}`);
  expect(validateCard(card)).toEqual([]);
  return card;
}

async function pollsAsking(question: string) {
  return (await server.register.store.polls.list()).filter((p) => p.question === question);
}

async function post(activity: unknown) {
  const res = await postActivity(server.url, activity);
  expect(res.status).toBe(200);
  return res;
}

beforeAll(async () => {
  connector = await startFakeConnector();
  await start();
  const ict = await server.register.focusGroups.create({
    domain: 'ICT',
    name: { nl: 'Focusgroep ICT', fr: 'Groupe de travail TIC' },
    channel: { teamId: TEAM, channelId: ICT_CHANNEL },
  });
  const hr = await server.register.focusGroups.create({ domain: 'HR', name: { nl: 'Focusgroep HR' } });
  ids = { ictGroup: ict.id, hrGroup: hr.id };
  connector.teams.set(TEAM, [{ id: ICT_CHANNEL, name: 'ICT' }]);
  await post(botInstalledInTeam(connector.url, TEAM, ANN));
});

afterAll(async () => {
  await server?.stop();
  await connector?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a poll is created once per activity', () => {
  test('the same poll message delivered twice — in a row, at once, after a restart — makes one poll and one card', async () => {
    const question = 'Delivered twice?';
    // "sondage" is French: the poll and the answers are French (the language of the command word).
    const activity = messageActivity(connector.url, `sondage groupe=ICT ${question} | Yes | No`, ANN, PERSONAL, 'en-US');
    const before = connector.activities.length;
    await post(activity);
    await post(activity);
    const [poll, ...more] = await pollsAsking(question);
    expect(more).toHaveLength(0);
    expect(poll).toMatchObject({ requestKey: `activity:${PERSONAL.conversationId}:${activity.id}`, language: 'fr' });
    const sent = since(before);
    expect(sent.filter((a) => a.conversationId === ICT_CHANNEL)).toHaveLength(1);
    expect(sent.filter((a) => a.conversationId === PERSONAL.conversationId).map((a) => a.body.text)).toEqual([`Sondage ${poll.id} lancé. (ICT)`]);
    expect(poll.message).toMatchObject({ conversationId: ICT_CHANNEL, activityId: sent.find((a) => a.conversationId === ICT_CHANNEL)!.id });

    // Two deliveries at the same moment (the first still at work when Teams re-sends).
    const racing = messageActivity(connector.url, 'poll group=ICT Delivered at once? | Yes | No', ANN, PERSONAL, 'en-US');
    const beforeRace = connector.activities.length;
    await Promise.all([post(racing), post(racing), post(racing)]);
    expect(await pollsAsking('Delivered at once?')).toHaveLength(1);
    expect(since(beforeRace).filter((a) => a.conversationId === ICT_CHANNEL)).toHaveLength(1);
    expect(since(beforeRace).filter((a) => a.conversationId === PERSONAL.conversationId)).toHaveLength(1);

    // After a restart the process remembers nothing: the stored request key answers.
    await restart();
    const beforeRestart = connector.activities.length;
    await post(activity);
    await post(racing);
    expect(await pollsAsking(question)).toHaveLength(1);
    expect(await pollsAsking('Delivered at once?')).toHaveLength(1);
    expect(since(beforeRestart)).toEqual([]);

    // A new message with the same text is a new request: a second poll.
    await post(messageActivity(connector.url, `poll group=ICT ${question} | Yes | No`, ANN, PERSONAL, 'fr-BE'));
    expect(await pollsAsking(question)).toHaveLength(2);
  });

  test('a poll created but never posted (the first delivery died) is posted by the re-sent one', async () => {
    const question = 'Posted on the retry?';
    const activity = messageActivity(connector.url, `poll group=HR ${question} | A | B`, ANN, PERSONAL, 'nl-BE');
    // What the first delivery left behind: the poll with its request key, no card yet.
    const orphan = await server.register.store.polls.create({
      focusGroupId: ids.hrGroup,
      entryId: null,
      question,
      options: [
        { id: 'o1', label: 'A' },
        { id: 'o2', label: 'B' },
      ],
      multipleChoice: false,
      anonymous: false,
      closesAt: null,
      opensAt: null,
      status: 'open',
      sealed: false,
      roster: null,
      quorum: null,
      reminderTime: null,
      createdBy: { name: ANN.name, id: ANN.aadObjectId },
      createdAt: new Date().toISOString(),
      closedAt: null,
      message: null,
      language: 'nl',
      requestKey: activityRequestKey(PERSONAL.conversationId, activity.id),
    });
    await restart();
    const before = connector.activities.length;
    await post(activity);
    await post(activity);
    expect(await pollsAsking(question)).toHaveLength(1);
    const sent = since(before);
    expect(sent).toHaveLength(1);
    expect(cardTexts(cardOf(sent[0]))).toContain(question);
    expect((await server.register.store.polls.get(orphan.id))!.message).toMatchObject({ conversationId: PERSONAL.conversationId, activityId: sent[0].id });
  });

  test('a submitted poll form delivered twice (also after a restart) makes one poll; the repeat gets the same card', async () => {
    const question = 'Form sent twice?';
    const data = { verb: 'poll.create', question, options: 'Mon\nTue', focusGroupId: ids.ictGroup, entryId: '' };
    const where: Where = { ...IN_CHANNEL, conversationId: `${ICT_CHANNEL};messageid=4242` };
    const invoke = executeActivity(connector.url, 'poll.create', data, ANN, where, { locale: 'nl-BE', replyToId: 'form-4242' });
    const before = connector.activities.length;
    const first = await post(invoke);
    const second = await post(invoke);
    await restart();
    const third = await post(invoke);
    const [poll, ...more] = await pollsAsking(question);
    expect(more).toHaveLength(0);
    expect(poll).toMatchObject({ language: 'nl', message: { activityId: 'form-4242' }, requestKey: activityRequestKey(where.conversationId, invoke.id) });
    for (const res of [first, second, third]) {
      expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
      expect(validateCard(res.body.value)).toEqual([]);
      expect(cardTexts(res.body.value)).toContain(question);
      expect(cardTexts(res.body.value)[0]).toBe(`Stemming #${poll.id} · Focusgroep ICT`);
    }
    // The form message became the poll once; nothing else was sent.
    const sent = since(before);
    expect(sent.map((a) => `${a.method} ${a.activityId ?? ''}`)).toEqual(['PUT form-4242']);

    // The Action.Submit fallback (a message with the form's values): the repeat sends nothing.
    const fallback = messageActivity(connector.url, '', ANN, PERSONAL, 'en-US', { ...data, question: 'Fallback twice?', focusGroupId: ids.hrGroup });
    const beforeFallback = connector.activities.length;
    await post(fallback);
    const afterFirst = since(beforeFallback).length;
    expect(afterFirst).toBe(2); // the poll card, then the sender's own view of it
    await post(fallback);
    await restart();
    await post(fallback);
    expect(since(beforeFallback)).toHaveLength(afterFirst);
    expect(await pollsAsking('Fallback twice?')).toHaveLength(1);
  });

  test('request keys of very long conversation ids stay within the limit and stay the same', () => {
    const long = `19:${'x'.repeat(400)}@thread.v2`;
    const key = activityRequestKey(long, '1700000000000');
    expect(key.length).toBeLessThanOrEqual(300);
    expect(key).toBe(activityRequestKey(long, '1700000000000'));
    expect(key).not.toBe(activityRequestKey(long, '1700000000001'));
    expect(activityRequestKey('a:chat', '42')).toBe('activity:a:chat:42');
  });
});

describe('POST /api/polls with an Idempotency-Key', () => {
  const body = { focusGroupId: '', question: 'Through the API once?', options: ['Yes', 'No'] };

  test('the same key twice (and after a restart) gives one poll and one card: 201, then 200 with it', async () => {
    const json = { ...body, focusGroupId: ids.ictGroup };
    const headers = { 'Idempotency-Key': 'client-req-0001' };
    const before = connector.activities.length;
    const first = await server.api('/api/polls', { method: 'POST', json, headers });
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created).toMatchObject({ requestKey: apiRequestKey('client-req-0001', 'local-developer'), posted: true, language: 'en' });
    const second = await server.api('/api/polls', { method: 'POST', json, headers });
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ id: created.id, posted: true });
    await restart();
    const third = await server.api('/api/polls', { method: 'POST', json, headers });
    expect(third.status).toBe(200);
    expect((await third.json()).id).toBe(created.id);
    expect(await pollsAsking(json.question)).toHaveLength(1);
    expect(since(before).filter((a) => a.conversationId === ICT_CHANNEL)).toHaveLength(1);

    // At the same moment: one 201, the others 200 with the same poll, one card.
    const beforeRace = connector.activities.length;
    const racing = await Promise.all(
      [1, 2, 3].map(() =>
        server.api('/api/polls', { method: 'POST', json: { ...json, question: 'API at once?' }, headers: { 'Idempotency-Key': 'client-req-0002' } }),
      ),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(await Promise.all(racing.map(async (r) => (await r.json()).id))).size).toBe(1);
    expect(await pollsAsking('API at once?')).toHaveLength(1);
    expect(since(beforeRace).filter((a) => cardTexts(cardOf(a)).includes('API at once?'))).toHaveLength(1);

    // Another key, or none, is another poll.
    expect((await server.api('/api/polls', { method: 'POST', json, headers: { 'Idempotency-Key': 'client-req-0003' } })).status).toBe(201);
    const keyless = await Promise.all([1, 2].map(() => server.api('/api/polls', { method: 'POST', json })));
    expect(keyless.map((r) => r.status)).toEqual([201, 201]);
    expect(await pollsAsking(json.question)).toHaveLength(4);
  });

  test('a key that is blank or too long is refused with the header named', async () => {
    for (const key of [' ', 'k'.repeat(256)]) {
      const res = await server.api('/api/polls', { method: 'POST', json: { ...body, focusGroupId: ids.hrGroup }, headers: { 'Idempotency-Key': key } });
      expect(res.status).toBe(400);
      expect((await res.json()).error.issues).toEqual([
        expect.objectContaining({ field: 'Idempotency-Key', code: 'key_length', params: { max: 255 }, reason: 'must be 1 to 255 characters' }),
      ]);
    }
    expect(
      (await server.api('/api/polls', { method: 'POST', json: { ...body, focusGroupId: ids.hrGroup }, headers: { 'Idempotency-Key': 'k'.repeat(255) } }))
        .status,
    ).toBe(201);
  });
});

test('Idempotency-Keys are scoped to the caller and fit the stored key whatever their length', () => {
  const alice = apiRequestKey('client-req-0001', 'alice-oid');
  expect(apiRequestKey('client-req-0001', 'alice-oid')).toBe(alice);
  expect(apiRequestKey('client-req-0001', 'bob-oid')).not.toBe(alice);
  expect(apiRequestKey('k'.repeat(255), 'x'.repeat(200))!.length).toBeLessThanOrEqual(MAX_REQUEST_KEY);
  expect(apiRequestKey(undefined, 'alice-oid')).toBeUndefined();
});

describe('a poll keeps its language across restarts', () => {
  test('from the API request, else the configured default; the shared card stays in it whoever votes', async () => {
    const fr = await (
      await server.api('/api/polls', {
        method: 'POST',
        json: { focusGroupId: ids.ictGroup, question: 'En français ?', options: ['Oui', 'Non'], language: 'fr' },
      })
    ).json();
    expect(fr.language).toBe('fr');
    const plain = await (
      await server.api('/api/polls', { method: 'POST', json: { focusGroupId: ids.hrGroup, question: 'Default?', options: ['Yes', 'No'] } })
    ).json();
    expect(plain.language).toBe('en');
    const bad = await server.api('/api/polls', {
      method: 'POST',
      json: { focusGroupId: ids.hrGroup, question: 'Deutsch?', options: ['Ja', 'Nein'], language: 'de' },
    });
    expect(bad.status).toBe(400);

    await restart();
    // An English-speaking voter after the restart: their own view is English, the shared card stays French.
    const vote = await post(
      executeActivity(connector.url, 'poll.vote', { verb: 'poll.vote', pollId: fr.id, choice: 'o1' }, BERT, IN_CHANNEL, { locale: 'en-US' }),
    );
    expect(cardTexts(vote.body.value)).toContain('Your vote: Oui');
    const posted = connector.activities.find((a) => a.method === 'POST' && a.id === fr.message.activityId)!;
    expect(cardTexts(cardOf(posted))[0]).toBe(`Sondage #${fr.id} · Groupe de travail TIC`);
    // Closed by its creator through the API: the frozen shared card is French, with the vote counted.
    expect((await server.api(`/api/polls/${fr.id}/close`, { method: 'POST' })).status).toBe(200);
    const frozen = await connector.waitFor((a) => a.method === 'PUT' && a.activityId === fr.message.activityId);
    const texts = cardTexts(cardOf(frozen));
    expect(texts[0]).toBe(`Sondage #${fr.id} · Groupe de travail TIC`);
    expect(texts).toContain('Votes exprimés\u00a0: 1');
  });

  test('the sweep of a restarted server closes a poll and posts its results in the poll’s language', async () => {
    const closesAt = new Date(Date.now() + 1500).toISOString();
    const res = await server.api('/api/polls', {
      method: 'POST',
      json: { focusGroupId: ids.ictGroup, question: 'Fermé par le temps ?', options: ['Oui', 'Non'], closesAt, language: 'fr' },
    });
    expect(res.status).toBe(201);
    const poll = await res.json();
    await restart();
    const results = await connector.waitFor(
      (a) => a.method === 'POST' && a.conversationId === ICT_CHANNEL && cardTexts(a.body.attachments?.[0]?.content).includes(`Résultats du sondage ${poll.id}`),
      8000,
    );
    expect(cardTexts(cardOf(results))).toContain('Sondage «\u00a0Fermé par le temps ?\u00a0»\u00a0: personne n’a voté.');
    const frozen = await connector.waitFor((a) => a.method === 'PUT' && a.activityId === poll.message.activityId && !cardOf(a).refresh);
    expect(cardTexts(cardOf(frozen))[0]).toBe(`Sondage #${poll.id} · Groupe de travail TIC`);
    expect((await server.register.store.polls.get(poll.id))!.status).toBe('closed');
  });
});
