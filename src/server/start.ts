import { createServer, type Server } from 'node:http';
import type express from 'express';
import { Register, systemClock } from '../register';
import type { RegisterStore } from '../store';
import { type AppConfig, assertServable, isLoopback } from '../host';
import type { Logger } from '../host';
import type { Surface, SurfaceDeps } from '../host';
import { createApp } from './app';
import type { ApiRoute } from './api';
import { startupGate } from './startup-gate';
import { PortSlots } from '../register';
import { Timetable } from '../register';

export interface RunningServer {
  app: express.Application;
  /** the API's route table, as mounted and documented */
  routes: readonly ApiRoute[];
  register: Register;
  server: Server;
  /** base URL actually listened on (port 0 resolves to a free port) */
  url: string;
  urls: Record<string, string>;
  /** the register's clockwork (polls opening, closing, reminders; digests), started with the server */
  timetable: Timetable;
  close(): Promise<void>;
}

/** How often the timetable runs when no surface asks for more often. */
const DEFAULT_TIMETABLE_MS = 30_000;

export interface StartOptions {
  /** runs once the store is open, before the first request is served (e.g. loading the demo data) */
  beforeServing?: (store: RegisterStore) => Promise<void>;
  /** how often the timetable runs (default 30 s, or what a surface asks for) */
  timetableEveryMs?: number;
}

/** A cheap read that only succeeds when the store answers: the readiness probe. */
function storeAnswers(store: RegisterStore): Promise<unknown> {
  return store.focusGroups.get('1');
}

/**
 * Listens first, then opens the store (taking its lock), then serves: a second start on a busy port fails
 * before it touches the data, and nothing is written before the server is listening. From the moment it
 * listens every request is answered (startup-gate.ts: 503 with Retry-After until the app is ready). `close`
 * stops the HTTP server, the surfaces and the store.
 */
export async function startServer(
  config: AppConfig,
  store: RegisterStore,
  logger: Logger,
  surfaces: readonly Surface[],
  options: StartOptions = {},
): Promise<RunningServer> {
  assertServable(config);
  const gate = startupGate();
  // Listening first also makes a port of 0 (tests) known before the surfaces build URLs from it.
  const server = createServer(gate.listener);
  // An idle connection is closed by the client or the proxy in front (undici after 4 s, Azure's front ends after
  // minutes), never by us first: closing it at Node's 5 s races a request sent on it (ECONNRESET, seen under load).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.port === 0 ? `http://${isLoopback(config.host) ? 'localhost' : config.host}:${port}` : config.publicUrl;
  const register = new Register(store, systemClock, {
    defaultLanguage: config.defaultLanguage,
    digests: config.digests,
    ports: new PortSlots((message, error) => logger.error(message, error)),
  });
  const timetable = new Timetable(register, (message, error) => logger.error(message, error));
  const withdrawals: Array<() => void> = [];
  const deps: SurfaceDeps = { config: { ...config, port, publicUrl: url }, register, logger };
  let built: Awaited<ReturnType<typeof createApp>>;
  try {
    await store.init();
    await options.beforeServing?.(store);
    built = await createApp(deps, surfaces);
  } catch (error) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await Promise.allSettled(surfaces.map((surface) => surface.close?.()));
    throw error;
  }
  const { app, routes } = built;
  // wiring: the surfaces' adapters into the register's ports, then the clockwork that drives polls and digests
  for (const surface of surfaces) {
    const ports = surface.ports?.(deps);
    if (ports) withdrawals.push(register.ports.provide(ports));
  }
  timetable.start(Math.min(options.timetableEveryMs ?? DEFAULT_TIMETABLE_MS, ...surfaces.map((s) => s.timetableEveryMs ?? Infinity)));
  gate.serve(app, () => storeAnswers(store));
  const urls: Record<string, string> = { 'API health': `${url}/api/health` };
  for (const surface of surfaces) Object.assign(urls, surface.urls?.(deps));
  return {
    app,
    routes,
    register,
    server,
    url,
    urls,
    timetable,
    async close() {
      timetable.stop();
      await timetable.settle();
      for (const withdraw of withdrawals) withdraw();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const surface of surfaces) await surface.close?.();
      await store.close();
    },
  };
}
