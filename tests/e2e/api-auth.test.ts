import jwt from 'jsonwebtoken';
import { APP_ID_URI, CLIENT_ID, ISSUER, KID, type LocalEntra, startLocalEntra, TENANT_ID } from '../support/entra';
import { startTestServer, type TestServer } from '../support/server';

/**
 * Tenant mode end to end: the real server with AUTH_MODE=entra validates tokens against a JWKS served
 * here from a generated RSA key pair (the tenant's published keys stand-in, tests/support/entra.ts).
 */
let entra: LocalEntra;
let server: TestServer;

const token = (...args: Parameters<LocalEntra['token']>) => entra.token(...args);
const get = (path: string, bearer?: string) => server.api(path, bearer ? { headers: { Authorization: `Bearer ${bearer}` } } : {});

beforeAll(async () => {
  entra = await startLocalEntra();
  server = await startTestServer({ demoData: false, env: entra.env });
});

afterAll(async () => {
  await server?.stop();
  await entra?.close();
});

describe('API authentication in tenant mode (AUTH_MODE=entra)', () => {
  test('an unauthenticated call gets 401 with a Bearer challenge', async () => {
    const res = await get('/api/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await res.json()).error.code).toBe('unauthorized');
    expect((await get('/api/entries')).status).toBe(401);
    expect((await server.api('/api/entries', { method: 'POST', json: { title: { nl: 'x' } } })).status).toBe(401);
  });

  test('a malformed Authorization header gets 401', async () => {
    expect((await server.api('/api/me', { headers: { Authorization: 'Basic abc' } })).status).toBe(401);
    expect((await get('/api/me', 'not-a-jwt')).status).toBe(401);
  });

  test('a valid token gets 200 and /api/me shows the token user', async () => {
    const res = await get('/api/me', token());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: '0b6c5e4e-0000-4000-8000-00000000a11c',
      name: 'Alice Dubois',
      email: 'alice.dubois@molenbeek.example',
      local: false,
      kind: 'user',
      roles: ['editor'],
      role: 'editor',
      capabilities: { read: true, edit: true, delete: false, channels: false },
    });
    expect(entra.jwksRequests).toBeGreaterThan(0);
  });

  test('a v2 token whose audience is the client id is accepted too', async () => {
    expect((await get('/api/me', token({ aud: CLIENT_ID }))).status).toBe(200);
  });

  test('the user of a valid token is the one recorded in the history', async () => {
    const bearer = token({ name: 'Bruno Lambert', oid: 'oid-bruno' });
    const created = await server.api('/api/entries', {
      method: 'POST',
      headers: { Authorization: `Bearer ${bearer}` },
      json: { title: { fr: 'Service commun' }, domain: 'HR', status: 'proposed', kind: 'synergy', formalisation: 'agreement' },
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const history = await (await get(`/api/entries/${id}/history`, token())).json();
    expect(history.items[0].by).toMatchObject({ id: 'oid-bruno', name: 'Bruno Lambert' });
  });

  test.each([
    ['a wrong audience', () => token({ aud: 'api://someone-else' })],
    ['a wrong issuer', () => token({ iss: 'https://login.microsoftonline.com/99999999-0000-0000-0000-000000000000/v2.0' })],
    ['another tenant', () => token({ tid: '99999999-0000-0000-0000-000000000000' })],
    ['a signature by another key', () => token({}, { key: entra.impostor.privateKey })],
    ['an unknown key id', () => token({}, { kid: 'unknown-key' })],
    ['an expired token', () => token({ iat: 1_600_000_000, nbf: 1_600_000_000, exp: 1_600_000_600 })],
    [
      'a token signed with HS256 and the public key as secret',
      () =>
        jwt.sign({ aud: APP_ID_URI, iss: ISSUER, tid: TENANT_ID, name: 'Mallory' }, entra.signing.publicKey.export({ type: 'spki', format: 'pem' }) as string, {
          algorithm: 'HS256',
          keyid: KID,
        }),
    ],
    [
      'a tampered payload',
      () => {
        const [h, , s] = token().split('.');
        const payload = Buffer.from(
          JSON.stringify({ aud: APP_ID_URI, iss: ISSUER, tid: TENANT_ID, name: 'Mallory', exp: Math.floor(Date.now() / 1000) + 600 }),
        ).toString('base64url');
        return `${h}.${payload}.${s}`;
      },
    ],
  ])('%s gets 401', async (_label, make) => {
    const res = await get('/api/me', make());
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');
  });

  test('the tab pages themselves load without a token (they authenticate their API calls with Teams SSO)', async () => {
    const page = await server.api('/tab');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('"authMode":"entra"');
    expect(html).toContain(CLIENT_ID);
    expect((await server.api('/tab/config')).status).toBe(200);
  });
});
