import { execFileSync, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

/**
 * The container image as `docker build` / `podman build` makes it from the Dockerfile, run with tenant
 * settings: health, readiness, the tab, the pane and the bot endpoint answer. Runs where a container engine
 * answers; elsewhere it is skipped and says so (the deployment bundle it holds is tested by bundle.test.ts).
 */

const ROOT = path.resolve(__dirname, '../..');
const IMAGE = 'synergy-register-test';
jest.setTimeout(1_200_000);

/** The first of podman and docker whose engine answers (`<tool> info` succeeds), else why none does. */
function containerEngine(): { tool: string } | { missing: string } {
  const tried: string[] = [];
  for (const tool of ['podman', 'docker']) {
    const result = spawnSync(tool, ['info'], { stdio: 'pipe', timeout: 20_000 });
    if (result.status === 0) return { tool };
    tried.push(
      `${tool}: ${result.error ? (result.error as NodeJS.ErrnoException).code : (result.stderr?.toString().trim().split('\n')[0] ?? `exit ${result.status}`)}`,
    );
  }
  return { missing: tried.join('; ') };
}

const engine = containerEngine();
if ('missing' in engine) {
  console.warn(`SKIPPED the container image test: no container engine answers here (${engine.missing}). Install podman or docker to run it.`);
}
const describeWithEngine = 'tool' in engine ? describe : describe.skip;

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

describeWithEngine('container image (Dockerfile)', () => {
  const tool = 'tool' in engine ? engine.tool : '';
  let container = '';
  afterAll(() => {
    if (container) spawnSync(tool, ['rm', '-f', container], { stdio: 'ignore' });
  });

  test('builds, starts with tenant settings and serves health, readiness, tab, pane and bot endpoint', async () => {
    execFileSync(tool, ['build', '-t', IMAGE, '.'], { cwd: ROOT, stdio: 'pipe' });
    const port = await freePort();
    const env = {
      AUTH_MODE: 'entra',
      TENANT_ID: '11111111-1111-4111-8111-111111111111',
      CLIENT_ID: '22222222-2222-4222-8222-222222222222',
      CLIENT_SECRET: 'not-a-real-secret',
      PUBLIC_URL: 'https://synergy.example.org',
      TEAMS_APP_ID: '33333333-3333-4333-8333-333333333333',
    };
    container = execFileSync(tool, ['run', '-d', '-p', `127.0.0.1:${port}:8080`, ...Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]), IMAGE], {
      encoding: 'utf8',
    }).trim();
    const base = `http://127.0.0.1:${port}`;
    for (;;) {
      const status = await fetch(`${base}/api/health/ready`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      const state = execFileSync(tool, ['inspect', '-f', '{{.State.Running}}', container], { encoding: 'utf8' }).trim();
      if (state !== 'true') throw new Error(`the container stopped:\n${execFileSync(tool, ['logs', container], { encoding: 'utf8' })}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect((await fetch(`${base}/tab`)).status).toBe(200);
    expect((await fetch(`${base}/addin/taskpane.html`)).status).toBe(200);
    expect((await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
  });
});
