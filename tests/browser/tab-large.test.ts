import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { DOMAIN_CODES } from '../../src/domain/vocabulary';
import { artifactPath, launchChromium } from '../support/browser';
import { writeLargeRegister } from '../support/large-register';
import { startTestServer, type TestServer } from '../support/server';
import { openPage } from './tab-helpers';

jest.setTimeout(90000);

const COUNT = 5000;
let dataDir: string;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'synergy-tab-large-'));
  await writeLargeRegister(dataDir, COUNT);
  server = await startTestServer({ dataDir, demoData: false });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a register of 5 000 entries renders one page at a time and filters without freezing', async () => {
  const started = Date.now();
  const { page, context, errors } = await openPage(browser, `${server.url}/tab`);
  await page.waitForFunction(() => /^5\.000 maatregelen gevonden$/.test(document.querySelector('#register-summary')?.textContent ?? ''));
  const firstRender = Date.now() - started;
  // only one page is in the DOM, grouped by domain; the headings carry the domain totals of all 5 000
  expect(await page.locator('.entry-row').count()).toBe(50);
  expect(await page.locator('.pager-position').innerText()).toBe('Pagina 1 van 100');
  const headings = await page.locator('.domain-group h3').allInnerTexts();
  expect(headings[0]).toMatch(/^Financiën, begroting en boekhouding \(\d+\)$/);
  const perDomain = Math.round(COUNT / DOMAIN_CODES.length);
  expect(Number(headings[0].match(/\((\d+)\)/)![1])).toBeGreaterThanOrEqual(perDomain - 1);

  await page.click('[data-testid="page-next"]');
  await page.waitForFunction(() => document.querySelector('.pager-position')?.textContent === 'Pagina 2 van 100');
  expect(await page.locator('.entry-row').count()).toBe(50);

  // typing fast: the debounce sends one query, the page stays responsive while it runs
  const typed = Date.now();
  await page.getByLabel('Zoeken').pressSequentially('zonnepanelen', { delay: 20 });
  const responsive = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const t = performance.now();
        requestAnimationFrame(() => resolve(performance.now() - t));
      }),
  );
  await page.waitForFunction(() => /^52 maatregelen gevonden$/.test(document.querySelector('#register-summary')?.textContent ?? ''));
  const filtered = Date.now() - typed;
  expect(await page.locator('.pager-position').innerText()).toBe('Pagina 1 van 2');
  // a domain filter selects the domain and its sub-domains (ICT: ICT and ICT.SEC)
  await page.getByLabel('Zoeken').fill('');
  await page.getByLabel('Domein').selectOption('ICT');
  await page.waitForFunction(() => document.querySelector('.pager-position')?.textContent === 'Pagina 1 van 8');
  const domains = await page.locator('.domain-group').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.domain));
  expect(domains).toEqual(['ICT']); // report order: ICT first, its sub-domain ICT.SEC on the later pages
  await page.screenshot({ path: artifactPath('tab', 'register-5000.png') });
  console.log(`5 000 entries: first render ${firstRender} ms, filter after typing ${filtered} ms, frame while typing ${Math.round(responsive)} ms`);
  expect(errors).toEqual([]);
  await context.close();
});
