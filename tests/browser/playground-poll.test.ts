import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { systemClock } from '../../src/register/register-service';
import { artifactPath, launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { describeNeeding } from '../support/tools';

/**
 * The "done when", in a real client we did not write: two Microsoft 365 Agents Playgrounds on the
 * same bot, one signed in as Alex Wilber, one as Megan Bowen (each playground is its own Teams-like client
 * and Bot Connector). Alex starts a sealed poll whose roster is the channel's members (read through the
 * Teams SDK), both vote, Alex asks who has not voted, sends a reminder into the poll's thread, closes it,
 * and the outcome is on the register entry. Alex is an editor, Megan a reader: she may vote, not start a poll.
 */

const ROOT = path.resolve(__dirname, '../..');
const run = describeNeeding('chromium');
jest.setTimeout(180_000);

const USERS = [
  { id: 'user-id-0', name: 'Alex Wilber', upn: 'alexw@example.com', aad: '00000000-0000-0000-0000-0000000000020', given: 'Alex', sur: 'Wilber' },
  { id: 'user-id-1', name: 'Megan Bowen', upn: 'meganb@example.com', aad: '00000000-0000-0000-0000-0000000000021', given: 'Megan', sur: 'Bowen' },
  { id: 'user-id-2', name: 'Adele Vance', upn: 'adelev@example.com', aad: '00000000-0000-0000-0000-0000000000022', given: 'Adele', sur: 'Vance' },
  { id: 'user-id-3', name: 'Isaiah Langer', upn: 'isaiahl@example.com', aad: '00000000-0000-0000-0000-0000000000023', given: 'Isaiah', sur: 'Langer' },
  { id: 'user-id-4', name: 'Patti Fernandez', upn: 'pattif@example.com', aad: '00000000-0000-0000-0000-0000000000024', given: 'Patti', sur: 'Fernandez' },
  { id: 'user-id-5', name: 'Lynne Robbins', upn: 'lynner@example.com', aad: '00000000-0000-0000-0000-0000000000025', given: 'Lynne', sur: 'Robbins' },
];

/** The playground's configuration (its documented .m365agentsplayground.yml) with one of the users signed in. */
function configFor(current: (typeof USERS)[number]): string {
  const user = (u: (typeof USERS)[number], indent: string) =>
    [
      `id: ${u.id}`,
      `name: ${u.name}`,
      `userPrincipleName: ${u.upn}`,
      `aadObjectId: ${u.aad}`,
      `givenName: ${u.given}`,
      `surname: ${u.sur}`,
      `email: ${u.upn}`,
    ].join(`\n${indent}`);
  return [
    'version: "0.1.1"',
    'tenantId: 00000000-0000-0000-0000-0000000000001',
    'bot:',
    '  id: 00000000-0000-0000-0000-00000000000011',
    '  name: Test Bot',
    'currentUser:',
    `  ${user(current, '  ')}`,
    'users:',
    ...USERS.filter((u) => u !== current).map((u) => `  - ${user(u, '    ')}`),
    'personalChat:',
    `  id: personal-chat-${current.id}`,
    'groupChat:',
    `  id: group-chat-${current.id}`,
    '  name: Group Chat',
    'team:',
    '  id: team-id',
    '  name: My Team',
    '  aadGroupId: 00000000-0000-0000-0000-000000000031',
    '  channels:',
    '    - id: channel-announcements-id',
    '      name: Announcements',
    '',
  ].join('\n');
}

interface Client {
  child: ChildProcess;
  page: Page;
}

let server: TestServer;
let browser: Browser;
let dir: string;
const clients: Client[] = [];

async function startClient(as: (typeof USERS)[number], endpoint: string): Promise<Client> {
  const config = path.join(dir, `${as.id}.yml`);
  writeFileSync(config, configFor(as));
  const port = 56700 + Math.floor(Math.random() * 800);
  const child = spawn(path.join(ROOT, 'node_modules/.bin/agentsplayground'), ['-e', endpoint, '-c', 'msteams', '--disable-telemetry', '-p', String(port)], {
    cwd: dir,
    env: { ...process.env, M365_AGENTS_PLAYGROUND_CONFIG_PATH: config, M365_AGENTS_PLAYGROUND_LOGFILE: path.join(dir, `${as.id}.log`) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the playground did not start: ${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Listening on (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(`http://localhost:${m[1]}`);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the playground exited (${code}): ${out}`)));
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1100 }, locale: 'en-US' });
  await page.goto(url);
  await page.getByRole('treeitem', { name: 'Personal Chat' }).waitFor({ timeout: 30_000 });
  const client = { child, page };
  clients.push(client);
  return client;
}

async function send(page: Page, text: string): Promise<void> {
  const box = page.locator('[contenteditable="true"][role="textbox"]');
  await box.click();
  await box.fill(text);
  await box.press('Enter');
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 45_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The last card in view that shows this text. */
const cardWith = (page: Page, text: string | RegExp) => page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();

run('two people in the Agents Playground run a sealed poll with a roster', () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'playground-poll-'));
    // Alex is an editor of the register, Megan a reader (as Entra ID app roles would say; see bot/roles.ts).
    server = await startTestServer({ env: { ROLE_ASSIGNMENTS: `${USERS[0].aad}=editor, ${USERS[1].aad}=reader` } });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    for (const { child } of clients) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    }
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('sealed poll, roster from the channel, two votes, who has not voted, a reminder in the thread, close, outcome on the entry', async () => {
    const endpoint = `${server.url}/api/messages`;
    const alex = await startClient(USERS[0], endpoint);
    const megan = await startClient(USERS[1], endpoint);

    // Alex opens the team channel (the bot is installed there); an admin binds the ICT focus group to it.
    await alex.page.getByRole('treeitem', { name: 'My Team - General' }).click();
    const general = await waitFor(async () => (await server.register.store.conversations.list()).find((r) => r.channelId === r.teamId));
    const [group] = (await server.register.focusGroups.list()).filter((g) => g.domain === 'ICT');
    const bound = await server.api(`/api/focus-groups/${group.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': group.etag },
      json: { channel: { teamId: general.teamId, channelId: general.channelId, name: 'General' } },
    });
    expect(bound.status).toBe(200);
    const [entry] = await server.register.entries.list({ domain: 'ICT' });

    // Alex starts a sealed poll, in French, for the channel's members; it is posted to the channel.
    await alex.page.getByRole('treeitem', { name: 'Personal Chat' }).click();
    const question = 'Quel jour pour le groupe ICT ?';
    await send(alex.page, `sondage scellé votants=canal groupe=ICT fiche=${entry.id} decision=oui ${question} | Lundi | Mardi | Mercredi`);
    await alex.page
      .getByText(/Sondage \d+ lancé/)
      .last()
      .waitFor({ timeout: 45_000 });
    const poll = await waitFor(async () => (await server.register.store.polls.list()).find((p) => p.question === question));
    expect(poll).toMatchObject({ sealed: true, status: 'open', language: 'fr', createdBy: { id: USERS[0].aad } });
    expect(poll.roster!.map((m) => m.name).sort()).toEqual(USERS.map((u) => u.name).sort());

    // Alex votes on the shared card in the channel: his own view says what he chose, the counts stay sealed.
    await alex.page.getByRole('treeitem', { name: 'My Team - General' }).click();
    const shared = cardWith(alex.page, question);
    await shared.waitFor({ timeout: 45_000 });
    expect(await shared.innerText()).toContain('Bulletins déposés\u00a0: 0');
    await shared.getByRole('radio', { name: 'Mardi' }).check();
    await shared.getByRole('button', { name: 'Voter', exact: true }).click();
    const alexView = cardWith(alex.page, 'Votre vote\u00a0: Mardi');
    await alexView.waitFor({ timeout: 45_000 });
    expect(await alexView.innerText()).toContain('Bulletins déposés\u00a0: 1');
    expect(await alexView.innerText()).not.toMatch(/Mardi\s*:\s*1/);

    // Megan, a reader, may not start a poll: the bot tells her what it takes, in her language.
    await send(megan.page, 'sondage Une autre question ? | Oui | Non');
    await megan.page
      .getByText(/Cette action demande le rôle «\u00a0rédacteur\u00a0»/)
      .last()
      .waitFor({ timeout: 45_000 });

    // Megan, in her own client, asks the bot for the poll and votes on her own view of it.
    await send(megan.page, `sondage ${poll.id}`);
    const meganCard = cardWith(megan.page, question);
    await meganCard.waitFor({ timeout: 45_000 });
    await meganCard.getByRole('radio', { name: 'Lundi' }).check();
    await meganCard.getByRole('button', { name: 'Voter', exact: true }).click();
    await cardWith(megan.page, 'Votre vote\u00a0: Lundi').waitFor({ timeout: 45_000 });
    await megan.page.screenshot({ path: artifactPath('bot', 'playground-poll-megan-voted.png') });
    expect((await server.register.polls.votes(poll.id)).map((v) => v.voter.id).sort()).toEqual([USERS[0].aad, USERS[1].aad].sort());

    // Alex's own view is still his, not replaced by a shared card: he can ask who has not voted.
    await alex.page.getByRole('treeitem', { name: 'My Team - General' }).click();
    await cardWith(alex.page, 'Votre vote\u00a0: Mardi').getByRole('button', { name: 'Qui n’a pas voté\u00a0?' }).click();
    const notVoted = cardWith(alex.page, /N’ont pas encore voté \(4\)/);
    await notVoted.waitFor({ timeout: 45_000 });
    expect(await notVoted.innerText()).toMatch(/Adele Vance, Isaiah Langer, Patti Fernandez, Lynne Robbins/);
    expect(await notVoted.innerText()).toContain('Bulletins déposés\u00a0: 2');
    await alex.page.screenshot({ path: artifactPath('bot', 'playground-poll-not-voted.png') });

    // A reminder in the poll's thread mentions those four, and only them.
    await notVoted.getByRole('button', { name: 'Envoyer un rappel' }).click();
    await cardWith(alex.page, 'Rappel envoyé aux 4 personnes').waitFor({ timeout: 45_000 });
    // (the log panel shows the raw activity with its <at> tags; the chat shows the mentions as names)
    const posted = alex.page.getByText(/attend encore votre vote\.\s*Adele Vance/).last();
    await posted.waitFor({ timeout: 45_000 });
    await alex.page.screenshot({ path: artifactPath('bot', 'playground-poll-reminder.png') });
    const reminder = await posted.innerText();
    expect(reminder).toContain('Adele Vance');
    expect(reminder).toContain('Isaiah Langer');
    expect(reminder).toContain('Lynne Robbins');
    expect(reminder).not.toContain('Megan Bowen');
    const reminders = (await server.register.store.deliveries.list()).filter((d) => d.kind === 'poll_reminder');
    expect(reminders).toEqual([expect.objectContaining({ state: 'sent', key: expect.stringContaining(`poll:${poll.id}:reminder:`) })]);

    // Alex closes it: the results card names the tie, with the figures; the outcome is on the entry.
    // (the card asks first: Close only shows what closing does and its own button)
    await cardWith(alex.page, 'Rappel envoyé').getByRole('button', { name: 'Clôturer le sondage' }).click();
    await cardWith(alex.page, 'Rappel envoyé').getByRole('button', { name: 'Oui, clôturer maintenant' }).click();
    await alex.page.getByText(`Résultats du sondage ${poll.id}`).last().waitFor({ timeout: 45_000 });
    const results = cardWith(alex.page, `Résultats du sondage ${poll.id}`);
    expect(await results.innerText()).toContain('égalité entre «\u00a0Lundi\u00a0» et «\u00a0Mardi\u00a0»');
    expect(await results.innerText()).toContain('Participation\u00a0: 2 sur 6 votants inscrits (33\u00a0%)');
    await alex.page.screenshot({ path: artifactPath('bot', 'playground-poll-results.png') });
    const decided = await server.register.entries.get(entry.id);
    expect(decided.decisions.find((d) => d.pollId === poll.id)).toMatchObject({
      body: 'focus_group',
      outcome: 'noted',
      text: { fr: expect.stringContaining('égalité') },
    });

    // Megan can no longer vote: her card says so.
    await send(megan.page, `sondage ${poll.id}`);
    await cardWith(megan.page, /Clôturé le \d/).waitFor({ timeout: 45_000 });
  });
  test('a poll started with "stemming" in an English Teams client stays Dutch for its chair; closed after midnight or by the timetable at 00:00 Brussels time, it is decided on that Brussels day', async () => {
    // The register's clock is the test's: 4 December 2026, 11:00 in Brussels.
    const realNow = systemClock.now;
    let now = new Date('2026-12-04T10:00:00Z');
    systemClock.now = () => now;
    try {
      const alex = clients[0] ?? (await startClient(USERS[0], `${server.url}/api/messages`));
      const [group] = (await server.register.focusGroups.list()).filter((g) => g.domain === 'HR');
      const [entry] = await server.register.entries.list({ domain: 'HR' });
      await alex.page.getByRole('treeitem', { name: 'Personal Chat' }).click();
      // The Playground's client says en-US; the command word is Dutch: the form is Dutch and so is the poll.
      await send(alex.page, 'stemming');
      const form = cardWith(alex.page, 'Een stemming starten');
      await form.waitFor({ timeout: 45_000 });
      const question = 'Keurt u het gezamenlijke opleidingsplan goed?';
      await form.getByLabel('Vraag').fill(question);
      await form.getByLabel(/^Opties/).fill('Ja\nNee');
      await form.getByRole('combobox', { name: /^Focusgroep/ }).click();
      await alex.page.getByRole('option', { name: 'Focusgroep personeel' }).click();
      await form.getByLabel(/^Over fiche/).fill(entry.id);
      await form.getByRole('button', { name: 'Stemming starten' }).click();

      const chairView = cardWith(alex.page, 'U hebt nog niet gestemd.');
      await chairView.waitFor({ timeout: 45_000 });
      const poll = await waitFor(async () => (await server.register.store.polls.list()).find((p) => p.question === question));
      expect(poll).toMatchObject({ language: 'nl', focusGroupId: group.id, entryId: entry.id, recordDecision: true });
      expect(await chairView.innerText()).toContain(`De uitslag wordt als beslissing op fiche ${entry.id} vastgelegd.`);

      // The chair votes: the answer is his own view, still in Dutch, whatever his client's language.
      await chairView.getByRole('radio', { name: 'Ja' }).check();
      await chairView.getByRole('button', { name: 'Stemmen', exact: true }).click();
      const voted = cardWith(alex.page, 'Uw stem: Ja');
      await voted.waitFor({ timeout: 45_000 });
      expect(await voted.innerText()).not.toMatch(/Your vote|Started by/);

      // 00:30 in Brussels on 5 December is still the 4th in UTC: the chair closes (the card asks first).
      now = new Date('2026-12-04T23:30:00Z');
      await voted.getByRole('button', { name: 'Stemming sluiten' }).click();
      await voted.getByText('Stemming nu sluiten?').waitFor({ timeout: 45_000 });
      expect(poll.status).toBe('open');
      await voted.getByRole('button', { name: 'Ja, nu sluiten' }).click();
      const closed = cardWith(alex.page, 'Gesloten op 5 december 2026 om 00:30');
      await closed.waitFor({ timeout: 45_000 });
      const decided = await waitFor(async () => (await server.register.entries.get(entry.id)).decisions.find((d) => d.pollId === poll.id));
      expect(decided).toMatchObject({ body: 'focus_group', outcome: 'approved', date: '2026-12-05' });
      await cardWith(alex.page, `Uitslag van stemming ${poll.id}`).waitFor({ timeout: 45_000 });
      await alex.page.screenshot({ path: artifactPath('bot', 'playground-poll-stemming-dutch.png') });

      // A poll the timetable closes at exactly 00:00 Brussels time (23:00 UTC the day before): decided that Brussels day.
      now = new Date('2026-12-05T10:00:00Z');
      const midnight = 'Gaan we akkoord met de raamovereenkomst?';
      await send(alex.page, `stemming groep=HR fiche=${entry.id} sluit=2026-12-06T00:00 ${midnight} | Ja | Nee`);
      const timed = await waitFor(async () => (await server.register.store.polls.list()).find((p) => p.question === midnight));
      expect(timed).toMatchObject({ language: 'nl', closesAt: '2026-12-05T23:00:00.000Z', recordDecision: true });
      await cardWith(alex.page, 'Sluit op 6 december 2026 om 00:00').waitFor({ timeout: 45_000 });
      now = new Date('2026-12-05T23:00:05Z');
      expect((await server.register.pollSchedule.sweep()).closed).toBe(1);
      const atMidnight = await waitFor(async () => (await server.register.entries.get(entry.id)).decisions.find((d) => d.pollId === timed.id));
      expect(atMidnight).toMatchObject({ body: 'focus_group', outcome: 'deferred', date: '2026-12-06' });
      await cardWith(alex.page, `Uitslag van stemming ${timed.id}`).waitFor({ timeout: 45_000 });
      expect(await cardWith(alex.page, `Uitslag van stemming ${timed.id}`).innerText()).toContain('Gesloten op 6 december 2026 om 00:00');
      await alex.page.screenshot({ path: artifactPath('bot', 'playground-poll-midnight.png') });
    } finally {
      systemClock.now = realNow;
    }
  });
});
