import { createBotSurface } from '../../bot/surface';
import {
  cardActions,
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
import type { GraphFake } from '../fakes/graph-fake';
import { ANN, directoryWithRoles, RITA, SAM, tenantRoleSource } from '../support/entra-roles';
import { startTestServer, type TestServer } from '../support/server';

/**
 * The bot applies the register's roles as the API does: Teams gives it no roles claim, so it reads the
 * app role assignments of the app's service principal in Entra ID (here the Graph fake) for each person, by their
 * Entra object id. Two people of different roles in one conversation: the editor starts and manages a poll, the
 * reader votes and is told, in their language, what they may not do; someone without a role is told to ask their
 * administrator; a secretary closes someone else's poll.
 */

const APP_ID = '7d7d7d7d-1111-4222-8333-444444444444';
const NOBODY = { id: '29:nobody', name: 'No Body', aadObjectId: 'aad-nobody' };
const where: Where = { conversationId: '19:roles@thread.tacv2', teamId: 'team-roles', channelId: '19:roles@thread.tacv2' };

let graph: GraphFake;
let connector: FakeConnector;
let server: TestServer;
let pollId: string;

beforeAll(async () => {
  // readers by a group, an editor and a secretary by name; NOBODY has no role
  graph = await directoryWithRoles(
    APP_ID,
    [ANN, RITA, SAM, NOBODY],
    [
      { role: 'reader', group: 'Alle medewerkers', members: [RITA, ANN] },
      { role: 'editor', to: ANN },
      { role: 'secretary', to: SAM },
    ],
  );
  connector = await startFakeConnector();
  const roles = tenantRoleSource(graph, APP_ID, '0c0c0c0c-1111-4222-8333-444444444444');
  server = await startTestServer({ demoData: false, env: { DIGESTS: 'false' }, surfaces: [createBotSurface({ sweepIntervalMs: 60_000, roles })] });
  await server.register.focusGroups.create({ domain: 'ICT', name: { nl: 'Focusgroep ICT', fr: 'Groupe de travail TIC' } });
});

afterAll(async () => {
  await server?.stop();
  await connector?.close();
  await graph?.close();
});

async function say(text: string, from: typeof ANN, locale = 'en-US'): Promise<RecordedActivity[]> {
  const before = connector.activities.length;
  expect((await postActivity(server.url, messageActivity(connector.url, text, from, where, locale))).status).toBe(200);
  return connector.activities.slice(before);
}

async function press(verb: string, data: Record<string, unknown>, from: typeof ANN, locale = 'en-US') {
  const res = await postActivity(server.url, executeActivity(connector.url, verb, { verb, ...data }, from, where, { locale }));
  expect(res.status).toBe(200);
  if (res.body.type === 'application/vnd.microsoft.card.adaptive') expect(validateCard(res.body.value)).toEqual([]);
  return res.body as { type: string; value: any };
}

test('an editor starts a poll; a reader may not, and is told in their language what it takes', async () => {
  const started = await say('poll Which day? | Monday | Tuesday', ANN);
  const card = started.find((a) => a.body.attachments?.length)!.body.attachments![0].content;
  expect(cardTexts(card)).toContain('Which day?');
  pollId = (await server.register.store.polls.list())[0].id;

  const refused = await say('sondage Quel jour ? | Lundi | Mardi', RITA, 'fr-BE');
  expect(refused.map((a) => a.body.text)).toEqual([
    'Cette action demande le rôle «\u00a0rédacteur\u00a0» dans le registre\u00a0; votre rôle est «\u00a0lecteur\u00a0». Adressez-vous à votre administrateur si vous en avez besoin.',
  ]);
  expect(await server.register.store.polls.list()).toHaveLength(1);
  // reading is a reader's right
  expect((await say(`poll ${pollId}`, RITA)).some((a) => a.body.attachments?.length)).toBe(true);
});

test("the reader votes but may not close; a secretary closes the editor's poll", async () => {
  const voted = await press('poll.vote', { pollId, choice: 'o2' }, RITA);
  expect(cardTexts(voted.value)).toContain('Your vote: Tuesday');
  expect(cardActions(voted.value).some((a) => a.verb === 'poll.close')).toBe(false);

  const denied = await press('poll.close', { pollId }, RITA, 'nl-BE');
  expect(denied).toEqual({
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: 'Hiervoor is de rol redacteur nodig in het register; uw rol is lezer. Vraag het uw beheerder als u die nodig hebt.',
  });
  expect((await server.register.store.polls.get(pollId))!.status).toBe('open');

  // a secretary manages every poll: sees Close on her own view, and closes Ann's poll
  const forSam = await press('poll.refresh', { pollId }, SAM);
  expect(cardActions(forSam.value).some((a) => a.verb === 'poll.close')).toBe(true);
  const closed = await press('poll.close', { pollId }, SAM);
  expect(cardTexts(closed.value).join('\n')).toMatch(/Closed on \d{1,2} [A-Z][a-z]+ \d{4}/);
  expect((await server.register.store.polls.get(pollId))!.status).toBe('closed');
});

test('someone without a role is told to ask their administrator, and can still ask for help', async () => {
  const refused = await say('open actions', NOBODY);
  expect(refused.map((a) => a.body.text)).toEqual([
    'You have no role in the register yet, so the bot cannot do this for you. Ask your administrator to give you the reader role (Register.Reader) or higher in Synergy Register.',
  ]);
  const vote = await press('poll.vote', { pollId, choice: 'o1' }, NOBODY, 'nl-BE');
  expect(vote.value).toMatch(/^U hebt nog geen rol in het register/);
  const help = await say('help', NOBODY);
  expect(help.some((a) => a.body.attachments?.length)).toBe(true);
});

test('when Entra ID cannot be asked, the bot says so and does nothing', async () => {
  const zed = { id: '29:zed', name: 'Zed', aadObjectId: 'aad-zed' };
  graph.failNext(1, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  const answer = await say('open actions', zed);
  expect(answer.map((a) => a.body.text)).toEqual([
    'The bot cannot check your role in the register right now, so it does not do this. Try again in a few minutes.',
  ]);
});

test('a secretary previews the weekly digest in the bot and sends it now; an editor may not', async () => {
  const entry = await server.register.entries.create(
    { title: { nl: 'Laptops' }, domain: 'ICT', status: 'proposed', kind: 'synergy', formalisation: 'agreement' },
    { name: 'T' },
  );
  await server.register.actions.create({
    entryId: entry.id,
    title: 'Offertes vergelijken',
    owner: { name: ANN.name, id: ANN.aadObjectId },
    dueDate: '2020-01-10',
  });
  const refused = await say('digest', ANN);
  expect(refused.map((a) => a.body.text)).toEqual([expect.stringContaining('the secretary role')]);

  const shown = await say('overzicht', SAM, 'en-US');
  const preview = shown.find((a) => a.body.attachments?.length)!.body.attachments![0].content;
  expect(validateCard(preview)).toEqual([]);
  const texts = cardTexts(preview);
  expect(texts[0]).toBe('Wekelijks overzicht: voorbeeld');
  expect(texts).toContain('Ann Peeters (persoonlijk bericht) · 1 actie, 1 achterstallig · Engels');
  expect(await server.register.store.deliveries.list()).toEqual([]);

  const send = cardActions(preview).find((a) => a.verb === 'digest.send')!;
  const sent = await press('digest.send', send.data as Record<string, unknown>, SAM);
  expect(cardTexts(sent.value)[0]).toMatch(/^Verstuurd: 1 · vandaag al verstuurd: 0 · mislukt: 0/);
  expect(cardActions(sent.value).some((a) => a.verb === 'digest.send')).toBe(false);
  const deliveries = await server.register.store.deliveries.list();
  expect(deliveries).toEqual([
    expect.objectContaining({ kind: 'digest_owner', state: 'sent', key: expect.stringMatching(/^digest:now:\d{4}-\d{2}-\d{2}:owner:aad-ann$/) }),
  ]);
  const toAnn = await connector.waitFor(
    (a) => a.method === 'POST' && cardTexts(a.body.attachments?.[0]?.content ?? {}).some((t) => t.includes('Offertes vergelijken')),
  );
  expect(cardTexts(toAnn.body.attachments![0].content).join('\n')).toContain('Overdue since 10 January 2020');

  // the same through the API (for the tab or a script): the plan, and a second send the same day sends nothing
  const plan = await (await server.api('/api/digests/preview')).json();
  expect(plan).toMatchObject({
    bot: true,
    unreachable: 0,
    messages: [{ to: 'owner', owner: { id: ANN.aadObjectId, name: ANN.name }, language: 'en', overdue: 1 }],
  });
  const again = await server.api('/api/digests/send', { method: 'POST' });
  expect(await again.json()).toMatchObject({ bot: true, owners: { already_sent: 1 } });
});
