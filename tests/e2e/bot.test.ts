import { createBotSurface } from '../../bot/surface';
import type { Register } from '../../src/register/register-service';
import {
  BOT,
  botInstalledInTeam,
  cardActions,
  cardTexts,
  channelEvent,
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
import { todayInBrussels } from '../../src/domain/brussels-time';

/**
 * End to end over HTTP: Bot Framework activities posted to the running server's real /api/messages,
 * replies caught by a fake Bot Connector, every card validated with the adaptivecards library.
 */

const ANN = { id: '29:ann', name: 'Ann Peeters', aadObjectId: 'aad-ann' };
const BERT = { id: '29:bert', name: 'Bert Janssens', aadObjectId: 'aad-bert' };
const CLAIRE = { id: '29:claire', name: 'Claire Dubois', aadObjectId: 'aad-claire' };
const PERSONAL: Where = { conversationId: 'a:personal-ann' };
const TEAM = 'team-1';
const ICT_CHANNEL = '19:ict@thread.tacv2';

let connector: FakeConnector;
let server: TestServer;
let register: Register;
let ids: { ictGroup: string; hrGroup: string; entry: string; evilEntry: string };

function assertValid(card: Record<string, unknown>) {
  expect(validateCard(card)).toEqual([]);
}

function lastCard(from: RecordedActivity[] = connector.activities): Record<string, unknown> {
  const withCard = [...from].reverse().find((a) => a.body.attachments?.length);
  if (!withCard) throw new Error(`no card among ${from.length} activities: ${JSON.stringify(from.map((a) => a.body.text))}`);
  return withCard.body.attachments![0].content;
}

/** Sends a message and returns the new activities the bot sent in reply (all of them validated). */
async function say(text: string, from = ANN, where = PERSONAL, locale = 'en-US'): Promise<RecordedActivity[]> {
  const before = connector.activities.length;
  const res = await postActivity(server.url, messageActivity(connector.url, text, from, where, locale));
  expect(res.status).toBe(200);
  const sent = connector.activities.slice(before);
  for (const card of connector.cards((a) => sent.includes(a))) assertValid(card);
  return sent;
}

async function execute(verb: string, data: Record<string, unknown>, from = ANN, where = PERSONAL, options: { locale?: string; replyToId?: string } = {}) {
  const res = await postActivity(server.url, executeActivity(connector.url, verb, data, from, where, options));
  expect(res.status).toBe(200);
  expect(res.body.statusCode).toBeDefined();
  if (res.body.type === 'application/vnd.microsoft.card.adaptive') assertValid(res.body.value);
  return res.body as { statusCode: number; type: string; value: any };
}

beforeAll(async () => {
  connector = await startFakeConnector();
  // No weekly digests here (tests/unit/digests.test.ts and the two-instance test cover them): on a Monday morning
  // their channel summary would land among the replies these tests look at.
  // Roles as an administrator would assign them (tests/e2e/bot-roles.test.ts reads them from Entra ID through Graph).
  const roles = `${ANN.aadObjectId}=editor, ${BERT.aadObjectId}=editor, ${CLAIRE.aadObjectId}=reader, 29:dave=reader`;
  server = await startTestServer({
    demoData: false,
    env: { DIGESTS: 'false', ROLE_ASSIGNMENTS: roles },
    surfaces: [createBotSurface({ sweepIntervalMs: 200 })],
  });
  register = server.register;
  const by = { name: 'Test' };
  const ict = await register.focusGroups.create({
    domain: 'ICT',
    name: { nl: 'Focusgroep ICT', fr: 'Groupe de travail TIC' },
    channel: { teamId: TEAM, channelId: ICT_CHANNEL },
  });
  const hr = await register.focusGroups.create({ domain: 'HR', name: { nl: 'Focusgroep HR' } });
  const entry = await register.entries.create(
    {
      title: { nl: 'Gezamenlijke aankoop van laptops', fr: "Achat groupé d'ordinateurs portables" },
      domain: 'ICT',
      status: 'proposed',
      kind: 'economy_of_scale',
      formalisation: 'joint_procurement',
      focusGroupId: ict.id,
    },
    by,
  );
  const evil = await register.entries.create(
    {
      title: { en: '[click me](https://evil.example) **bold** <b>x</b> `code`' },
      domain: 'HR',
      status: 'existing',
      kind: 'synergy',
      formalisation: 'agreement',
    },
    by,
  );
  ids = { ictGroup: ict.id, hrGroup: hr.id, entry: entry.id, evilEntry: evil.id };
  // 23 open ICT actions, 2 of them overdue and owned by Ann; 1 done; 3 HR actions.
  for (let i = 1; i <= 23; i++) {
    await register.actions.create({
      entryId: entry.id,
      title: `ICT action ${String(i).padStart(2, '0')}`,
      owner: i <= 2 ? { name: 'Ann Peeters', id: 'aad-ann' } : { name: 'Someone Else' },
      dueDate: i <= 2 ? '2020-01-0' + i : `2099-01-${String(i).padStart(2, '0')}`,
    });
  }
  await register.actions.create({ entryId: entry.id, title: 'Finished ICT action', owner: { name: 'X' }, status: 'done', doneDate: '2024-01-01' });
  for (let i = 1; i <= 3; i++) await register.actions.create({ entryId: evil.id, title: `HR action ${i}`, owner: { name: 'Y' }, dueDate: '2099-02-01' });
});

afterAll(async () => {
  await server?.stop();
  await connector?.close();
});

describe('commands', () => {
  test('help answers with the command list as an Adaptive Card 1.5', async () => {
    const sent = await say('help');
    expect(sent).toHaveLength(1);
    expect(sent[0].conversationId).toBe(PERSONAL.conversationId);
    const card = lastCard(sent);
    expect(card.version).toBe('1.5');
    const text = cardTexts(card).join('\n');
    expect(text).toContain('open actions');
    expect(text).toContain('poll');
    expect(text).toContain('results');
  });

  test('an unknown command says what was wrong and shows help (in French for fr-BE)', async () => {
    const card = lastCard(await say('blabla vandaag', ANN, PERSONAL, 'fr-BE'));
    const texts = cardTexts(card);
    expect(texts[0]).toContain('«\u00a0blabla\u00a0»');
    expect(texts.join('\n')).toContain('actions ouvertes');
  });

  test('bad arguments name the bad word and show help', async () => {
    const texts = cardTexts(lastCard(await say('open actions purple')));
    expect(texts[0]).toContain('"purple"');
    expect(texts.join('\n')).toContain('entry');
  });

  test('open actions are paginated with a next-page Action.Execute, and the page invoke returns page 2', async () => {
    const card = lastCard(await say('open actions ICT'));
    const texts = cardTexts(card);
    expect(texts.join('\n')).toContain('23 actions');
    const shown = texts.filter((t) => t.startsWith('ICT action'));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(23);
    expect(texts.some((t) => t.startsWith('HR action'))).toBe(false);
    expect(texts.some((t) => t.includes('Finished'))).toBe(false);
    const next = cardActions(card).find((a) => a.verb === 'actions.page')!;
    expect(next).toBeDefined();
    const page2 = await execute('actions.page', next.data as Record<string, unknown>);
    expect(page2.type).toBe('application/vnd.microsoft.card.adaptive');
    const texts2 = cardTexts(page2.value).filter((t) => t.startsWith('ICT action'));
    expect(texts2[0]).not.toBe(shown[0]);
    expect(texts2.length).toBeGreaterThan(0);
  });

  test('Dutch aliases and filters: "open acties ICT achterstallig mijn"', async () => {
    const card = lastCard(await say('open acties ICT achterstallig mijn', ANN, PERSONAL, 'nl-BE'));
    const texts = cardTexts(card);
    expect(texts[0]).toBe('Openstaande acties');
    expect(texts.filter((t) => t.startsWith('ICT action'))).toEqual(['ICT action 01', 'ICT action 02']);
    expect(texts.join('\n')).toContain('Achterstallig');
    expect(cardActions(card).some((a) => a.verb === 'actions.page')).toBe(false);
  });

  test('"Mark done" on the open-actions card: a reader is told what it takes, a stale card is told it changed, an editor marks it done today (Brussels)', async () => {
    // Claire reads French; the titles were written in the register's language (Dutch) and say so
    const forClaire = lastCard(await say('actions ouvertes ICT en retard', CLAIRE, PERSONAL, 'fr-BE'));
    expect(cardTexts(forClaire)).toContain('ICT action 01 (en néerlandais)');
    const button = cardActions(forClaire).find((a) => a.verb === 'actions.done')!;
    expect(button).toMatchObject({ title: 'Terminée', data: { action: 'actions.done', lang: 'fr', overdue: true } });
    const refused = await execute('actions.done', button.data as Record<string, unknown>, CLAIRE, PERSONAL, { locale: 'fr-BE' });
    expect(refused).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: expect.stringContaining('rédacteur') });

    const forAnn = lastCard(await say('open actions ICT overdue mine'));
    const done = cardActions(forAnn).find((a) => a.verb === 'actions.done')!;
    const data = done.data as Record<string, unknown>;
    const stale = await execute('actions.done', { ...data, etag: '"stale"' });
    expect(cardTexts(stale.value)[0]).toBe('Action “ICT action 01” changed in the meantime; here is how it stands now. Choose again if it is done.');
    expect((await register.actions.get(String(data.actionId))).status).toBe('open');
    const marked = await execute('actions.done', data);
    expect(cardTexts(marked.value)[0]).toBe('Action “ICT action 01” is recorded as done.');
    expect(cardTexts(marked.value)).not.toContain('ICT action 01');
    const action = await register.actions.get(String(data.actionId));
    expect(action).toMatchObject({ status: 'done', doneDate: todayInBrussels() });
    const again = await execute('actions.done', data);
    expect(cardTexts(again.value)[0]).toBe('Action “ICT action 01” was already done.');
    await register.actions.reopen(action.id);
  });

  test('entry <number> gives the entry card; outside Teams (local mode) "Open in the register" opens the local tab', async () => {
    const card = lastCard(await say(`entry ${ids.entry}`));
    expect(cardTexts(card).join('\n')).toContain('Gezamenlijke aankoop van laptops');
    const link = cardActions(card).find((a) => a.type === 'Action.OpenUrl')!;
    expect(link).toMatchObject({ title: 'Open in the register', url: `${server.url}/tab?entry=${ids.entry}` });
  });

  test('entry in French ("fiche") with words finds it by its title', async () => {
    const card = lastCard(await say('fiche ordinateurs portables', ANN, PERSONAL, 'fr-BE'));
    expect(cardTexts(card).join('\n')).toContain("Achat groupé d'ordinateurs portables");
  });

  test('user text cannot inject markdown links or formatting into cards', async () => {
    const card = lastCard(await say(`entry ${ids.evilEntry}`));
    const title = cardTexts(card).find((t) => t.includes('click me'))!;
    expect(title).toBe('\\[click me\\](https://evil.example) \\*\\*bold\\*\\* \\<b\\>x\\</b\\> \\`code\\`');
  });

  test('an entry that does not exist is reported', async () => {
    const texts = cardTexts(lastCard(await say('entry 9999')));
    expect(texts[0]).toContain('9999');
  });
});

