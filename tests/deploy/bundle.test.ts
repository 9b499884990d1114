import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * The deployment artifact as App Service and the container run it: `npm run bundle` into a clean folder
 * (production dependencies from the lockfile, `npm ci --omit=dev`), then `node dist/src/server/main.js` from
 * that folder alone — no sources, no dev dependency, no env/ files, NODE_ENV=production, tenant settings —
 * answering health, readiness, the tab, the pane and the bot endpoint; and refusing bad production settings
 * with one line each, without a stack trace.
 */

const ROOT = path.resolve(__dirname, '../..');
jest.setTimeout(600_000);

const TENANT = {
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  AUTH_MODE: 'entra',
  TENANT_ID: '11111111-1111-4111-8111-111111111111',
  CLIENT_ID: '22222222-2222-4222-8222-222222222222',
  CLIENT_SECRET: 'not-a-real-secret',
  PUBLIC_URL: 'https://synergy.example.org',
  TEAMS_APP_ID: '33333333-3333-4333-8333-333333333333',
};

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

/** Every file under `dir` but its node_modules, relative to it, with / separators. */
function filesIn(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .filter((name) => name !== 'node_modules')
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesIn(full, `${prefix}${name}/`) : [`${prefix}${name}`];
    });
}

let work: string;
let app: string;
/** true when the registry was unreachable and the repository's node_modules stand in */
let offline = false;

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'synergy-bundle-'));
  app = path.join(work, 'app');
  // `npm run bundle` is `npm run build` then the bundle script. The server is compiled here; the browser bundles
  // come from `npm test`'s own build-web step (rebuilt only if missing), so browser suites running alongside
  // never see them rewritten.
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', 'dist/.tsbuildinfo'],
    { cwd: ROOT, stdio: 'pipe' },
  );
  if (!['dist/web/tab/tab.js', 'dist/web/addin/taskpane.js', 'dist/web/addin/auth-dialog.js'].every((f) => existsSync(path.join(ROOT, f)))) {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-web.mjs')], { cwd: ROOT, stdio: 'pipe' });
  }
  const bundle = (...extra: string[]) =>
    execFileSync(process.execPath, [path.join(ROOT, 'dist/scripts/bundle-deploy.js'), '--out', app, ...extra], { cwd: ROOT, stdio: 'pipe' });
  try {
    bundle();
  } catch (error) {
    // without the npm registry (an offline machine) the bundle's files are tested with the repository's own
    // dependencies linked in: the start is still from the bundle's folder, but dev dependencies are reachable
    const output = String((error as { stderr?: Buffer }).stderr ?? error);
    if (!/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network/i.test(output)) throw error;
    console.warn(`npm ci could not reach the registry; linking the repository's node_modules instead:\n${output.slice(0, 500)}`);
    bundle('--no-install');
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'), 'dir');
    offline = true;
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the bundle's server with only the given environment (and PATH); resolves when it exits. */
function run(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['dist/src/server/main.js'], {
    cwd: app,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: path.join(work, 'data'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

test('holds what runs and nothing else: compiled server, browser bundles, static files, production dependencies', () => {
  const files = filesIn(app);
  expect(files.filter((f) => /\.(ts|map)$/.test(f) || /^(src|bot|tests|scripts|env|dist\/tests|dist\/scripts)\//.test(f))).toEqual([]);
  for (const needed of [
    'dist/src/server/main.js',
    'dist/web/tab/tab.js',
    'dist/web/addin/taskpane.js',
    'addin/web/taskpane.html',
    'appPackage/word-addin.template.xml',
  ]) {
    expect([needed, files.includes(needed)]).toEqual([needed, true]);
  }
  expect(JSON.parse(readFileSync(path.join(app, 'package.json'), 'utf8')).scripts).toEqual({ start: 'node dist/src/server/main.js' });
  if (offline) return; // the linked node_modules is the repository's, dev dependencies included
  // build tools, test tools and the browser-only libraries are not installed
  for (const dev of ['esbuild', 'typescript', 'jest', 'ts-jest', 'playwright-core', '@fluentui/web-components', '@microsoft/teams-js', 'node']) {
    expect([dev, existsSync(path.join(app, 'node_modules', dev))]).toEqual([dev, false]);
  }
  for (const runtime of ['express', '@microsoft/teams.apps', '@azure/msal-node', '@azure/monitor-opentelemetry']) {
    expect([runtime, existsSync(path.join(app, 'node_modules', runtime, 'package.json'))]).toEqual([runtime, true]);
  }
});

test('starts from its folder alone in production and serves health, readiness, the tab, the pane and the bot endpoint', async () => {
  const port = await freePort();
  const server = run({ ...TENANT, PORT: String(port) });
  const base = `http://127.0.0.1:${port}`;
  try {
    // the readiness path answers once the store is open (503 before, connection refused before listening)
    for (;;) {
      const code = await Promise.race([
        server.exited.then((c) => `exited ${c}`),
        fetch(`${base}/api/health/ready`).then(
          (r) => r.status,
          () => 0,
        ),
      ]);
      if (typeof code === 'string') throw new Error(`the server ${code}:\n${server.output()}`);
      if (code === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const health = await fetch(`${base}/api/health`);
    expect([health.status, await health.json()]).toEqual([200, expect.objectContaining({ status: 'ok', store: 'local', auth: 'entra' })]);
    const tab = await fetch(`${base}/tab`);
    expect([tab.status, tab.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(await tab.text()).toContain('/tab/assets/tab.js');
    expect((await fetch(`${base}/tab/assets/tab.js`)).status).toBe(200);
    const pane = await fetch(`${base}/addin/taskpane.html`);
    expect([pane.status, await pane.text()]).toEqual([200, expect.stringContaining('"authMode":"entra"')]);
    expect((await fetch(`${base}/addin/taskpane.js`)).status).toBe(200);
    const manifest = await (await fetch(`${base}/addin/manifest.xml`)).text();
    expect(manifest).toContain('<WebApplicationInfo>');
    // the bot endpoint is mounted and checks Bot Framework tokens
    const bot = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(bot.status).toBe(401);
    // the API wants a tenant token; an error page carries no stack trace
    expect((await fetch(`${base}/api/entries`)).status).toBe(401);
    const missing = await fetch(`${base}/tab/assets/nothing.js`);
    expect([missing.status, await missing.text()]).toEqual([404, expect.not.stringMatching(/\bat .+\.js:\d+/)]);
    // no demo data in a deployment unless asked for
    expect(server.output()).not.toMatch(/demo data loaded/);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
});

describe('refuses unsafe production settings with one line each, no stack trace', () => {
  const refused = async (env: Record<string, string>): Promise<string[]> => {
    const server = run({ ...TENANT, PORT: '0', ...env });
    const code = await server.exited;
    expect(code).toBe(1);
    expect(server.output()).not.toMatch(/^\s+at /m);
    return server.output().trim().split('\n');
  };

  test('an http PUBLIC_URL', async () => {
    expect(await refused({ PUBLIC_URL: 'http://synergy.example.org' })).toEqual([
      '[synergy-register] cannot start: PUBLIC_URL: must start with https:// (http:// only for this machine) (is "http://synergy.example.org")',
    ]);
  });

  test('a missing PUBLIC_URL on all interfaces', async () => {
    expect(await refused({ PUBLIC_URL: '', HOST: '0.0.0.0' })).toEqual([
      '[synergy-register] cannot start: PUBLIC_URL: required when HOST is 0.0.0.0 (not this machine only): the https address Teams and Word reach',
    ]);
  });

  test('ids that are not GUIDs', async () => {
    expect(await refused({ CLIENT_ID: 'synergy', TEAMS_APP_ID: 'teams-app' })).toEqual([
      '[synergy-register] cannot start: CLIENT_ID: must be a GUID (8-4-4-4-12 hexadecimal digits) (is "synergy")',
      '[synergy-register] cannot start: TEAMS_APP_ID: must be a GUID (8-4-4-4-12 hexadecimal digits) (is "teams-app")',
    ]);
  });

  test('no credential for the bot', async () => {
    expect(await refused({ CLIENT_SECRET: '' })).toEqual([
      "[synergy-register] cannot start: CLIENT_SECRET: the bot signs its replies with the app's client secret (or set BOT_TYPE=UserAssignedMsi and BOT_ID to use a managed identity)",
    ]);
  });

  test('Entra ID unreachable at start: the host and the settings, no stack', async () => {
    const closed = await freePort();
    const lines = await refused({ STORE: 'graph', GRAPH_SITE_ID: 'contoso.sharepoint.com,a,b', AUTHORITY_HOST: `https://127.0.0.1:${closed}` });
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^\\[synergy-register\\] cannot start: no token from Microsoft Entra ID at 127\\.0\\.0\\.1:${closed} .*check AUTHORITY_HOST, TENANT_ID, CLIENT_ID and CLIENT_SECRET$`,
        ),
      ),
    ]);
  });
});
