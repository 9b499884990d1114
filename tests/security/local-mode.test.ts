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
