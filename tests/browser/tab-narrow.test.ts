import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { type Fixture, json, seed } from './tab-helpers';
import { closeSuite } from '../support/browser-suite';

jest.setTimeout(120000);

let server: TestServer;
let browser: Browser;
let fx: Fixture;

beforeAll(async () => {
  server = await startTestServer({ demoData: false });
  fx = await seed(server);
  // a channel the bot bound without its name: the tab must not show the raw Teams id
  const bare = await json(
    await server.api('/api/focus-groups', {
      method: 'POST',
      json: { domain: 'HR', name: { nl: 'Focusgroep HR', fr: 'Groupe RH' }, channel: { teamId: 'team-1', channelId: '19:hr@thread.tacv2' } },
    }),
  );
  expect(bare.channel.name).toBeUndefined();
  browser = await launchChromium();
});

afterAll(() => closeSuite({ browser, server }));

/** A phone-sized Teams side panel: 400 px wide. */
async function narrow(path: string, lang = 'fr') {
  const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-BE' : 'nl-BE', viewport: { width: 400, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/tab?lang=${lang}${path}`);
  await page.waitForSelector('body[data-ready="true"]');
  return { context, page, errors };
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const current = (page: Page) => page.locator('nav.main-nav a[aria-current="page"]').evaluateAll((els) => els.map((e) => e.getAttribute('href')));

test('at 400 px no view scrolls sideways; the actions table shows the due date and the done button', async () => {
  const { page, context, errors } = await narrow('#/actions');
  await page.waitForSelector('[data-testid="actions-table"]');
  expect(await sideways(page)).toBe(0);
  const row = page.locator(`tr[data-action-id="${fx.overdueAction.id}"]`);
  for (const cell of [row.locator('td.due'), row.locator('[data-testid="mark-done"]')]) {
    expect(await cell.isVisible()).toBe(true);
    const box = (await cell.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(400);
  }
  expect(await row.locator('td.due').innerText()).toContain('2020');
  await page.screenshot({ path: artifactPath('tab', 'narrow-actions-fr.png'), fullPage: true });

  for (const view of [
    '#/register',
    `#/entry/${fx.laptops.id}`,
    `#/entry/${fx.laptops.id}/edit`,
    '#/meetings',
    '#/meetings/new',
    `#/meeting/${fx.meetingId}/edit`,
    '#/focus-groups',
    `#/actions/new?entry=${fx.laptops.id}`,
    `#/action/${fx.laterAction.id}/edit`,
    '#/annex',
    '#/templates',
    '#/translations',
    '#/import',
    '#/changes',
  ]) {
    await page.evaluate((hash) => {
      location.hash = hash;
    }, view);
    await page.waitForFunction(() => document.querySelector('#view-title') !== null && !document.querySelector('main .loading'));
    expect([view, await sideways(page)]).toEqual([view, 0]);
    expect(await current(page)).toHaveLength(1);
  }
  await page.evaluate(() => {
    location.hash = '#/register';
  });
  await page.waitForSelector('.entry-row');
  await page.screenshot({ path: artifactPath('tab', 'narrow-register-fr.png'), fullPage: true });
  expect(errors).toEqual([]);
  await context.close();
});

test('the navigation marks only the current view; a success message does not follow to another view', async () => {
  const { page, context } = await narrow('#/actions?open=0', 'nl');
  await page.waitForSelector('[data-testid="actions-table"]');
  expect(await current(page)).toEqual(['#/actions']);
  const row = page.locator(`tr[data-action-id="${fx.laterAction.id}"]`);
  await row.locator('[data-testid="mark-done"]').click();
  await page.waitForFunction(() => /is klaar/.test(document.querySelector('#announcer')?.textContent ?? ''));
  await page.click('nav.main-nav a[href="#/meetings"]');
  await page.waitForSelector(`[data-meeting-id="${fx.meetingId}"]`);
  expect(await current(page)).toEqual(['#/meetings']);
  expect(await page.locator('#announcer').innerText()).toBe('');
  // a message made for the next view (saved → the entry) is shown there, and gone one view later
  await page.evaluate((id) => {
    location.hash = `#/entry/${id}/edit`;
  }, fx.cleaning.id);
  await page.waitForSelector('form.entry-form');
  expect(await current(page)).toEqual(['#/register']);
  await page.click('[data-testid="save-entry"]');
  await page.waitForSelector('[data-testid="entry-title"]');
  expect(await page.locator('#announcer').innerText()).toContain('opgeslagen');
  await page.click('nav.main-nav a[href="#/focus-groups"]');
  await page.waitForSelector('[data-focus-group-id]');
  expect(await page.locator('#announcer').innerText()).toBe('');
  await context.close();
});

test('filters live in the URL: a reload or a shared link keeps them', async () => {
  const { page, context } = await narrow('#/register', 'nl');
  await page.waitForSelector('.entry-row');
  await page.getByLabel('Domein').selectOption('ICT');
  await page.getByLabel('Zoeken').fill('laptops');
  await page.waitForFunction(() => /q=laptops/.test(location.hash));
  expect(new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('domain')).toBe('ICT');
  await page.reload();
  await page.waitForSelector('.entry-row');
  expect(await page.getByLabel('Domein').inputValue()).toBe('ICT');
  expect(await page.getByLabel('Zoeken').inputValue()).toBe('laptops');
  expect(await page.locator('#register-summary').innerText()).toBe('1 maatregel gevonden');
  await page.evaluate(() => {
    location.hash = '#/actions';
  });
  await page.waitForSelector('[data-testid="actions-table"]');
  await page.getByLabel('Alleen achterstallige').check();
  await page.waitForFunction(() => /overdue=1/.test(location.hash));
  await page.reload();
  await page.waitForSelector('[data-testid="actions-table"]');
  expect(await page.getByLabel('Alleen achterstallige').isChecked()).toBe(true);
  await context.close();
});

test('a focus group shows its channel by name, never by its Teams id', async () => {
  const { page, context } = await narrow('#/focus-groups');
  await page.waitForSelector('[data-focus-group-id]');
  const text = await page.locator('main').innerText();
  expect(text).toContain('ICT-synergie');
  expect(text).not.toContain('19:hr@thread.tacv2');
  expect(text).toContain('Canal Teams\u00a0: canal lié (nom inconnu)');
  await page.screenshot({ path: artifactPath('tab', 'narrow-focus-groups-fr.png'), fullPage: true });
  await context.close();
});
