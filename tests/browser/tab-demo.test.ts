import { artifactPath } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { openPage } from './tab-helpers';

jest.setTimeout(60000);

const suite = browserSuite();

test('the demo register (Molenbeek 2023, Ukkel 2026) opens in Dutch and every entry is reachable', async () => {
  const api = await (await suite.server.api('/api/entries?limit=1')).json();
  expect(api.total).toBeGreaterThan(100);
  const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/tab`);
  expect(await page.locator('h2#view-title').innerText()).toBe('Register van synergieën');
  await page.waitForFunction((total) => document.querySelector('#register-summary')?.textContent === `${total} maatregelen gevonden`, api.total);
  expect(await page.locator('.entry-row').count()).toBe(Math.min(50, api.total));
  await page.screenshot({ path: artifactPath('tab', 'demo-register-nl.png') });
  await page.goto(`${suite.server.url}/tab#/meetings`);
  await page.waitForSelector('.card');
  await page.screenshot({ path: artifactPath('tab', 'demo-meetings-nl.png') });
  expect(errors).toEqual([]);
  await context.close();
});
