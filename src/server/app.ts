import { createServer, type Server } from 'node:http';
import express from 'express';
import { Register } from '../register/register-service';
import type { RegisterStore } from '../store/store';
import { apiErrorHandler } from './api/http-errors';
import { registerRoutes } from './api/register-routes';
import { apiAuthentication } from './auth';
import { type AppConfig, isLoopback } from './config';
import type { Logger } from './logger';
import type { Surface, SurfaceDeps } from './surface';

export interface RunningServer {
  app: express.Application;
  register: Register;
  server: Server;
  /** base URL actually listened on (port 0 resolves to a free port) */
  url: string;
  urls: Record<string, string>;
  close(): Promise<void>;
}

/** Builds the one Express app: surfaces' own endpoints, the authenticated JSON API, pages. */
export async function createApp(deps: SurfaceDeps, surfaces: readonly Surface[]): Promise<express.Application> {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.get('/api/health', (_req, res) => {
    res.json({ status: 'ok', store: deps.register.store.kind, auth: deps.config.auth.mode, surfaces: surfaces.map((s) => s.name) });
  });
  for (const surface of surfaces) await surface.mountBeforeApi?.(app, deps);

  const api = express.Router();
  api.use(express.json({ limit: '1mb' }));
  api.use(apiAuthentication(deps.config, deps.logger));
  api.use(registerRoutes(deps.register));
  for (const surface of surfaces) await surface.mountApi?.(api, deps);
  api.use((_req, res) => res.status(404).json({ error: { code: 'not_found', message: 'No such API endpoint' } }));
  app.use('/api', api);
  app.use('/api', apiErrorHandler(deps.logger));

  for (const surface of surfaces) await surface.mountPages?.(app, deps);
  app.get('/', (_req, res) => res.redirect('/tab'));
  return app;
}

/** Starts everything on an opened store; `close` stops the HTTP server, the surfaces and the store. */
export async function startServer(config: AppConfig, store: RegisterStore, logger: Logger, surfaces: readonly Surface[]): Promise<RunningServer> {
  // Listen first so that a port of 0 (tests) is known before the surfaces build URLs from it.
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.port === 0 ? `http://${isLoopback(config.host) ? 'localhost' : config.host}:${port}` : config.publicUrl;
  const register = new Register(store);
  const deps: SurfaceDeps = { config: { ...config, port, publicUrl: url }, register, logger };
  const app = await createApp(deps, surfaces);
  server.on('request', app);
  const urls: Record<string, string> = { 'API health': `${url}/api/health` };
  for (const surface of surfaces) Object.assign(urls, surface.urls?.(deps));
  return {
    app,
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
