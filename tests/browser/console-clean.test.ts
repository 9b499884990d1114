import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { describeNeeding } from '../support/tools';
import { closeSuite } from '../support/browser-suite';

/**
 * The pages open with a clean console: no script error, no blocked request, no Content-Security-Policy
 * violation. teams-js fetches Microsoft's list of valid Teams domains from its CDN, the Word pane loads
 * office.js from Microsoft's: offline, the test answers those requests the way the CDN would (office.js by a
 * stand-in that behaves as outside Office), so a CSP that blocked them would still show.
 */

const VALID_DOMAINS = 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** office.js outside Office: onReady resolves with no host; the test sees that a page's own script called it. */
const OFFICE_OUTSIDE_OFFICE = `window.Office = { HostType: { Word: 'Word' }, onReady: function (callback) {
  document.documentElement.dataset.officeReady = 'true';
  var info = { host: null, platform: null };
  if (callback) callback(info);
  return Promise.resolve(info);
} };`;
const run = describeNeeding('chromium');
let server: TestServer;
let browser: Browser;

async function consoleOf(path: string, ready: (page: Page) => Promise<unknown>): Promise<{ problems: string[]; cdnRequests: number }> {
  const context = await browser.newContext({ locale: 'fr-BE' });
  const page = await context.newPage();
  const problems: string[] = [];
  let cdnRequests = 0;
  await page.route(VALID_DOMAINS, (route) => {
    cdnRequests++;
    return route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({ validOrigins: ['teams.microsoft.com', '*.teams.microsoft.com'] }),
    });
  });
  await page.route(OFFICE_JS, (route) => {
    cdnRequests++;
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: OFFICE_OUTSIDE_OFFICE });
  });
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  await page.goto(`${server.url}${path}`);
  await ready(page);
  // teams-js settles its start-up (outside Teams: no parent window) asynchronously
  await page.waitForLoadState('networkidle');
  await context.close();
  return { problems, cdnRequests };
}

run('a clean browser console', () => {
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  }, 60_000);
  afterAll(() => closeSuite({ browser, server }));

  test.each(['/tab', '/tab/config'])('%s: teams-js starts without console errors', async (path) => {
    const { problems } = await consoleOf(path, (page) => page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 }));
    expect(problems).toEqual([]);
  });

  test.each(['/legal/privacy?lang=fr', '/legal/terms?lang=nl', '/legal/privacy?lang=en'])('%s opens without console errors', async (path) => {
    const { problems } = await consoleOf(path, (page) => page.waitForSelector('h1'));
    expect(problems).toEqual([]);
  });

  test('/addin/taskpane.html: the Word pane loads office.js and its script without console errors', async () => {
    const { problems, cdnRequests } = await consoleOf('/addin/taskpane.html', (page) =>
      page.waitForFunction(() => document.body.dataset.office !== undefined, undefined, { timeout: 15_000 }),
    );
    expect(problems).toEqual([]);
    expect(cdnRequests).toBe(1);
  });

  test("/addin/commands.html (the ribbon's function file) initialises Office without console errors", async () => {
    const { problems, cdnRequests } = await consoleOf('/addin/commands.html', (page) =>
      page.waitForFunction(() => document.documentElement.dataset.officeReady === 'true', undefined, { timeout: 15_000 }),
    );
    expect(problems).toEqual([]);
    expect(cdnRequests).toBe(1);
  });

  test('the check can fail: a script blocked by the page’s policy is reported', async () => {
    const { problems } = await consoleOf('/legal/privacy', async (page) => {
      await page.addScriptTag({ content: 'window.blocked = true' }).catch(() => undefined);
    });
    expect(problems.join('\n')).toMatch(/Content Security Policy/);
  });
});
