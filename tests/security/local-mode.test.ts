import { request } from 'node:http';
import { startTestServer, type TestServer } from '../support/server';

/**
 * Local mode (no sign-in, every caller is the local admin) answers this machine only: not a request that came
 * through a tunnel or proxy, not a page of another site that rebinds its DNS name to 127.0.0.1, and the server
 * does not even start in local mode behind a public PUBLIC_URL.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demoData: true });
});
afterAll(async () => server?.stop());

/** fetch() cannot set Host; a raw request can, as a rebinding browser would send it. */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('local mode only on loopback', () => {
  test('a request from this machine is served', async () => {
    expect((await rawGet('/api/entries?limit=1', { Host: `localhost:${new URL(server.url).port}` })).status).toBe(200);
    expect((await rawGet('/api/entries?limit=1', { Host: '127.0.0.1' })).status).toBe(200);
    expect((await rawGet('/api/entries?limit=1', { Host: '[::1]:3978' })).status).toBe(200);
  });

  test.each([
    ['X-Forwarded-For', { 'X-Forwarded-For': '203.0.113.7' }],
    ['X-Forwarded-Host', { 'X-Forwarded-Host': 'abc.devtunnels.ms' }],
    ['Forwarded', { Forwarded: 'for=203.0.113.7;proto=https' }],
    ['X-Forwarded-Proto', { 'X-Forwarded-Proto': 'https' }],
    ['X-Forwarded-Server', { 'X-Forwarded-Server': 'proxy.example' }],
    ['X-Forwarded-Scheme', { 'X-Forwarded-Scheme': 'https' }],
    ['X-Forwarded-Ssl', { 'X-Forwarded-Ssl': 'on' }],
    ['X-Forwarded-Prefix', { 'X-Forwarded-Prefix': '/register' }],
    ['X-Forwarded-Uri', { 'X-Forwarded-Uri': '/api/entries' }],
    ['X-Forwarded (bare)', { 'X-Forwarded': 'for=203.0.113.7' }],
    ['X-Original-URL', { 'X-Original-URL': '/api/entries' }],
  ])('a request forwarded by a tunnel (%s) is refused, on the API, the pages and the bot', async (_name, headers) => {
    for (const path of ['/api/entries', '/api/me', '/tab', '/api/health']) {
      const res = await rawGet(path, { Host: 'localhost', ...headers });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body).error.code).toBe('local_mode_loopback_only');
    }
    const deleted = await server.api('/api/entries/1', { method: 'DELETE', headers: { ...headers, 'If-Match': '*' } });
    expect(deleted.status).toBe(403);
    expect((await server.api('/api/entries/1')).status).toBe(200);
  });

  test('a DNS-rebinding Host is refused', async () => {
    const res = await rawGet('/api/entries', { Host: 'attacker.example:3978' });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.message).toMatch(/attacker\.example/);
    expect((await rawGet('/api/entries', { Host: '127.0.0.1.attacker.example' })).status).toBe(403);
  });

  test('the server refuses to start in local mode behind a public PUBLIC_URL (the tunnel recipe)', async () => {
    await expect(startTestServer({ demoData: false, env: { PUBLIC_URL: 'https://abc-3978.euw.devtunnels.ms' } })).rejects.toThrow(
      /AUTH_MODE=local .* PUBLIC_URL is https:\/\/abc-3978\.euw\.devtunnels\.ms/,
    );
    const local = await startTestServer({ demoData: false, env: { PUBLIC_URL: 'http://localhost:3978' } });
    await local.stop();
  });
});

describe('local mode only from its own pages', () => {
  const markDone = (id: string, headers: Record<string, string>) => server.api(`/api/actions/${id}/done`, { method: 'POST', headers });
  let actionId: string;
  beforeAll(async () => {
    const created = await server.api('/api/actions', {
      method: 'POST',
      json: { title: 'Indicatoren kiezen', owner: { name: 'Klimaatcoördinator' }, dueDate: '2027-01-31' },
    });
    actionId = ((await created.json()) as { id: string }).id;
  });
  const status = async () => ((await (await server.api(`/api/actions/${actionId}`)).json()) as { status: string }).status;

  test.each([
    ['another loopback origin', { Origin: 'http://127.0.0.1:5173' }],
    ['another site', { Origin: 'https://attacker.example' }],
    ['an opaque origin (sandboxed frame, file:)', { Origin: 'null' }],
    ['Sec-Fetch-Site: same-site', { 'Sec-Fetch-Site': 'same-site' }],
    ['Sec-Fetch-Site: cross-site, even with our own Origin', { 'Sec-Fetch-Site': 'cross-site', Origin: '' }],
  ])('a state-changing request from %s is refused with 403, in the caller’s language, and changes nothing', async (_case, headers) => {
    const own = new URL(server.url).origin;
    const sent = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, k === 'Origin' && v === '' ? own : v]));
    const res = await markDone(actionId, { ...sent, 'Accept-Language': 'fr-BE' });
    expect(res.status).toBe(403);
    const body = await res.json();
    expect(body.error.code).toBe('cross_origin_refused');
    expect(body.error.message).toMatch(/^Refusé\u00a0: cette requête vient d’une page d’une autre origine/);
    expect(await status()).toBe('open');
  });

  test('reads from anywhere, and changes from its own origin or from programs (no Origin), still work', async () => {
    expect((await server.api(`/api/actions/${actionId}`, { headers: { Origin: 'http://127.0.0.1:5173', 'Sec-Fetch-Site': 'same-site' } })).status).toBe(200);
    const own = new URL(server.url).origin;
    expect((await markDone(actionId, { Origin: own, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect((await server.api(`/api/actions/${actionId}/reopen`, { method: 'POST' })).status).toBe(200);
    expect(await status()).toBe('open');
  });
});
