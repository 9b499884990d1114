import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type RunningServer, startServer } from '../../src/server/start';
import { type AppConfig, loadConfig } from '../../src/host/config';
import { consoleLogger } from '../../src/host/logger';
import type { Surface } from '../../src/host/surface';
import { defaultSurfaces } from '../../src/server/surfaces';
import { loadDemoDataIfEmpty } from '../../src/seed/demo-data';
import { createLocalStore } from '../../src/store/local/local-store';
import type { RegisterStore } from '../../src/store/store';

export interface TestServer extends RunningServer {
  config: AppConfig;
  dataDir: string;
  /** fetch against the server with JSON helpers */
  api(pathname: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * Starts the real server (all surfaces unless told otherwise) on a free loopback port with a fresh
 * embedded store in a temporary directory. `env` overrides configuration as environment variables would.
 */
export async function startTestServer(
  options: {
    env?: Record<string, string>;
    demoData?: boolean;
    surfaces?: readonly Surface[];
    dataDir?: string;
    /** a store of the test's own (e.g. the Graph store on the Graph fake); the embedded one otherwise */
    store?: (config: AppConfig) => RegisterStore;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'synergy-test-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', AUTH_MODE: 'local', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...options.env });
  const store = options.store ? options.store(config) : createLocalStore(dataDir);
  await store.init();
  if (options.demoData ?? true) await loadDemoDataIfEmpty(store, config);
  const logger = consoleLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const running = await startServer(config, store, logger, options.surfaces ?? defaultSurfaces);
  return {
    ...running,
    config: { ...config, port: Number(new URL(running.url).port), publicUrl: running.url },
    dataDir,
    api(pathname, init = {}) {
      const { json, headers, ...rest } = init;
      return fetch(`${running.url}${pathname}`, {
        ...rest,
        headers: { ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...(headers as Record<string, string>) },
        body: json !== undefined ? JSON.stringify(json) : rest.body,
      });
    },
    async stop() {
      await running.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