describe('installation captures the channels of the team', () => {
  test('conversationUpdate (bot added) stores a conversation reference per channel; channelCreated adds one', async () => {
    connector.teams.set(TEAM, [
      { id: TEAM, name: undefined as unknown as string },
      { id: ICT_CHANNEL, name: 'Focusgroep ICT' },
    ]);
    const res = await postActivity(server.url, botInstalledInTeam(connector.url, TEAM, ANN));
    expect(res.status).toBe(200);
    const refs = await register.store.conversations.list({ field: 'teamId', equals: TEAM });
    expect(refs.map((r) => r.channelId).sort()).toEqual([ICT_CHANNEL, TEAM].sort());
    const ict = refs.find((r) => r.channelId === ICT_CHANNEL)!;
    expect(ict).toMatchObject({
      key: `${TEAM}|${ICT_CHANNEL}`,
      serviceUrl: connector.url,
      conversationId: ICT_CHANNEL,
      channelName: 'Focusgroep ICT',
      botId: BOT.id,
    });
    // Idempotent: the same installation again does not duplicate.
    await postActivity(server.url, botInstalledInTeam(connector.url, TEAM, ANN));
    expect(await register.store.conversations.list({ field: 'teamId', equals: TEAM })).toHaveLength(2);
    await postActivity(server.url, channelEvent(connector.url, TEAM, { id: '19:new@thread.tacv2', name: 'Nieuw' }, 'channelCreated', ANN));
    expect(await register.store.conversations.list({ field: 'teamId', equals: TEAM })).toHaveLength(3);
  });
});

