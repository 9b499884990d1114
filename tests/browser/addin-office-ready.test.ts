import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { describeNeeding } from '../support/tools';
import { closeSuite } from '../support/browser-suite';

/**
 * A slow Word start: office.js answers Office.onReady only later. The pane says Word is still starting and
 * keeps asking instead of settling for "outside Word"; when Word answers, it is the Word pane (Insert on).
 */

const maybe = describeNeeding('chromium');

/** office.js whose onReady answers only when the test calls window.__officeReady(). */
const SLOW_OFFICE = `
  let ready;
  const answer = new Promise((resolve) => (ready = resolve));
  window.__onReadyCalls = 0;
  window.__officeReady = () => ready({ host: 'Word', platform: 'OfficeOnline' });
  window.Office = {
    HostType: { Word: 'Word' },
    onReady: () => { window.__onReadyCalls++; return answer; },
    context: { displayLanguage: 'fr-BE', requirements: { isSetSupported: () => true } },
  };`;

maybe('Word add-in task pane waiting for a slow Word', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ demoData: false });
    browser = await launchChromium();
  });
  afterAll(() => closeSuite({ browser, server }));

  test('says Word is still starting, asks Office.onReady again, and becomes the Word pane when Word answers', async () => {
    const context = await browser.newContext({ locale: 'nl-BE' });
    const page = await context.newPage();
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: SLOW_OFFICE }));
    await page.goto(`${server.url}/addin/taskpane.html`);
    // the first wait ends without an answer: the pane says so (in the browser's language until Word answers)
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.startsWith('Word wordt nog gestart'), undefined, { timeout: 20_000 });
    await page.waitForFunction(() => (window as unknown as { __onReadyCalls: number }).__onReadyCalls >= 2);
    expect(await page.evaluate(() => document.body.dataset.office)).toBeUndefined();
    await page.evaluate(() => (window as unknown as { __officeReady: () => void }).__officeReady());
    await page.waitForFunction(() => document.body.dataset.office === 'word', undefined, { timeout: 15_000 });
    expect(await page.isDisabled('#insert')).toBe(false);
    // Word's display language from then on
    await expect(page.textContent('#status')).resolves.toMatch(/^Placez le curseur/);
    await context.close();
  });
});
