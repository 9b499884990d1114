import { entraBrowserSuite } from '../support/browser-suite';
import { artifactPath } from '../support/browser';
import { describeNeeding } from '../support/tools';

/**
 * The Word pane where Office SSO is not available (getAccessToken rejects with 13012, as on iPad): it opens
 * the sign-in dialog with office.js's dialog API and uses the token the dialog sends back for every call,
 * asking the dialog once. office.js is stubbed; the dialog's answer is a token the real server accepts.
 */

const maybe = describeNeeding('chromium');

function officeWithoutSso(token: string): string {
  return `
    window.__dialogs = [];
    window.Office = {
      HostType: { Word: 'Word' },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
      onReady: () => Promise.resolve({ host: 'Word', platform: 'iOS' }),
      context: {
        displayLanguage: 'nl-BE',
        requirements: { isSetSupported: () => true },
        ui: {
          displayDialogAsync(url, options, callback) {
            const handlers = {};
            window.__dialogs.push(url);
            callback({ status: 'succeeded', value: { addEventHandler: (type, handler) => (handlers[type] = handler), close() {} } });
            setTimeout(() => handlers.dialogMessageReceived({ message: JSON.stringify({ token: ${JSON.stringify(token)}, expiresOn: Date.now() + 3600000 }) }), 0);
          },
        },
      },
      auth: { getAccessToken: () => Promise.reject({ code: 13012, message: 'not supported here' }) },
    };`;
}

maybe('Word add-in task pane signing in through the Office dialog', () => {
  const suite = entraBrowserSuite();

  test('13012: the dialog signs in once and its token goes with every API call', async () => {
    const token = suite.entra.token();
    const context = await suite.browser.newContext({ locale: 'nl-BE' });
    const page = await context.newPage();
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: officeWithoutSso(token) }));
    const authorizations: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) authorizations.push(request.headers().authorization ?? '');
    });
    await page.goto(`${suite.server.url}/addin/taskpane.html`);
    await page.waitForSelector('#preview', { state: 'visible', timeout: 15_000 });
    await expect(page.textContent('#status')).resolves.toMatch(/^Plaats de cursor/);
    expect(await page.evaluate(() => (window as unknown as { __dialogs: string[] }).__dialogs)).toEqual([`${suite.server.url}/addin/auth-dialog.html`]);
    expect(authorizations.length).toBeGreaterThanOrEqual(2);
    expect(authorizations.every((a) => a === `Bearer ${token}`)).toBe(true);
    await page.screenshot({ path: artifactPath('addin', 'taskpane-dialog-sign-in.png'), fullPage: true });
    await context.close();
  });
});
