import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { entraBrowserSuite } from '../support/browser-suite';
import { artifactPath } from '../support/browser';
import { describeNeeding } from '../support/tools';

/**
 * The task pane against a server in tenant mode (AUTH_MODE=entra, tokens from the local JWKS stand-in),
 * in Chromium with a stubbed office.js: Word as host and Office.auth.getAccessToken resolving a signed
 * token or rejecting as Office does. The real server checks the token.
 */

const maybe = describeNeeding('chromium');

const OFFICE_JS = 'https://appsforoffice.microsoft.com/**';

type Answer = { token: string } | { code: number };

/** office.js as the pane sees it inside Word; getAccessToken records its options and gives the answers in turn (the last one repeats). */
function officeStub(displayLanguage: string, ...answers: Answer[]): string {
  return `
    window.__tokenCalls = [];
    const answers = ${JSON.stringify(answers)};
    window.Office = {
      HostType: { Word: 'Word' },
      onReady: () => Promise.resolve({ host: 'Word', platform: 'OfficeOnline' }),
      context: { displayLanguage: ${JSON.stringify(displayLanguage)}, requirements: { isSetSupported: () => true } },
      auth: {
        getAccessToken: (options) => {
          window.__tokenCalls.push(options);
          const answer = answers.length > 1 ? answers.shift() : answers[0];
          return 'token' in answer ? Promise.resolve(answer.token) : Promise.reject({ name: 'Error', code: answer.code, message: 'stubbed Office error' });
        },
      },
    };`;
}

maybe('Word add-in task pane signing in (tenant mode)', () => {
  const suite = entraBrowserSuite();

  /** Opens the pane with the given office.js; records the Authorization header of every API request. */
  async function openPane(
    locale: string,
    officeJs: string | null,
  ): Promise<{ page: Page; api: Array<{ path: string; authorization?: string }>; close: () => Promise<void> }> {
    const context = await suite.browser.newContext({ locale, acceptDownloads: true });
    const page = await context.newPage();
    await page.route(OFFICE_JS, (route) => (officeJs === null ? route.abort() : route.fulfill({ contentType: 'text/javascript', body: officeJs })));
    const api: Array<{ path: string; authorization?: string }> = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) api.push({ path: url.pathname, authorization: request.headers().authorization });
    });
    await page.goto(`${suite.server.url}/addin/taskpane.html`);
    await page.waitForFunction(() => document.body.dataset.office !== undefined, undefined, { timeout: 15000 });
    return { page, api, close: () => context.close() };
  }

  test('a token from Office.auth.getAccessToken goes with every API call; the .docx comes as a Blob download', async () => {
    const token = suite.entra.token();
    const { page, api, close } = await openPane('nl-BE', officeStub('nl-BE', { token }));
    expect(await page.evaluate(() => document.body.dataset.office)).toBe('word');
    // the register accepted the token: the options are filled and the pane is ready
    await expect(page.textContent('#status')).resolves.toMatch(/^Plaats de cursor/);
    expect(await page.isDisabled('#insert')).toBe(false);
    // the options, then the preview of what the annex holds (fallback texts, unplaced measures)
    await page.waitForSelector('#preview', { state: 'visible' });
    expect(api).toEqual([
      { path: '/api/annex/options', authorization: `Bearer ${token}` },
      { path: '/api/annex', authorization: `Bearer ${token}` },
    ]);
    expect(await page.evaluate(() => (window as unknown as { __tokenCalls: unknown[] }).__tokenCalls)).toEqual([
      { allowSignInPrompt: true, allowConsentPrompt: true },
      { allowSignInPrompt: true, allowConsentPrompt: true },
    ]);

    await page.selectOption('#year', '2023');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(download.suggestedFilename()).toBe('synergieverslag-2023-nl.docx');
    expect(download.url()).toMatch(/^blob:/);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await page.waitForFunction(() => document.getElementById('status')!.classList.contains('ok'));
    await expect(page.textContent('#status')).resolves.toBe('Het bestand synergieverslag-2023-nl.docx is gedownload.');
    // a fresh token was asked for the download too (never kept by the page) and sent with it
    // (changing the year asked for a new preview)
    expect(api.filter((a) => a.path !== '/api/annex').map((a) => [a.path, a.authorization])).toEqual([
      ['/api/annex/options', `Bearer ${token}`],
      ['/api/annex.docx', `Bearer ${token}`],
    ]);
    expect(api.every((a) => a.authorization === `Bearer ${token}`)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __tokenCalls: unknown[] }).__tokenCalls.length)).toBe(api.length);
    await page.screenshot({ path: artifactPath('addin', 'taskpane-sso-signed-in.png'), fullPage: true });
    await close();
  });

  test.each([
    ['fr-BE', 13001, /^Vous n’êtes pas connecté à Office\. Connectez-vous avec votre compte professionnel/, true],
    [
      'nl-BE',
      13012,
      /^Deze versie of omgeving van Word ondersteunt het aanmelden van invoegtoepassingen niet \(fout 13012\)\. Gebruik de \.docx-export/,
      false,
    ],
  ])('%s: getAccessToken rejecting with %i shows the message and calls no API', async (locale, code, expected, retry) => {
    const { page, api, close } = await openPane(locale, officeStub(locale, { code }));
    await page.waitForFunction(() => document.getElementById('status')!.classList.contains('error'));
    await expect(page.textContent('#status')).resolves.toMatch(expected);
    expect(api).toEqual([]);
    expect(await page.isHidden('#options')).toBe(true);
    // a Try again button where trying again can help (not for an unsupported Word)
    expect(await page.isVisible('#retry')).toBe(retry);
    await page.screenshot({ path: artifactPath('addin', `taskpane-sso-${code}-${locale}.png`), fullPage: true });
    await close();
  });

  test('sign-in cancelled (13002), then Try again: Office is asked again and the pane gets ready', async () => {
    const token = suite.entra.token({ name: 'Bruno Lambert' });
    const { page, api, close } = await openPane('en-GB', officeStub('en-GB', { code: 13002 }, { token }));
    await page.waitForFunction(() => document.getElementById('status')!.classList.contains('error'));
    await expect(page.textContent('#status')).resolves.toMatch(/^Signing in or consent was cancelled\./);
    await expect(page.textContent('#retry')).resolves.toBe('Try again');
    await page.click('#retry');
    await page.waitForSelector('#options', { state: 'visible' });
    await expect(page.textContent('#status')).resolves.toMatch(/^Put the cursor where the annex goes/);
    expect(await page.isHidden('#retry')).toBe(true);
    await page.waitForSelector('#preview', { state: 'visible' });
    expect(api).toEqual([
      { path: '/api/annex/options', authorization: `Bearer ${token}` },
      { path: '/api/annex', authorization: `Bearer ${token}` },
    ]);
    // the cancelled try, then one for the options and one for the preview
    expect(await page.evaluate(() => (window as unknown as { __tokenCalls: unknown[] }).__tokenCalls.length)).toBe(3);
    await close();
  });

  test('outside Word in tenant mode the pane says to open it in Word (and where the .docx export is)', async () => {
    const { page, api, close } = await openPane('nl-BE', null);
    expect(await page.evaluate(() => document.body.dataset.office)).toBe('absent');
    await expect(page.textContent('#status')).resolves.toMatch(/^Aanmelden gebeurt via Word: open dit paneel in Word/);
    expect(api).toEqual([]);
    expect(await page.isHidden('#retry')).toBe(true);
    await close();
  });
});
