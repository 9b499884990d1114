import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { browserSuite } from '../support/browser-suite';

/**
 * Local mode has no sign-in, so a page of another origin open in the same browser (another app on another
 * loopback port) must not be able to change the register through it: Chromium's own cross-origin POSTs — a
 * script's fetch and a plain form — are refused, while the register's own page still saves.
 */
const suite = browserSuite({ demoData: true });
let attacker: Server;
let attackerUrl: string;
let actionId: string;

/** A page that tries, on load, what a hostile page would: a fetch with no CORS and an auto-submitted form. */
function hostilePage(target: string): string {
  return `<!doctype html><html><body>
<form id="f" method="POST" action="${target}" target="sink"><input name="x" value="1"></form><iframe name="sink"></iframe>
<script>
  fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{}' })
    .then(() => { document.title = 'fetched'; }, () => { document.title = 'fetch failed'; })
    .finally(() => document.getElementById('f').submit());
</script></body></html>`;
}

beforeAll(async () => {
  const actions = (await (
    await suite.server.api('/api/actions', {
      method: 'POST',
      json: { title: 'Indicatoren kiezen', owner: { name: 'Klimaatcoördinator' }, dueDate: '2027-01-31' },
    })
  ).json()) as { id: string };
  actionId = actions.id;
  const target = `${suite.server.url}/api/actions/${actionId}/done`;
  attacker = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(hostilePage(target)));
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((resolve) => attacker?.close(resolve)));

const statusOfAction = async () => ((await (await suite.server.api(`/api/actions/${actionId}`)).json()) as { status: string }).status;

test('a page on another loopback origin cannot mark an action done, by fetch or by form', async () => {
  const page = await suite.browser.newPage();
  const answers: number[] = [];
  page.on('response', (res) => {
    if (res.url().includes(`/api/actions/${actionId}/done`)) answers.push(res.status());
  });
  // the form's navigation into the frame comes last: its answer is the guard's 403
  const formAnswer = page.waitForResponse((res) => res.url().includes(`/api/actions/${actionId}/done`) && res.request().resourceType() === 'document');
  await page.goto(attackerUrl);
  await page.waitForFunction(() => document.title === 'fetched' || document.title === 'fetch failed');
  await formAnswer;
  await page.close();
  expect(answers.length).toBeGreaterThan(0);
  expect(answers.every((status) => status === 403)).toBe(true);
  expect(await statusOfAction()).toBe('open');
});

test('the register’s own page still saves (same origin)', async () => {
  const page = await suite.browser.newPage();
  await page.goto(`${suite.server.url}/api/health`);
  const status = await page.evaluate(async (url) => (await fetch(url, { method: 'POST' })).status, `${suite.server.url}/api/actions/${actionId}/done`);
  await page.close();
  expect(status).toBe(200);
  expect(await statusOfAction()).toBe('done');
});
