import { createServer, type Server } from 'node:http';
import { READINESS_REUSE_MS, startupGate } from '../../src/server/startup-gate';

/** The start-up gate on a real socket, with a fake clock for how long a readiness answer is reused. */
describe('startup gate', () => {
  let server: Server;
  let url: string;
  let now = 0;
  const gate = startupGate(() => now);
  beforeAll(async () => {
    server = createServer(gate.listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('before the app: liveness "starting", everything else 503 with Retry-After as JSON', async () => {
    const live = await fetch(`${url}/api/health`);
    expect([live.status, await live.json()]).toEqual([200, { status: 'starting' }]);
    for (const path of ['/api/health/ready', '/api/entries', '/tab', '/api/messages']) {
      const res = await fetch(`${url}${path}`, { method: path === '/api/messages' ? 'POST' : 'GET', body: path === '/api/messages' ? '{}' : undefined });
      expect([path, res.status, res.headers.get('retry-after'), res.headers.get('content-type')]).toEqual([path, 503, '5', 'application/json; charset=utf-8']);
    }
  });

  test('serving: requests go to the app; readiness follows the store, each answer reused for a while', async () => {
    let probes = 0;
    let storeAnswers = true;
    gate.serve(
      (_req, res) => res.end('from the app'),
      async () => {
        probes++;
        if (!storeAnswers) throw new Error('down');
      },
    );
    expect(await (await fetch(`${url}/api/health`)).text()).toBe('from the app');
    expect((await fetch(`${url}/api/health/ready`)).status).toBe(200);
    storeAnswers = false;
    expect((await fetch(`${url}/api/health/ready?again`)).status).toBe(200);
    expect(probes).toBe(1);
    now += READINESS_REUSE_MS;
    const down = await fetch(`${url}/api/health/ready`);
    expect([down.status, down.headers.get('retry-after'), await down.json()]).toEqual([503, '5', { status: 'store unavailable' }]);
    storeAnswers = true;
    now += READINESS_REUSE_MS;
    expect((await fetch(`${url}/api/health/ready`)).status).toBe(200);
    expect(probes).toBe(3);
  });
});
