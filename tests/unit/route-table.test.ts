import { loadConfig } from '../../src/host/config';
import { consoleLogger } from '../../src/host/logger';
import { Register, systemClock } from '../../src/register/register-service';
import { apiRoutes } from '../../src/server/api/routes';
import { createLocalStore } from '../../src/store/local/local-store';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The route table is the API: every endpoint says who may call it, what its body and answer are, and is unique. */
const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', AUTH_MODE: 'local', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'routes-')), LOG_LEVEL: 'silent' });
const register = new Register(createLocalStore(mkdtempSync(path.join(tmpdir(), 'routes-store-'))), systemClock, { defaultLanguage: 'nl' });
const routes = apiRoutes({ config, register, logger: consoleLogger('silent') }, []);

test('every route declares its access, a summary and an answer', () => {
  for (const r of routes) {
    expect({ route: `${r.method} ${r.path}`, access: typeof r.access === 'undefined' ? 'missing' : 'ok' }).toEqual({
      route: `${r.method} ${r.path}`,
      access: 'ok',
    });
    expect(r.summary.length).toBeGreaterThan(5);
    expect(r.answer ?? (r.method === 'delete' ? 'none' : undefined)).toBeDefined();
  }
});

test('every write declares its body (a schema, a file or none)', () => {
  const undeclared = routes.filter((r) => r.method !== 'get' && r.body === undefined).map((r) => `${r.method} ${r.path}`);
  expect(undeclared).toEqual([]);
});

test('only health and the bot endpoint are public; every other read needs a role', () => {
  expect(
    routes
      .filter((r) => r.access === 'public')
      .map((r) => r.path)
      .sort(),
  ).toEqual(expect.arrayContaining(['/health', '/messages']));
  expect(routes.filter((r) => r.access === 'public' && !r.path.startsWith('/health') && r.path !== '/messages')).toEqual([]);
  for (const r of routes.filter((x) => x.method === 'get' && x.access !== 'public' && x.access !== 'signedIn'))
    expect(typeof r.access === 'function' || typeof r.access === 'string').toBe(true);
});

test('no endpoint is declared twice', () => {
  const keys = routes.map((r) => `${r.method} ${r.path}`);
  expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
});

test('the check can fail: a write without a body is found', () => {
  const broken = [...routes, { ...routes.find((r) => r.method === 'post')!, body: undefined }];
  expect(broken.filter((r) => r.method !== 'get' && r.body === undefined)).toHaveLength(1);
});
