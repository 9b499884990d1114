import type { Browser, Page } from 'playwright-core';
import { PANE_FRAME_ANCESTORS } from '../../addin/csp';
import type { TestServer } from '../support/server';
import { describeNeeding } from '../support/tools';
import { openSuite, closeSuite } from '../support/browser-suite';

/**
 * Who may frame the Word task pane (its CSP frame-ancestors). Word on the web frames the pane inside its editor
 * (word-edit.officeapps.live.com), which the document's page frames in turn (SharePoint, Microsoft 365, Teams):
 * the test builds those pages offline (answered by page.route as those hosts would) around the real server's
 * pane, and a page of another site that tries the same. The register is reached as an https host too, as in a
 * tenant (Chromium would not let a public page frame localhost at all): page.route passes its requests, headers
 * and all, to the test server.
 */

const run = describeNeeding('chromium');
let server: TestServer;
let browser: Browser;

const REGISTER = 'https://register.example';
const OUTSIDE_OFFICE = 'window.Office = { onReady: function () { return Promise.resolve({ host: null, platform: null }); } };';
const frameAround = (src: string) => `<!doctype html><html><body><iframe name="inner" src="${src}" width="400" height="600"></iframe></body></html>`;

/** Opens `top`, which frames `middle` (when given), which frames the pane: whether the pane showed, and what the console said. */
async function framePane(top: string, middle?: string): Promise<{ shown: boolean; console: string[] }> {
  const context = await browser.newContext();
  const page: Page = await context.newPage();
  const messages: string[] = [];
  page.on('console', (m) => messages.push(m.text()));
  const pane = `${REGISTER}/addin/taskpane.html`;
  await page.route(`${REGISTER}/**`, async (route) => {
    const url = new URL(route.request().url());
    await route.fulfill({ response: await route.fetch({ url: `${server.url}${url.pathname}${url.search}` }) });
  });
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: OUTSIDE_OFFICE }));
  await page.route(top, (route) => route.fulfill({ contentType: 'text/html', body: frameAround(middle ?? pane) }));
  if (middle) await page.route(middle, (route) => route.fulfill({ contentType: 'text/html', body: frameAround(pane) }));
  try {
    const refused = page.waitForEvent('console', { predicate: (m) => /frame-ancestors/.test(m.text()), timeout: 20_000 }).then(
      () => false,
      () => false,
    );
    await page.goto(top);
    let frame = page.frameLocator('iframe[name="inner"]');
    if (middle) frame = frame.frameLocator('iframe[name="inner"]');
    const shown = await Promise.race([
      frame
        .locator('#heading')
        .waitFor({ timeout: 20_000 })
        .then(() => true),
      refused,
    ]);
    return { shown, console: messages };
  } finally {
    await context.close();
  }
}

run('the Word task pane may be framed by Office hosts only', () => {
  beforeAll(async () => {
    ({ server, browser } = await openSuite());
  }, 60_000);
  afterAll(() => closeSuite({ browser, server }));

  test.each([
    [
      'a document in SharePoint (Word on the web)',
      'https://contoso.sharepoint.com/:w:/r/sites/synergie/doc.aspx',
      'https://word-edit.officeapps.live.com/we/wordeditorframe.aspx',
    ],
    ['Microsoft 365 (word.cloud.microsoft)', 'https://word.cloud.microsoft/open/doc', 'https://word-edit.officeapps.live.com/we/wordeditorframe.aspx'],
    ['a document opened in Teams', 'https://teams.microsoft.com/v2/', 'https://word-edit.officeapps.live.com/we/wordeditorframe.aspx'],
  ])('%s shows the pane', async (_label, top, middle) => {
    const { shown, console } = await framePane(top, middle);
    expect(console.filter((m) => /Content Security Policy/.test(m))).toEqual([]);
    expect(shown).toBe(true);
  });

  test('another site cannot frame the pane, not even around Word on the web', async () => {
    const direct = await framePane('https://evil.example/');
    expect(direct.shown).toBe(false);
    expect(direct.console.join('\n')).toMatch(/frame-ancestors/);
    const nested = await framePane('https://evil.example/wrap', 'https://word-edit.officeapps.live.com/we/wordeditorframe.aspx');
    expect(nested.shown).toBe(false);
    expect(nested.console.join('\n')).toMatch(/frame-ancestors/);
  });

  test('the list holds only https origins of Microsoft hosts, besides the register itself', () => {
    const microsoft =
      /^https:\/\/(\*\.)?([a-z0-9-]+\.)*(officeapps\.live\.com|onedrive\.live\.com|sharepoint\.com|cloud\.microsoft|office\.com|microsoft365\.com|teams\.microsoft\.com)$/;
    expect(PANE_FRAME_ANCESTORS.filter((source) => source !== "'self'" && !microsoft.test(source))).toEqual([]);
  });
});
