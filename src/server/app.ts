import express from 'express';
import { apiErrorHandler } from './api';
import { routerOf } from './api';
import type { ApiRoute } from './api';
import { apiRoutes } from './api';
import { apiAuthentication } from './auth';
import { loopbackOnly } from './loopback-guard';
import { sameOriginOnly } from './same-origin-guard';
import { withRequestContext } from '../host';

/** How long an API request may spend on Graph retries (Teams itself resends a bot request after 15 s). */
export const INTERACTIVE_BUDGET_MS = 10_000;
import type { Surface, SurfaceDeps } from '../host';
import { codeMessage } from '../i18n';
import { callerLanguage } from './api';

/** Builds the one Express app: surfaces' own endpoints, the authenticated JSON API, pages. */
export async function createApp(deps: SurfaceDeps, surfaces: readonly Surface[]): Promise<{ app: express.Application; routes: readonly ApiRoute[] }> {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  if (deps.config.auth.mode === 'local') app.use(loopbackOnly(deps.logger), sameOriginOnly(deps.logger));
  // API answers are data for one caller: never sniffed as another type, never kept by a browser or proxy.
  // A person waits for each: the store gives up on SharePoint retries that would outlast INTERACTIVE_BUDGET_MS.
  app.use('/api', (_req, res, next) => {
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
    withRequestContext({ deadline: Date.now() + INTERACTIVE_BUDGET_MS }, () => next());
  });
  const routes = apiRoutes(
    deps,
    surfaces.map((s) => s.name),
  );
  app.use('/api', routerOf(routes, 'public'));
  for (const surface of surfaces) await surface.mountBeforeApi?.(app, deps);

  const api = express.Router();
  api.use(express.json({ limit: '1mb' }));
  api.use(apiAuthentication(deps.config, deps.logger));
  api.use(routerOf(routes, 'signedIn'));
  api.use((req, res) => res.status(404).json({ error: { code: 'not_found', message: codeMessage(callerLanguage(req), 'no_endpoint') } }));
  app.use('/api', api);
  app.use('/api', apiErrorHandler(deps.logger));

  for (const surface of surfaces) await surface.mountPages?.(app, deps);
  app.get('/', (_req, res) => res.redirect('/tab'));
  return { app, routes };
}
