import { createServer } from 'node:net';
import { loadConfig } from '../../src/host/config';
import { startFailureLine } from '../../src/server/start-failure';
import { serverStore } from '../../src/server/store';

/**
 * A start that fails on a service outside the process is told in one line naming the service, its host and
 * the settings pointing there: here the real SharePoint store opening against a Graph that refuses
 * connections, and MSAL's error shape for Entra ID. Any other failure is left to its stack trace.
 */

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const tenant = { TENANT_ID: '11111111-1111-4111-8111-111111111111', CLIENT_ID: '22222222-2222-4222-8222-222222222222', CLIENT_SECRET: 's' };

test('Graph not reachable while the store opens: the host, the site and the settings', async () => {
  const port = await closedPort();
  const config = loadConfig({
    ENV_NAME: '',
    ...tenant,
    STORE: 'graph',
    GRAPH_SITE_ID: 'contoso.sharepoint.com,a,b',
    GRAPH_BASE_URL: `http://127.0.0.1:${port}/v1.0`,
  });
  const fixed = async () => 'token';
  const store = serverStore(config, { tokenSource: { appOnly: fixed, onBehalfOf: fixed } });
  const error = await store.init().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeDefined();
  expect(startFailureLine(error, config)).toMatch(
    new RegExp(
      `^Microsoft Graph at 127\\.0\\.0\\.1:${port} could not be reached while opening the register's lists on site contoso\\.sharepoint\\.com,a,b \\(.+\\); check GRAPH_BASE_URL, GRAPH_SITE_ID and the app's permission on the site$`,
    ),
  );
  await store.close();
}, 60_000);

test('Entra ID refusing or unreachable (MSAL errors carry an errorCode): the authority host and the settings', () => {
  const config = loadConfig({ ENV_NAME: '', ...tenant, STORE: 'graph', GRAPH_SITE_ID: 'contoso.sharepoint.com,a,b' });
  const msal = Object.assign(new Error('invalid_client: AADSTS7000215: Invalid client secret provided.\nTrace ID: …'), { errorCode: 'invalid_client' });
  expect(startFailureLine(new Error('store init failed', { cause: msal }), config)).toBe(
    `no token from Microsoft Entra ID at login.microsoftonline.com for tenant ${tenant.TENANT_ID} and app ${tenant.CLIENT_ID} ` +
      '(invalid_client: invalid_client: AADSTS7000215: Invalid client secret provided.); check AUTHORITY_HOST, TENANT_ID, CLIENT_ID and CLIENT_SECRET',
  );
});

test('Graph answering with an error status: "refused", with what it said', () => {
  const config = loadConfig({ ENV_NAME: '', ...tenant, STORE: 'graph', GRAPH_SITE_ID: 'contoso.sharepoint.com,a,b' });
  const refused = Object.assign(new Error('403 accessDenied: Access denied'), { name: 'StoreUnavailableError', status: 403 });
  expect(startFailureLine(refused, config)).toBe(
    "Microsoft Graph at graph.microsoft.com refused while opening the register's lists on site contoso.sharepoint.com,a,b (403 accessDenied: Access denied); check GRAPH_BASE_URL, GRAPH_SITE_ID and the app's permission on the site",
  );
});

test('any other failure is not dressed up: its stack is printed', () => {
  const config = loadConfig({ ENV_NAME: '', AUTH_MODE: 'local' });
  expect(startFailureLine(new TypeError('x is not a function'), config)).toBeUndefined();
});
