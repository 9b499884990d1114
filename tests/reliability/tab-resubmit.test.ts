import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

jest.setTimeout(60000);

/**
 * The tab's form sends one Idempotency-Key per submission: when the answer to a create is lost (the network
 * drops it after the server stored the entry), saving again gives back the entry created the first time
 * instead of a second one.
 */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ demoData: false });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('a create whose answer was lost, saved again, is stored once and the page shows it', async () => {
  const context = await browser.newContext({ locale: 'nl-BE' });
  const page = await context.newPage();
  const posts: Array<{ key: string | undefined; status: number | 'lost' }> = [];
  let dropNext = true;
  await page.route('**/api/entries', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const key = route.request().headers()['idempotency-key'];
    const answer = await route.fetch();
    if (dropNext) {
      // the server stored the entry; its answer never reaches the page
      dropNext = false;
      posts.push({ key, status: 'lost' });
      return route.abort('connectionreset');
    }
    posts.push({ key, status: answer.status() });
    return route.fulfill({ response: answer });
  });
  await page.goto(`${server.url}/tab#/new`);
  await page.waitForSelector('form.entry-form');
  await page.getByLabel('Titel in het Nederlands').fill('Gedeelde archiefruimte');
  await page.getByLabel('Domein').selectOption('LEGAL');
  await page.getByLabel('Status', { exact: true }).selectOption('proposed');
  await page.getByLabel('Samenwerkingsvorm').selectOption('shared_premises_equipment');
  await page.click('[data-testid="save-entry"]');
  await page.waitForSelector('#form-summary .message-error');

  await page.click('[data-testid="save-entry"]');
  await page.waitForSelector('[data-testid="entry-title"]');
  expect(posts).toEqual([
    { key: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'lost' },
    { key: posts[0].key, status: 200 }, // 200: the first result, replayed (a new entry would be 201)
  ]);
  const stored = (await (await server.api('/api/entries')).json()).items.filter((e: { title: { nl?: string } }) => e.title.nl === 'Gedeelde archiefruimte');
  expect(stored).toHaveLength(1);
  expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#/entry/${stored[0].id}`);
  await context.close();
});

test('two separate forms are two entries: the key is per submission, not per page', async () => {
  const context = await browser.newContext({ locale: 'nl-BE' });
  const page = await context.newPage();
  const keys: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/entries')) keys.push(r.headers()['idempotency-key']);
  });
  for (const title of ['Eerste gedeelde dienst', 'Tweede gedeelde dienst']) {
    await page.goto(`${server.url}/tab#/new`);
    await page.waitForSelector('form.entry-form');
    await page.getByLabel('Titel in het Nederlands').fill(title);
    await page.getByLabel('Domein').selectOption('LEGAL');
    await page.getByLabel('Status', { exact: true }).selectOption('proposed');
    await page.getByLabel('Samenwerkingsvorm').selectOption('shared_premises_equipment');
    await page.click('[data-testid="save-entry"]');
    await page.waitForSelector('[data-testid="entry-title"]');
  }
  expect(keys).toHaveLength(2);
  expect(keys[0]).not.toBe(keys[1]);
  const titles = (await (await server.api('/api/entries')).json()).items.map((e: { title: { nl?: string } }) => e.title.nl);
  expect(titles).toEqual(expect.arrayContaining(['Eerste gedeelde dienst', 'Tweede gedeelde dienst']));
  await context.close();
});