describe('polls end to end', () => {
  let pollId: string;
  let pollMessage: RecordedActivity;

  test('a poll started from personal chat is posted proactively to the focus group channel', async () => {
    const sent = await say(`poll group=ICT entry=${ids.entry} decision=yes Which laptop supplier? | Supplier A | Supplier B | Supplier C`);
    const posted = sent.find((a) => a.conversationId === ICT_CHANNEL);
    expect(posted).toBeDefined();
    pollMessage = posted!;
    const confirmation = sent.find((a) => a.conversationId === PERSONAL.conversationId)!;
    expect(confirmation.body.text).toMatch(/Poll \d+ started/);
    const card = lastCard([posted!]);
    expect(cardTexts(card)).toContain('Which laptop supplier?');
    const refresh = card.refresh as { action: { verb: string; data: { pollId: string } }; userIds: string[] };
    expect(refresh.action.verb).toBe('poll.refresh');
    expect(refresh.userIds).toEqual([ANN.id]);
    pollId = refresh.action.data.pollId;
    const stored = await register.store.polls.get(pollId);
    expect(stored).toMatchObject({
      focusGroupId: ids.ictGroup,
      entryId: ids.entry,
      status: 'open',
      message: { conversationId: ICT_CHANNEL, activityId: posted!.id },
    });
    expect(cardTexts(card).join('\n')).toContain('60');
  });

  test('votes through Action.Execute: one ballot per person, idempotent, changeable; the card shows the tally and own choice', async () => {
    const where: Where = { conversationId: ICT_CHANNEL, teamId: TEAM, channelId: ICT_CHANNEL };
    const r1 = await execute('poll.vote', { verb: 'poll.vote', pollId, choice: 'o1' }, BERT, where, { replyToId: pollMessage.id });
    expect(r1.statusCode).toBe(200);
    const texts1 = cardTexts(r1.value);
    expect(texts1).toContain('Your vote: Supplier A');
    expect(texts1.find((t) => t.startsWith('Supplier A:'))).toMatch(/^Supplier A: 1 \(100%\)/);
    expect(texts1).toContain('Bert Janssens');

    // The same submit again (a retry, or a double click) changes nothing.
    const r1again = await execute('poll.vote', { verb: 'poll.vote', pollId, choice: 'o1' }, BERT, where);
    expect(cardTexts(r1again.value).find((t) => t.startsWith('Supplier A:'))).toMatch(/^Supplier A: 1 /);

    await execute('poll.vote', { verb: 'poll.vote', pollId, choice: 'o2' }, CLAIRE, where, { locale: 'fr-BE' });
    const r3 = await execute('poll.vote', { verb: 'poll.vote', pollId, choice: 'o2' }, ANN, where);
    expect(cardTexts(r3.value).find((t) => t.startsWith('Supplier B:'))).toMatch(/^Supplier B: 2 \(67%\)/);
    // Bert changes his mind.
    const r4 = await execute('poll.vote', { verb: 'poll.vote', pollId, choice: 'o2' }, BERT, where);
    const texts4 = cardTexts(r4.value);
    expect(texts4.find((t) => t.startsWith('Supplier A:'))).toMatch(/^Supplier A: 0 /);
    expect(texts4.find((t) => t.startsWith('Supplier B:'))).toMatch(/^Supplier B: 3 \(100%\)/);
    expect(await register.store.votes.list({ field: 'pollId', equals: pollId })).toHaveLength(3);

    // A single-choice poll refuses two options; an unknown option is refused.
    const bad = await execute('poll.vote', { verb: 'poll.vote', pollId, choice: 'o1,o2' }, BERT, where);
    expect(cardTexts(bad.value)[0]).toBe('This poll allows one option only.');
    const unknown = await execute('poll.vote', { verb: 'poll.vote', pollId, choice: 'o9' }, BERT, where);
    expect(cardTexts(unknown.value)[0]).toBe('That option is not part of this poll.');

    // Nobody's own view is overwritten while people vote: the shared card in the channel is not rewritten
    // (each person gets their view by automatic refresh or Refresh); it carries the managers' buttons for the creator.
    expect(connector.activities.filter((a) => a.method === 'PUT' && a.activityId === pollMessage.id)).toHaveLength(0);
    expect(cardActions(lastCard([pollMessage])).map((a) => a.verb ?? a.title)).toEqual([
      'poll.vote',
      'Close poll',
      'poll.close',
      'poll.refresh',
      'Export the results',
      'Open in the register',
    ]);
    expect((await register.store.votes.list({ field: 'pollId', equals: pollId })).map((v) => v.voter.id).sort()).toEqual(
      [ANN.aadObjectId, BERT.aadObjectId, CLAIRE.aadObjectId].sort(),
    );
  });

  test('automatic refresh gives each person their own view; only the creator sees Close', async () => {
    const where: Where = { conversationId: ICT_CHANNEL, teamId: TEAM, channelId: ICT_CHANNEL };
    const forClaire = await execute('poll.refresh', { verb: 'poll.refresh', pollId }, CLAIRE, where, { locale: 'fr-BE' });
    expect(cardTexts(forClaire.value)).toContain('Votre vote\u00a0: Supplier B');
    expect(cardActions(forClaire.value).some((a) => a.verb === 'poll.close')).toBe(false);
    const forAnn = await execute('poll.refresh', { verb: 'poll.refresh', pollId }, ANN, where);
    expect(cardActions(forAnn.value).some((a) => a.verb === 'poll.close')).toBe(true);
  });

  test('the Action.Submit fallback (a message with a value) votes too and answers with a new message', async () => {
    const where: Where = { conversationId: ICT_CHANNEL, teamId: TEAM, channelId: ICT_CHANNEL };
    const before = connector.activities.length;
    const dave = { id: '29:dave', name: 'Dave' };
    const res = await postActivity(server.url, messageActivity(connector.url, '', dave, where, 'en-US', { verb: 'poll.vote', pollId, choice: 'o3' }));
    expect(res.status).toBe(200);
    // the answer is a new message in the channel with Dave's own view; the bot's timers may post there too
    const answers = connector.activities.slice(before).filter((a) => a.method === 'POST' && a.conversationId === ICT_CHANNEL && a.body.attachments?.length);
    const reply = answers.map((a) => lastCard([a])).find((card) => cardTexts(card).some((t) => t.startsWith('Your vote')));
    expect(reply && cardTexts(reply)).toContain('Your vote: Supplier C');
    assertValid(reply!);
  });

  test('only a manager can close (others get told); closing freezes the card, posts results, records the decision', async () => {
    const where: Where = { conversationId: ICT_CHANNEL, teamId: TEAM, channelId: ICT_CHANNEL };
    const denied = await execute('poll.close', { verb: 'poll.close', pollId }, BERT, where);
    expect(cardTexts(denied.value)[0]).toBe('Only Ann Peeters, who started the poll, a chair of the focus group or the secretariat can do this.');
    expect((await register.store.polls.get(pollId))!.status).toBe('open');

    const before = connector.activities.length;
    const closed = await execute('poll.close', { verb: 'poll.close', pollId }, ANN, where);
    const closedTexts = cardTexts(closed.value);
    expect(closedTexts.join('\n')).toMatch(/Closed on \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}/);
    // closed: no votes, no "not voted yet"; its manager may only run it again
    expect(
      cardActions(closed.value)
        .filter((a) => a.type === 'Action.Execute')
        .map((a) => a.verb),
    ).toEqual(['poll.runAgain']);
    expect(closedTexts.join('\n')).not.toMatch(/not voted/i);
    expect(closed.value.refresh).toBeUndefined();
    // "Run again" opens the poll form filled in with the question, options and settings, to edit before starting
    const pollsBefore = (await register.store.polls.list()).length;
    const again = await execute('poll.runAgain', { verb: 'poll.runAgain', pollId }, ANN, where);
    const form = JSON.stringify(again.value);
    expect(form).toContain('"value":"Which laptop supplier?"');
    expect(form).toContain('Supplier A\\nSupplier B\\nSupplier C');
    expect(form).toMatch(/"id":"recordDecision"[^}]*"value":"yes"|"value":"yes"[^}]*"id":"recordDecision"/);
    expect(await register.store.polls.list()).toHaveLength(pollsBefore);

    const results = await connector.waitFor(
      (a) => a.method === 'POST' && a.conversationId === ICT_CHANNEL && cardTexts(lastCard([a])).some((t) => t.startsWith('Results of poll')),
    );
    expect(connector.activities.indexOf(results)).toBeGreaterThanOrEqual(before);
    const resultsCard = lastCard([results]);
    assertValid(resultsCard);
    expect(cardTexts(resultsCard)).toContain(
      'Poll “Which laptop supplier?”: “Supplier B” chosen with 3 of 4 ballots (75%). Tally: Supplier A 0, Supplier B 3, Supplier C 1.',
    );
    const frozen = await connector.waitFor((a) => a.method === 'PUT' && a.activityId === pollMessage.id && !lastCard([a]).refresh);
    assertValid(lastCard([frozen]));

    const entry = await register.entries.get(ids.entry);
    const decision = entry.decisions.find((d) => d.pollId === pollId)!;
    expect(decision).toMatchObject({ body: 'focus_group', outcome: 'noted', pollId });
    expect(decision.text.en).toContain('“Supplier B” chosen with 3 of 4 ballots (75%)');
    expect(decision.text.nl).toContain('Supplier A 0, Supplier B 3, Supplier C 1');
    const history = await register.entries.history(ids.entry);
    expect(history.filter((h) => h.kind === 'decision_recorded')).toHaveLength(1);

    // Closing again and voting after closing change nothing.
    await execute('poll.close', { verb: 'poll.close', pollId }, ANN, where);
    const late = await execute('poll.vote', { verb: 'poll.vote', pollId, choice: 'o1' }, BERT, where);
    expect(cardTexts(late.value).join('\n')).not.toContain('Your vote');
    expect((await register.entries.get(ids.entry)).decisions.filter((d) => d.pollId === pollId)).toHaveLength(1);
    expect(await register.store.votes.list({ field: 'pollId', equals: pollId })).toHaveLength(4);

    // results <poll> in Dutch
    const resultsNl = lastCard(await say(`resultaten ${pollId}`, ANN, PERSONAL, 'nl-BE'));
    expect(cardTexts(resultsNl)).toContain(
      'Stemming “Which laptop supplier?”: “Supplier B” gekozen met 3 van de 4 stemmen (75%). Telling: Supplier A 0, Supplier B 3, Supplier C 1.',
    );
  });

  test('"poll" alone opens a form; submitting it turns the form into the poll', async () => {
    const where: Where = { conversationId: `${ICT_CHANNEL};messageid=777`, teamId: TEAM, channelId: ICT_CHANNEL };
    const form = lastCard(await say('stemming', ANN, where, 'nl-BE'));
    const inputs = JSON.stringify(form);
    expect(inputs).toContain('"id":"question"');
    expect(inputs).toContain(`"value":"${ids.ictGroup}"`);
    const created = await execute(
      'poll.create',
      {
        verb: 'poll.create',
        question: 'Welke dag?',
        options: 'Maandag\nDinsdag',
        focusGroupId: ids.ictGroup,
        multipleChoice: 'true',
        anonymous: 'true',
        entryId: '',
      },
      ANN,
      where,
      { locale: 'nl-BE', replyToId: 'form-message-1' },
    );
    expect(cardTexts(created.value)).toContain('Welke dag?');
    expect(cardTexts(created.value).join('\n')).toContain('Anoniem');
    const update = await connector.waitFor((a) => a.method === 'PUT' && a.activityId === 'form-message-1');
    assertValid(lastCard([update]));
    // Anonymous multiple choice: two options at once, no names shown.
    const newId = String((created.value.refresh as { action: { data: { pollId: string } } }).action.data.pollId);
    const v = await execute('poll.vote', { verb: 'poll.vote', pollId: newId, choice: 'o1,o2' }, BERT, where, { locale: 'nl-BE' });
    const texts = cardTexts(v.value);
    expect(texts).toContain('Uw stem: Maandag, Dinsdag');
    expect(texts.join('\n')).not.toContain('Bert');
    expect((v.value.refresh as { userIds: string[] }).userIds).toEqual([ANN.id]);
  });

  test('a form with one option is refused with the reason, in the form', async () => {
    const res = await execute('poll.create', { verb: 'poll.create', question: 'Q?', options: 'Only one', focusGroupId: ids.ictGroup }, ANN, PERSONAL);
    expect(cardTexts(res.value)[0]).toContain('Options: needs at least 2 items');
  });

  test("in a one-to-one chat the submitted form becomes the chair's own view of the poll, with no second update racing it", async () => {
    const created = await execute(
      'poll.create',
      { verb: 'poll.create', action: 'poll.create', question: 'Opleidingsplan goedkeuren?', options: 'Ja\nNee', focusGroupId: ids.hrGroup, lang: 'nl' },
      ANN,
      PERSONAL,
      { locale: 'en-US', replyToId: 'form-message-personal' },
    );
    expect(cardTexts(created.value)).toContain('U hebt nog niet gestemd.');
    const poll = (await register.store.polls.list()).find((p) => p.question === 'Opleidingsplan goedkeuren?');
    expect(poll?.message).toMatchObject({ conversationId: PERSONAL.conversationId, activityId: 'form-message-personal' });
    expect(connector.activities.filter((a) => a.activityId === 'form-message-personal')).toEqual([]);
  });

  test("a poll started from the Dutch form in an English client is Dutch for its chair; a voter reads it in their client's language", async () => {
    const where: Where = { conversationId: `${ICT_CHANNEL};messageid=778`, teamId: TEAM, channelId: ICT_CHANNEL };
    const form = lastCard(await say('stemming', ANN, where, 'en-US'));
    expect(cardTexts(form)).toContain('Een stemming starten');
    // the button's own data (what Teams sends back) carries the form's language and the SDK route name
    const submit = cardActions(form).find((a) => a.verb === 'poll.create')!;
    expect(submit.data).toMatchObject({ verb: 'poll.create', action: 'poll.create', lang: 'nl' });
    const created = await execute(
      'poll.create',
      {
        ...(submit.data as Record<string, unknown>),
        question: 'Akkoord met het plan?',
        options: 'Ja\nNee',
        focusGroupId: ids.ictGroup,
        entryId: ids.entry,
        recordDecision: 'auto',
      },
      ANN,
      where,
      { locale: 'en-US', replyToId: 'form-message-2' },
    );
    expect(cardTexts(created.value)).toContain('U hebt nog niet gestemd.');
    const newId = String((created.value.refresh as { action: { data: { pollId: string } } }).action.data.pollId);
    expect(await register.store.polls.get(newId)).toMatchObject({ language: 'nl', recordDecision: true });
    // the chair, still in an English client, votes: the answer stays Dutch
    const mine = await execute('poll.vote', { verb: 'poll.vote', action: 'poll.vote', pollId: newId, choice: 'o1', lang: 'nl' }, ANN, where, {
      locale: 'en-US',
    });
    expect(cardTexts(mine.value)).toContain('Uw stem: Ja');
    // Claire's Teams says French: her own view is French, the shared card Dutch
    const hers = await execute('poll.vote', { verb: 'poll.vote', action: 'poll.vote', pollId: newId, choice: 'o2', lang: 'nl' }, CLAIRE, where, {
      locale: 'fr-BE',
    });
    expect(cardTexts(hers.value)).toContain('Votre vote\u00a0: Nee');
    const shared = await connector.waitFor((a) => a.method === 'PUT' && a.activityId === 'form-message-2');
    expect(cardTexts(lastCard([shared])).join('\n')).toContain('Gestart door');
  });

  test("a poll started outside Teams (tab, API) still refreshes its chair's card: by the Teams id the bot knows them by", async () => {
    await say('help', ANN); // Ann has talked to the bot: it knows her Teams id
    const poll = await register.polls.create(
      { focusGroupId: ids.hrGroup, question: 'From the tab?', options: ['Yes', 'No'] },
      { id: ANN.aadObjectId, name: ANN.name },
    );
    expect(poll.creatorTeamsId).toBeUndefined();
    const where: Where = { conversationId: ICT_CHANNEL, teamId: TEAM, channelId: ICT_CHANNEL };
    const voted = await execute('poll.vote', { verb: 'poll.vote', action: 'poll.vote', pollId: poll.id, choice: 'o1' }, BERT, where);
    expect((voted.value.refresh as { userIds: string[] }).userIds).toEqual([ANN.id, BERT.id]);
  });

  test('unknown verbs get a well-formed error invoke response', async () => {
    const res = await execute('nope', { verb: 'nope' });
    expect(res).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'unknown_verb' } });
  });
});

