import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { describeNeeding } from '../support/tools';

/**
 * A real client we did not write: the Microsoft 365 Agents Playground (offline, acting as Teams and as
 * the Bot Connector) talks to the running server's /api/messages; headless Chromium drives its chat UI.
 * Ask for open actions, start a poll in the team channel, vote, see the tally change, close it, and find
 * the outcome on the register entry.
 */

const ROOT = path.resolve(__dirname, '../..');
const run = describeNeeding('chromium');

let server: TestServer;
let playground: ChildProcess | undefined;
let browser: Browser | undefined;
let page: Page;
let playgroundUrl = '';

function startPlayground(endpoint: string): Promise<{ child: ChildProcess; url: string }> {
  const port = 56200 + Math.floor(Math.random() * 500);
  const child = spawn(path.join(ROOT, 'node_modules/.bin/agentsplayground'), ['-e', endpoint, '-c', 'msteams', '--disable-telemetry', '-p', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the playground did not start: ${out}`)), 20_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Listening on (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: `http://localhost:${m[1]}` });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the playground exited (${code}): ${out}`)));
  });
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * After a vote the voter's own view (their ballot, the tally) answers the button and stays: the bot no
 * longer rewrites the shared card under it while people vote.
 */
async function myView(tally: RegExp, choice: string): Promise<void> {
  const mine = page
    .locator('.ac-adaptiveCard')
    .filter({ hasText: `Your vote: ${choice}` })
    .filter({ hasText: tally });
  await mine.last().waitFor({ timeout: 15_000 });
}

async function send(text: string): Promise<void> {
  const box = page.locator('[contenteditable="true"][role="textbox"]');
  await box.click();
  await box.fill(text);
  await box.press('Enter');
}

run('Microsoft 365 Agents Playground, headless', () => {
  beforeAll(async () => {
    server = await startTestServer();
    const started = await startPlayground(`${server.url}/api/messages`);
    playground = started.child;
    playgroundUrl = started.url;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
    await page.goto(playgroundUrl);
    await page.getByRole('treeitem', { name: 'Personal Chat' }).waitFor({ timeout: 20_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (playground && playground.exitCode === null) {
      playground.kill('SIGTERM');
      await new Promise((r) => playground!.once('exit', r));
    }
    await server?.stop();
  });

  test('chat: ask for open actions, start a poll in the team channel, vote, see the tally change, close it', async () => {
    // 1. Personal chat: the open actions card.
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
    await send('open actions overdue');
    await page.getByText('Open actions', { exact: true }).last().waitFor({ timeout: 15_000 });
    await page
      .getByText(/\d+ actions/)
      .last()
      .waitFor();
    await page.screenshot({ path: artifactPath('bot', 'playground-open-actions.png') });

    // 2. Opening the team channel installs the app there: the bot stores the channels' conversation
    //    references. Bind the ICT focus group to the General channel (as an admin would in the tab).
    await page.getByRole('treeitem', { name: 'My Team - General' }).click();
    const general = await waitFor(async () =>
      (await server.register.store.conversations.list()).find((r) => r.channelName === 'General' || r.channelId === r.teamId),
    );
    const [group] = (await server.register.focusGroups.list()).filter((g) => g.domain === 'ICT');
    const bound = await server.api(`/api/focus-groups/${group.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': group.etag },
      json: { channel: { teamId: general.teamId, channelId: general.channelId, name: 'General' } },
    });
    expect(bound.status).toBe(200);

    // 3. From the personal chat, start a poll for the ICT focus group about one of its entries: the bot
    //    posts it proactively to the group's channel.
    const [entry] = await server.register.entries.list({ domain: 'ICT' });
    expect(entry).toBeDefined();
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
    const question = 'Which day suits the ICT focus group?';
    await send(`poll group=ICT entry=${entry.id} decision=yes ${question} | Monday | Tuesday | Wednesday`);
    await page
      .getByText(/Poll \d+ started/)
      .last()
      .waitFor({ timeout: 15_000 });
    await page.getByRole('treeitem', { name: 'My Team - General' }).click();
    await page
      .getByText(/^Tuesday: 0 \(0%\)/)
      .last()
      .waitFor({ timeout: 15_000 });
    await page.screenshot({ path: artifactPath('bot', 'playground-poll.png') });
    const [poll] = (await server.register.store.polls.list()).filter((p) => p.question === question);
    expect(poll.status).toBe('open');

    // 3. Vote with the card's Action.Execute button; the card shows the new tally and my choice.
    await page.getByRole('radio', { name: 'Tuesday' }).last().check();
    await page.getByRole('button', { name: 'Vote', exact: true }).last().click();
    await myView(/Tuesday: 1 \(100%\)/, 'Tuesday');
    await page.screenshot({ path: artifactPath('bot', 'playground-voted.png') });
    const votes = await server.register.store.votes.list({ field: 'pollId', equals: poll.id });
    expect(votes).toHaveLength(1);
    expect(votes[0].optionIds).toEqual(['o2']);

    // 4. Change my mind: still one ballot, the tally moves.
    await page.getByRole('radio', { name: 'Wednesday' }).last().check();
    await page.getByRole('button', { name: 'Change my vote', exact: true }).last().click();
    await myView(/Wednesday: 1 \(100%\)/, 'Wednesday');
    expect(await server.register.store.votes.list({ field: 'pollId', equals: poll.id })).toHaveLength(1);

    // 5. Close it (I started it; the card asks first): the results are posted and the outcome is on the entry.
    await page.getByRole('button', { name: 'Close poll', exact: true }).last().click();
    await page.getByRole('button', { name: 'Yes, close now', exact: true }).last().click();
    await page.getByText(`Results of poll ${poll.id}`).last().waitFor({ timeout: 15_000 });
    await page
      .getByText(/“Wednesday” chosen with 1 of 1 ballot/)
      .last()
      .waitFor();
    await page.screenshot({ path: artifactPath('bot', 'playground-results.png') });
    const decided = await server.register.entries.get(entry.id);
    expect(decided.decisions.find((d) => d.pollId === poll.id)).toMatchObject({ body: 'focus_group', outcome: 'noted' });
    const api = await (await server.api(`/api/polls?entryId=${entry.id}`)).json();
    expect(api.items.find((p: { id: string }) => p.id === poll.id).status).toBe('closed');
  }, 120_000);
});
