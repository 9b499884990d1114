import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { repoRootFrom } from '../../src/host/paths';
import { type FakeConnector, postActivity, TEAMS_TENANT_ID } from '../fakes/bot-connector';
import type { GraphFake } from '../fakes/graph-fake';

/**
 * Several real server processes on one store, as in production behind a load balancer: each instance is
 * its own Node process (own memory, timers and caches) started from instance-main.ts on a free loopback
 * port. Point them at one Graph fake (graphStoreEnv) for the SharePoint store, or at one data folder for
 * the embedded store. Used by the two-instance tests and by `npm run bench`.
 */

export interface Instance {
  index: number;
  url: string;
  pid: number;
  /** what the process printed so far (stdout and stderr), for failure messages */
  output(): string;
  /** fetch against this instance, with a JSON body helper */
  api(pathname: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  /** SIGTERM (clean close) or SIGKILL (a crash); resolves with the exit code once the process is gone */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<number | null>;
}

export interface InstanceOptions {
  /** environment of every instance, on top of the defaults (loopback, port 0, local auth, quiet log) */
  env?: Record<string, string>;
  /** extra environment of instance i */
  envOf?: (index: number) => Record<string, string>;
  /** how long an instance may take to listen */
  startTimeoutMs?: number;
}

const ROOT = repoRootFrom(__dirname);
const READY = /^instance-ready (\{.*\})$/m;

/** Under Jest the TypeScript entry runs through the transpile-only hook; from dist/ (bench) the compiled one. */
function entryCommand(): string[] {
  if (__filename.endsWith('.ts')) return ['-r', path.join(ROOT, 'tests/support/ts-register.js'), path.join(__dirname, 'instance-main.ts')];
  return [path.join(__dirname, 'instance-main.js')];
}

/** Environment for the SharePoint store on the fake (the credentials are never used: tokens are fixed). */
export function graphStoreEnv(fake: GraphFake, cacheSeconds = 30): Record<string, string> {
  return {
    STORE: 'graph',
    GRAPH_BASE_URL: fake.url,
    GRAPH_SITE_ID: fake.siteId,
    GRAPH_CACHE_SECONDS: String(cacheSeconds),
    TENANT_ID: TEAMS_TENANT_ID,
    CLIENT_ID: INSTANCE_BOT_APP_ID,
    CLIENT_SECRET: 'not-a-secret',
  };
}

/** The bot's app id in graphStoreEnv: inbound Bot Framework tokens must carry it as audience. */
export const INSTANCE_BOT_APP_ID = '5e5e5e5e-6666-4777-8888-999999999999';

/**
 * Environment that makes the instances' bots validate tokens signed by the fake connector (and sign their
 * replies with one of its tokens); `inboundToken()` is what the connector would send with an activity.
 */
export function botEnv(connector: FakeConnector): { env: Record<string, string>; inboundToken(): string } {
  return {
    env: {
      TEST_INSTANCE_BOT_OPENID: connector.openIdMetadataUrl,
      TEST_INSTANCE_BOT_TOKEN: connector.signToken({ aud: 'https://api.botframework.com', serviceurl: connector.url }),
    },
    inboundToken: () => connector.signToken({ aud: INSTANCE_BOT_APP_ID, serviceurl: connector.url }),
  };
}

/**
 * Posts an activity to an instance as the Bot Connector does: a request whose connection dropped before any
 * answer (a busy machine lets a kept-alive socket close under it) is sent again, once — the bot handles a
 * re-sent activity idempotently. Resolves with the status and body, and whether it had to re-send.
 */
export async function deliverActivity(instance: Instance, activity: unknown, token: string): Promise<{ status: number; body: any; resent: boolean }> {
  try {
    return { ...(await postActivity(instance.url, activity, token)), resent: false };
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return { ...(await postActivity(instance.url, activity, token)), resent: true };
  }
}

/** Starts one instance and resolves once it listens (rejects with its output if it exits or hangs). */
export function startInstance(index: number, options: InstanceOptions = {}): Promise<Instance> {
  const env = {
    ...process.env,
    ENV_NAME: '',
    HOST: '127.0.0.1',
    PORT: '0',
    AUTH_MODE: 'local',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    ...options.env,
    ...options.envOf?.(index),
  };
  const child: ChildProcess = spawn(process.execPath, entryCommand(), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`instance ${index} did not start within ${options.startTimeoutMs ?? 60_000} ms:\n${out}`));
    }, options.startTimeoutMs ?? 60_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`instance ${index} exited (${code}) before listening:\n${out}`));
    };
    child.once('exit', onExit);
    const onData = () => {
      const ready = READY.exec(out);
      if (!ready) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      child.stdout!.off('data', onData);
      const { url } = JSON.parse(ready[1]) as { url: string };
      resolve({
        index,
        url,
        pid: child.pid!,
        output: () => out,
        api(pathname, init = {}) {
          const { json, headers, ...rest } = init;
          return fetch(`${url}${pathname}`, {
            ...rest,
            headers: { ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...(headers as Record<string, string>) },
            body: json !== undefined ? JSON.stringify(json) : rest.body,
          });
        },
        async stop(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout!.on('data', onData);
  });
}

/**
 * Starts `count` instances one after the other (the first provisions the store and loads demo data if
 * asked; the others find them), on free ports.
 */
export async function startInstances(count: number, options: InstanceOptions = {}): Promise<Instance[]> {
  const started: Instance[] = [];
  try {
    for (let i = 0; i < count; i++) started.push(await startInstance(i, options));
  } catch (error) {
    await stopInstances(started);
    throw error;
  }
  return started;
}

export async function stopInstances(instances: readonly Instance[]): Promise<void> {
  await Promise.all(instances.map((instance) => instance.stop()));
}

/** Waits until `count` is above zero and has not changed for 2 s (many timetable passes of every instance). */
export async function settle(count: () => number, timeoutMs: number): Promise<number> {
  const end = Date.now() + timeoutMs;
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const now = count();
    if (now !== last) [last, stableSince] = [now, Date.now()];
    else if (now > 0 && Date.now() - stableSince > 2000) return now;
    if (Date.now() > end) return now;
    await new Promise((r) => setTimeout(r, 100));
  }
}
