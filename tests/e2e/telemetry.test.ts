import { loopbackCertificate } from '../support/loopback-certificate';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type GraphFake, startGraphFake } from '../fakes/graph-fake';
import { graphStoreEnv, type Instance, startInstance } from '../support/instances';

/**
 * Telemetry to Azure Monitor, received by a fake ingestion endpoint (the connection string's IngestionEndpoint):
 * the server composed as main.ts composes it (tests/support/instance-main.ts), on the SharePoint store of the
 * Graph fake. Requests, Graph dependencies with status and duration, log lines and exceptions arrive; the
 * caller's address and query strings never do.
 */

interface Envelope {
  name: string;
  tags?: Record<string, string>;
  data: { baseType: string; baseData: Record<string, unknown> };
}

let ingestion: Server;
const received: Envelope[] = [];
let raw = '';
let fake: GraphFake;
let instance: Instance;

let certDir: string;

beforeAll(async () => {
  certDir = mkdtempSync(path.join(os.tmpdir(), 'ingestion-'));
  // the exporter speaks https only; the server trusts this certificate through NODE_EXTRA_CA_CERTS
  const tls = loopbackCertificate(certDir);
  ingestion = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
      raw += text;
      const items = text.trim().startsWith('[')
        ? (JSON.parse(text) as Envelope[])
        : text
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l) as Envelope);
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
      // the bot's timetable runs often, so a failure of it (an exception with its stack) happens during the test
      TEST_INSTANCE_SWEEP_MS: '100',
      NODE_EXTRA_CA_CERTS: tls.file,
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=${ingestionUrl}`,
    },
  });
  // SharePoint refusing a read: the API answers 503 and logs an error
  fake.failNext(5, 403, 'accessDenied', 'Access denied', 'request', { kind: 'items.list', list: 'SynergyRegisterMeetings' });
  expect((await instance.api('/api/meetings')).status).toBe(503);
  // SharePoint refusing the polls list: the timetable fails and logs the exception
  fake.failNext(1000, 403, 'accessDenied', 'Access denied', 'request', { kind: 'items.list', list: 'SynergyRegisterPolls' });
  while (!instance.output().includes('the timetable')) await new Promise((resolve) => setTimeout(resolve, 100));
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
  expect(requests.map((r) => [r.name, r.responseCode, r.success])).toEqual([
    ['GET /api/meetings', '503', false],
    ['GET /api/entries', '200', true],
  ]);
  for (const r of requests) expect([r.duration, r.tags['ai.cloud.role']]).toEqual([expect.stringMatching(/^\d\d:\d\d:\d\d\.\d+$/), 'synergy-register']);
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

test('log lines arrive with their severity, errors included', () => {
  const messages = ofType('MessageData').map((m) => [m.severityLevel, m.message]);
  expect(messages).toContainEqual(['Warning', expect.stringContaining('AUTH_MODE=local')]);
  expect(messages).toContainEqual(['Error', expect.stringContaining('register storage failed')]);
  expect(ofType('RequestData').map((r) => [r.name, r.responseCode, r.success])).toContainEqual(['GET /api/meetings', '503', false]);
});

test('no personal data: no query string (the search words), no caller address', () => {
  expect(raw).not.toContain('Peeters');
  expect(raw).not.toContain('?q=');
  for (const e of received) expect(e.tags?.['ai.location.ip']).toBeUndefined();
  expect(ofType('RequestData').map((r) => r.url)).toEqual([expect.stringMatching(/\/api\/meetings$/), expect.stringMatching(/\/api\/entries$/)]);
});

test('exceptions arrive with their type and stack (the timetable failing on a refused list)', () => {
  const exceptions = received.filter((e) => e.data.baseType === 'ExceptionData').flatMap((e) => e.data.baseData.exceptions as Array<Record<string, unknown>>);
  expect(exceptions).toContainEqual(
    expect.objectContaining({
      typeName: 'StoreUnavailableError',
      hasFullStack: true,
      stack: expect.stringContaining('StoreUnavailableError: SharePoint refused the list read in list SynergyRegisterPolls'),
    }),
  );
});