describe('poll API', () => {
  test('POST /api/polls validates with field reasons', async () => {
    const res = await server.api('/api/polls', {
      method: 'POST',
      json: { focusGroupId: ids.ictGroup, question: '', options: ['one'], closesAt: '2001-01-01T00:00:00Z' },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    const fields = body.error.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['question', 'options']));
    const res2 = await server.api('/api/polls', {
      method: 'POST',
      json: { focusGroupId: '999', question: 'Q', options: ['a', 'A '], closesAt: '2001-01-01T00:00:00Z' },
    });
    const fields2 = (await res2.json()).error.issues.map((i: { field: string }) => i.field);
    expect(fields2).toEqual(expect.arrayContaining(['options.1.label', 'closesAt', 'focusGroupId']));
  });

  test('POST creates and posts to the bound channel; GET lists and shows the tally; the creator closes', async () => {
    const before = connector.activities.length;
    const res = await server.api('/api/polls', {
      method: 'POST',
      json: { focusGroupId: ids.ictGroup, entryId: ids.entry, question: 'API poll?', options: [{ label: 'Yes' }, { label: 'No' }] },
    });
    expect(res.status).toBe(201);
    const poll = await res.json();
    expect(poll.posted).toBe(true);
    const posted = connector.activities.slice(before).find((a) => a.conversationId === ICT_CHANNEL)!;
    assertValid(lastCard([posted]));
    expect(poll.createdBy.id).toBe('local-developer');

    const list = await (await server.api(`/api/polls?focusGroupId=${ids.ictGroup}`)).json();
    expect(list.items.map((p: { id: string }) => p.id)).toContain(poll.id);
    const byEntry = await (await server.api(`/api/polls?entryId=${ids.entry}`)).json();
    expect(byEntry.items.every((p: { entryId: string }) => p.entryId === ids.entry)).toBe(true);

    await execute('poll.vote', { verb: 'poll.vote', pollId: poll.id, choice: 'o2' }, BERT, {
      conversationId: ICT_CHANNEL,
      teamId: TEAM,
      channelId: ICT_CHANNEL,
    });
    const one = await (await server.api(`/api/polls/${poll.id}`)).json();
    expect(one.tally.options.map((o: { count: number }) => o.count)).toEqual([0, 1]);
    const closed = await server.api(`/api/polls/${poll.id}/close`, { method: 'POST' });
    expect(closed.status).toBe(200);
    expect((await closed.json()).outcome).toMatchObject({ kind: 'chosen', outcome: 'rejected', winners: ['o2'] });
    expect((await server.api('/api/polls/98765')).status).toBe(404);
  });

  test('a poll past its closing time is closed by the sweep (and on read), with its decision recorded once', async () => {
    const closesAt = new Date(Date.now() + 1500).toISOString();
    const res = await server.api('/api/polls', {
      method: 'POST',
      json: { focusGroupId: ids.hrGroup, entryId: ids.evilEntry, question: 'Timed?', options: ['x', 'y'], closesAt, recordDecision: true },
    });
    expect(res.status).toBe(201);
    const poll = await res.json();
    expect(poll.posted).toBe(false);
    await new Promise((r) => setTimeout(r, 2200));
    const stored = await register.store.polls.get(poll.id);
    expect(stored!.status).toBe('closed');
    const read = await (await server.api(`/api/polls/${poll.id}`)).json();
    expect(read.status).toBe('closed');
    const entry = await register.entries.get(ids.evilEntry);
    expect(entry.decisions.filter((d) => d.pollId === poll.id)).toEqual([
      expect.objectContaining({ outcome: 'deferred', body: 'focus_group', text: expect.objectContaining({ en: 'Poll “Timed?”: nobody voted.' }) }),
    ]);
  });
});
