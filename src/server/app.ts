import { createServer, type Server } from 'node:http';
import express from 'express';
import { Register, systemClock } from '../register/register-service';
import type { RegisterStore } from '../store/store';
import { apiErrorHandler } from './api/http-errors';
import { routerOf } from './api/mount';
import type { ApiRoute } from './api/route';
import { apiRoutes } from './api/routes';
import { apiAuthentication } from './auth';
import { type AppConfig, assertServable, isLoopback } from '../host/config';
import type { Logger } from '../host/logger';
import { loopbackOnly } from './loopback-guard';
import { withRequestContext } from '../host/request-context';

/** How long an API request may spend on Graph retries (Teams itself resends a bot request after 15 s). */
export const INTERACTIVE_BUDGET_MS = 10_000;
import type { Surface, SurfaceDeps } from '../host/surface';

export interface RunningServer {
  app: express.Application;
  /** the API's route table, as mounted and documented */
  routes: readonly ApiRoute[];
  register: Register;
  server: Server;
  /** base URL actually listened on (port 0 resolves to a free port) */
  url: string;
  urls: Record<string, string>;
  close(): Promise<void>;
}

/** Builds the one Express app: surfaces' own endpoints, the authenticated JSON API, pages. */
export async function createApp(deps: SurfaceDeps, surfaces: readonly Surface[]): Promise<{ app: express.Application; routes: readonly ApiRoute[] }> {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  if (deps.config.auth.mode === 'local') app.use(loopbackOnly(deps.logger));
  // API answers are data for one caller: never sniffed as another type, never kept by a browser or proxy.
  // A person waits for each: the store gives up on SharePoint retries that would outlast INTERACTIVE_BUDGET_MS.
  app.use('/api', (_req, res, next) => {
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
    withRequestContext({ deadline: Date.now() + INTERACTIVE_BUDGET_MS }, () => next());
  });
  const routes = apiRoutes(deps, surfaces.map((s) => s.name));
  app.use('/api', routerOf(routes, 'public'));
  for (const surface of surfaces) await surface.mountBeforeApi?.(app, deps);

  const api = express.Router();
  api.use(express.json({ limit: '1mb' }));
  api.use(apiAuthentication(deps.config, deps.logger));
  api.use(routerOf(routes, 'signedIn'));
  api.use((_req, res) => res.status(404).json({ error: { code: 'not_found', message: 'No such API endpoint' } }));
  app.use('/api', api);
  app.use('/api', apiErrorHandler(deps.logger));

  for (const surface of surfaces) await surface.mountPages?.(app, deps);
  app.get('/', (_req, res) => res.redirect('/tab'));
  return { app, routes };
}

export interface StartOptions {
  /** runs once the store is open, before the first request is served (e.g. loading the demo data) */
  beforeServing?: (store: RegisterStore) => Promise<void>;
}

/**
 * Listens first, then opens the store (taking its lock), then serves: a second start on a busy port fails
 * before it touches the data, and nothing is written before the server is listening. `close` stops the HTTP
 * server, the surfaces and the store.
 */
export async function startServer(
  config: AppConfig,
  store: RegisterStore,
  logger: Logger,
  surfaces: readonly Surface[],
  options: StartOptions = {},
): Promise<RunningServer> {
  assertServable(config);
  // Listening first also makes a port of 0 (tests) known before the surfaces build URLs from it.
  const server = createServer();
  // An idle connection is closed by the client or the proxy in front (undici after 4 s, Azure's front ends after
  // minutes), never by us first: closing it at Node's 5 s races a request sent on it (ECONNRESET, seen under load).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  try {
    await store.init();
    await options.beforeServing?.(store);
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.port === 0 ? `http://${isLoopback(config.host) ? 'localhost' : config.host}:${port}` : config.publicUrl;
  const register = new Register(store, systemClock, { defaultLanguage: config.defaultLanguage, digests: config.digests });
  const deps: SurfaceDeps = { config: { ...config, port, publicUrl: url }, register, logger };
  const { app, routes } = await createApp(deps, surfaces);
  server.on('request', app);
  const urls: Record<string, string> = { 'API health': `${url}/api/health` };
  for (const surface of surfaces) Object.assign(urls, surface.urls?.(deps));
  return {
    app,
    routes,
    register,
    server,
    url,
    urls,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const surface of surfaces) await surface.close?.();
      await store.close();
    },
  };
}
