import { type LocalEntra, startLocalEntra } from '../support/entra';
import { startTestServer, type TestServer } from '../support/server';
import { addinSurface } from '../../addin/surface';

/**
 * The Word pane's sign-in dialog page (where Office SSO is not available): in tenant mode it carries the app
 * registration's public ids for MSAL.js and lets the page reach Entra ID's token endpoint; in local mode it
 * does not exist.
 */

describe('sign-in dialog in tenant mode', () => {
  let entra: LocalEntra;
  let server: TestServer;
  beforeAll(async () => {
    entra = await startLocalEntra();
    server = await startTestServer({ env: entra.env, surfaces: [addinSurface], demoData: false });
  });
  afterAll(async () => {
    await server?.stop();
    await entra?.close();
  });

  test('the page holds the client id, the tenant’s authority and the API scope, nothing secret', async () => {
    const res = await fetch(`${server.url}/addin/auth-dialog.html`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const boot = JSON.parse(/<script id="dialog-boot" type="application\/json">([^<]*)<\/script>/.exec(html)![1]) as Record<string, string>;
    expect(boot).toEqual({
      clientId: server.config.entra.clientId,
      authority: `https://login.microsoftonline.com/${server.config.entra.tenantId}`,
      scope: `${server.config.auth.mode === 'entra' ? server.config.auth.audiences[0] : ''}/access_as_user`,
    });
    // MSAL.js redeems the sign-in code from the page: Entra ID's origin is allowed to be called, nothing else new
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("connect-src 'self' https://login.microsoftonline.com");
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect((await fetch(`${server.url}/addin/auth-dialog.js`)).status).toBe(200);
  });
});

test('no sign-in dialog in local mode', async () => {
  const server = await startTestServer({ surfaces: [addinSurface], demoData: false });
  try {
    expect((await fetch(`${server.url}/addin/auth-dialog.html`)).status).toBe(404);
    expect((await fetch(`${server.url}/addin/auth-dialog.js`)).status).toBe(404);
  } finally {
    await server.stop();
  }
});
