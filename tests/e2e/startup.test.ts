import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/host/config';
import { consoleLogger } from '../../src/host/logger';
import { type RunningServer, startServer } from '../../src/server/start';
import { RETRY_AFTER_SECONDS } from '../../src/server/startup-gate';
import { defaultSurfaces } from '../../src/server/surfaces';
import { createLocalStore } from '../../src/store/local/local-store';
import type { RegisterStore } from '../../src/store/store';

/**
 * No request is left waiting while the server starts: from the moment it listens until the store is open and
 * the app built, every request is answered (503 with Retry-After, liveness "starting"); afterwards the same
 * paths are served. The store's opening is held until the test has seen answers during it: no clock involved.
 */

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

interface Answer {
  path: string;
  status: number | 'refused';
  retryAfter?: string | null;
  body?: string;
}

const PATHS = ['/api/health', '/api/health/ready', '/api/me', '/tab', '/addin/taskpane.html', '/api/entries'];

describe('a request during start-up', () => {
  let dataDir: string;
  let running: RunningServer | undefined;
  beforeEach(() => (dataDir = mkdtempSync(path.join(os.tmpdir(), 'startup-'))));
  afterEach(async () => {
    await running?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('is answered at every moment of a start: 503 + Retry-After until ready, then served', async () => {
    const port = await freePort();
    const config = loadConfig({ ENV_NAME: '', PORT: String(port), HOST: '127.0.0.1', AUTH_MODE: 'local', DATA_DIR: dataDir, DEMO_DATA: 'false' });
    const inner = createLocalStore(dataDir);
    const answers: Answer[] = [];
    let openStore!: () => void;
    const storeMayOpen = new Promise<void>((resolve) => (openStore = resolve));
    // the store opens only once requests of every kind were answered while it was still closed
    const store: RegisterStore = Object.assign(Object.create(inner) as RegisterStore, {
      async init() {
        await storeMayOpen;
        await inner.init();
      },
    });
    const ask = async (pathname: string): Promise<Answer> => {
      try {
        const res = await fetch(`http://127.0.0.1:${port}${pathname}`);
        return { path: pathname, status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() };
      } catch (error) {
        // before listen: the connection is refused, which a client sees at once (not a hang)
        if ((error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED') return { path: pathname, status: 'refused' };
        throw error;
      }
    };

    let ready = false;
    const firing = (async () => {
      // requests of every kind, one after another, from before listen until well after the app is ready
      let afterReady = 0;
      for (let i = 0; afterReady < PATHS.length * 2; i++) {
        const answer = await ask(PATHS[i % PATHS.length]);
        answers.push(answer);
        const duringStart = answers.filter((a) => a.status === 503 || (a.path === '/api/health' && a.status === 200 && a.body!.includes('starting')));
        if (new Set(duringStart.map((a) => a.path)).size === PATHS.length) openStore();
        if (ready) afterReady++;
      }
    })();
    running = await startServer(config, store, consoleLogger('silent'), defaultSurfaces);
    ready = true;
    await firing;

    // each answer is one of three phases, in order: refused (not listening yet), starting, served
    const phaseOf = (a: Answer) => (a.status === 'refused' ? 0 : a.status === 503 || a.body!.includes('"starting"') ? 1 : 2);
    const phases = answers.map(phaseOf);
    expect(phases).toEqual([...phases].sort());
    const starting = answers.filter((a) => phaseOf(a) === 1);
    expect(new Set(starting.map((a) => a.path))).toEqual(new Set(PATHS));
    for (const answer of starting) {
      if (answer.path === '/api/health') {
        expect([answer.status, JSON.parse(answer.body!)]).toEqual([200, { status: 'starting' }]);
      } else {
        expect([answer.path, answer.status, answer.retryAfter]).toEqual([answer.path, 503, String(RETRY_AFTER_SECONDS)]);
      }
    }
    // once ready: liveness ok, readiness ready, pages and the API served
    const after = await Promise.all(PATHS.map(ask));
    expect(after.map((a) => [a.path, a.status])).toEqual([
      ['/api/health', 200],
      ['/api/health/ready', 200],
      ['/api/me', 200],
      ['/tab', 200],
      ['/addin/taskpane.html', 200],
      ['/api/entries', 200],
    ]);
    expect(JSON.parse(after[1].body!)).toEqual({ status: 'ready' });
  });

  test('readiness answers 503 with Retry-After while the store does not answer; liveness stays 200', async () => {
    const config = loadConfig({ ENV_NAME: '', PORT: '0', HOST: '127.0.0.1', AUTH_MODE: 'local', DATA_DIR: dataDir, DEMO_DATA: 'false' });
    const inner = createLocalStore(dataDir);
    const focusGroups = { ...inner.focusGroups, get: () => Promise.reject(new Error('the store is gone')) };
    const store = Object.assign(Object.create(inner) as RegisterStore, { focusGroups });
    running = await startServer(config, store, consoleLogger('silent'), defaultSurfaces);
    const res = await fetch(`${running.url}/api/health/ready`);
    expect([res.status, res.headers.get('retry-after'), await res.json()]).toEqual([503, String(RETRY_AFTER_SECONDS), { status: 'store unavailable' }]);
    expect((await fetch(`${running.url}/api/health`)).status).toBe(200);
  });
});
