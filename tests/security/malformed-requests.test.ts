import { request } from 'node:http';
import { startTestServer, type TestServer } from '../support/server';

/** Malformed requests get a 4xx that says what was wrong, never a 500; API answers are nosniff and no-store. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demoData: false });
});
afterAll(async () => server?.stop());

function raw(method: string, path: string, headers: Record<string, string>, body?: string | Buffer) {
  const { port } = new URL(server.url);
  return new Promise<{ status: number; headers: Record<string, unknown>; json: any }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text.startsWith('{') ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const json = { 'content-type': 'application/json' };

test.each([
  ['a body over the 1 MB limit', 'POST', '/api/entries', json, `{"a":"${'x'.repeat(1_100_000)}"}`, 413, 'payload_too_large'],
  ['an unknown Content-Encoding', 'POST', '/api/entries', { ...json, 'content-encoding': 'x-bogus' }, '{}', 415, 'unsupported_media_type'],
  ['a gzip body that is not gzip', 'POST', '/api/entries', { ...json, 'content-encoding': 'gzip' }, 'not gzip at all', 400, 'bad_request'],
  ['an unsupported charset', 'POST', '/api/entries', { 'content-type': 'application/json; charset=latin-9' }, '{}', 415, 'unsupported_media_type'],
  ['a malformed percent-escape in the path', 'GET', '/api/entries/%E0%A4%A', {}, undefined, 400, 'bad_request'],
  ['a malformed percent-escape in a PATCH path', 'PATCH', '/api/actions/%ZZ', { ...json, 'if-match': '*' }, '{}', 400, 'bad_request'],
  ['a body that is not JSON', 'POST', '/api/entries', json, '{"title":', 400, 'invalid_json'],
])('%s is answered with a clear 4xx', async (_label, method, path, headers, body, status, code) => {
  const res = await raw(method as string, path as string, headers as Record<string, string>, body as string | undefined);
  expect(res.status).toBe(status);
  expect(res.json.error.code).toBe(code);
  expect(res.json.error.message).toEqual(expect.any(String));
});

test('API answers, errors included, carry nosniff and no-store', async () => {
  for (const [method, path] of [
    ['GET', '/api/entries'],
    ['GET', '/api/health'],
    ['GET', '/api/entries/999'],
    ['GET', '/api/nothing'],
  ]) {
    const res = await raw(method, path, {});
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
  }
});
