import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type GraphFake, startGraphFake } from '../fakes/graph-fake';
import { graphStoreEnv, type Instance, startInstance } from '../support/instances';

/**
 * Telemetry to Azure Monitor, received by a fake ingestion endpoint (the connection string's IngestionEndpoint):
 * the server composed as main.ts composes it (tests/support/instance-main.ts), on the SharePoint store of the
 * Graph fake. Requests, Graph dependencies with status and duration, and log lines arrive; the caller's
 * address and query strings never do.
 */

interface Envelope {
  name: string;
  tags?: Record<string, string>;
  data: { baseType: string; baseData: Record<string, unknown> };
}

let ingestion: Server;
let received: Envelope[] = [];
let raw = '';
let fake: GraphFake;
let instance: Instance;

let certDir: string;

/** A self-signed certificate for 127.0.0.1: the exporter speaks https only; the server trusts it through NODE_EXTRA_CA_CERTS. */
function certificate(): { key: string; cert: string; file: string } {
  certDir = mkdtempSync(path.join(os.tmpdir(), 'ingestion-'));
  const key = path.join(certDir, 'key.pem');
  const file = path.join(certDir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', file], { stdio: 'ignore' });
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(file, 'utf8'), file };
}

beforeAll(async () => {
  const tls = certificate();
  ingestion = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
      raw += text;
      const items = text.trim().startsWith('[') ? (JSON.parse(text) as Envelope[]) : text.trim().split('\n').map((l) => JSON.parse(l) as Envelope);
      received.push(...items);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
    });
  });
  await new Promise<void>((resolve) => ingestion.listen(0, '127.0.0.1', resolve));
  const ingestionUrl = `https://127.0.0.1:${(ingestion.address() as { port: number }).port}/`;
  fake = await startGraphFake();
  instance = await startInstance(0, {
    env: {
      ...graphStoreEnv(fake),
      LOG_LEVEL: 'info',
      NODE_EXTRA_CA_CERTS: tls.file,
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=${ingestionUrl}`,
    },
  });
  // a search whose words are personal data, then the server stops (and flushes its telemetry)
  expect((await instance.api('/api/entries?q=Jan%20Peeters')).status).toBe(200);
  expect((await instance.api('/api/health/ready')).status).toBe(200);
  await instance.stop();
}, 120_000);

afterAll(async () => {
  await fake?.close();
  await new Promise<void>((resolve) => ingestion.close(() => resolve()));
  rmSync(certDir, { recursive: true, force: true });
});

type Item = Record<string, string | boolean | undefined> & { tags: Record<string, string> };
const ofType = (type: string): Item[] =>
  received.filter((e) => e.data.baseType === type).map((e) => Object.assign({}, e.data.baseData as Record<string, string>, { tags: e.tags ?? {} }));

test('requests arrive with route, status and duration, under the service’s name; probes do not', () => {
  const requests = ofType('RequestData');
  expect(requests.map((r) => [r.name, r.responseCode, r.success])).toEqual([['GET /api/entries', '200', true]]);
  expect(requests[0].duration).toMatch(/^\d\d:\d\d:\d\d\.\d+$/);
  expect(requests[0].tags['ai.cloud.role']).toBe('synergy-register');
});

test('Graph calls arrive as dependencies with their status and duration; nothing else is a dependency', () => {
  const dependencies = ofType('RemoteDependencyData');
  const graphHost = new URL(fake.url).hostname;
  expect(dependencies.length).toBeGreaterThan(0);
  for (const d of dependencies) {
    expect([d.target, d.name]).toEqual([expect.stringContaining(graphHost), expect.stringMatching(/^(GET|POST|PATCH|DELETE) \/v1\.0\/(sites|\$batch)/)]);
    expect(d.resultCode).toMatch(/^\d{3}$/);
    expect(d.duration).toMatch(/^\d\d:\d\d:\d\d\.\d+$/);
  }
});

test('log lines arrive with their severity', () => {
  expect(ofType('MessageData').map((m) => [m.severityLevel, m.message])).toContainEqual(['Warning', expect.stringContaining('AUTH_MODE=local')]);
});

test('no personal data: no query string (the search words), no caller address', () => {
  expect(raw).not.toContain('Peeters');
  expect(raw).not.toContain('?q=');
  for (const e of received) expect(e.tags?.['ai.location.ip']).toBeUndefined();
  expect(ofType('RequestData')[0].url).toMatch(/\/api\/entries$/);
});
