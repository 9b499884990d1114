import type { Page } from 'playwright-core';
import { browserSuite } from '../support/browser-suite';

jest.setTimeout(60000);

/**
 * The tab's form sends one Idempotency-Key per submission: when the answer to a create is lost (the network
 * drops it after the server stored the entry), saving again gives back the entry created the first time
 * instead of a second one.
 */
const suite = browserSuite({ demoData: false });

/** The first POST to `url` is stored by the server but its answer never reaches the page; later ones pass. */
async function loseFirstAnswer(page: Page, url: string): Promise<Array<{ key: string | undefined; status: number | 'lost' }>> {
  const posts: Array<{ key: string | undefined; status: number | 'lost' }> = [];
  await page.route(url, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const key = route.request().headers()['idempotency-key'];
    const answer = await route.fetch();
    if (posts.length === 0) {
      posts.push({ key, status: 'lost' });
      return route.abort('connectionreset');
    }
    posts.push({ key, status: answer.status() });
    return route.fulfill({ response: answer });
  });
  return posts;
}

test('a create whose answer was lost, saved again, is stored once and the page shows it', async () => {
  const context = await suite.browser.newContext({ locale: 'nl-BE' });
  const page = await context.newPage();
  const posts = await loseFirstAnswer(page, '**/api/entries');
  await page.goto(`${suite.server.url}/tab#/new`);
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
  const stored = (await (await suite.server.api('/api/entries')).json()).items.filter(
    (e: { title: { nl?: string } }) => e.title.nl === 'Gedeelde archiefruimte',
  );
  expect(stored).toHaveLength(1);
  expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#/entry/${stored[0].id}`);
  await context.close();
});

test('two separate forms are two entries: the key is per submission, not per page', async () => {
  const context = await suite.browser.newContext({ locale: 'nl-BE' });
  const page = await context.newPage();
  const keys: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/entries')) keys.push(r.headers()['idempotency-key']);
  });
  for (const title of ['Eerste gedeelde dienst', 'Tweede gedeelde dienst']) {
    await page.goto(`${suite.server.url}/tab#/new`);
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
  const titles = (await (await suite.server.api('/api/entries')).json()).items.map((e: { title: { nl?: string } }) => e.title.nl);
  expect(titles).toEqual(expect.arrayContaining(['Eerste gedeelde dienst', 'Tweede gedeelde dienst']));
  await context.close();
});

test('a poll whose answer was lost, created again from the same form, is one poll', async () => {
  const group = await (
    await suite.server.api('/api/focus-groups', {
      method: 'POST',
      json: {
        domain: 'PROC',
        name: { nl: 'Focusgroep Aankoop', fr: 'Groupe de travail Achats' },
        members: [{ id: 'local-developer', name: 'Lokale ontwikkelaar', administration: 'gemeente', role: 'contact' }],
      },
    })
  ).json();
  const entry = await (
    await suite.server.api('/api/entries', {
      method: 'POST',
      json: {
        title: { nl: 'Gezamenlijke aankoopcentrale', fr: 'Centrale d’achat commune' },
        domain: 'PROC',
        status: 'under_study',
        kind: 'economy_of_scale',
        formalisation: 'joint_procurement',
        focusGroupId: group.id,
      },
    })
  ).json();
  const context = await suite.browser.newContext({ locale: 'fr-BE' });
  const page = await context.newPage();
  const posts = await loseFirstAnswer(page, '**/api/polls');
  await page.goto(`${suite.server.url}/tab?lang=fr&entry=${entry.id}`);
  await page.getByTestId('new-poll').click();
  await page.getByTestId('poll-form').waitFor();
  await page.getByLabel('Question').fill('Quelle centrale d’achat ?');
  await page.getByLabel('Options, une par ligne (2 à 10)').fill('Rejoindre une centrale existante\nCréer notre centrale');
  await page.getByTestId('create-poll').click();
  await page.locator('[data-testid="poll-form"] .message-error').first().waitFor();

  await page.getByTestId('create-poll').click();
  await page.getByTestId('poll-question').waitFor();
  expect(posts).toEqual([
    { key: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'lost' },
    { key: posts[0].key, status: 200 },
  ]);
  const polls = (await (await suite.server.api(`/api/polls?entryId=${entry.id}`)).json()).items ?? [];
  expect(polls.filter((p: { question: string }) => p.question === 'Quelle centrale d’achat ?')).toHaveLength(1);
  await context.close();
});
