import { ChangesService } from '../../changes';
import type { SurfaceDeps } from '../../host';
import { ImportService } from '../../import';
import { annexRoutes } from './annex-routes';
import { changesRoutes } from './changes-routes';
import { digestRoutes } from './digest-routes';
import { exportRoutes } from './export-routes';
import { importRoutes } from './import-routes';
import { meRoutes } from './me-routes';
import { openApiDocument } from './openapi';
import { pollRoutes } from './poll-routes';
import { recordRoutes } from './record-routes';
import { entryRoutes } from './register-routes';
import { restoreRoutes } from './restore-routes';
import { settingsRoutes } from './settings-routes';
import { translationRoutes } from './translation-routes';
import { TranslationService } from '../../translate';
import { translatorOf } from '../../translate';
import { SettingsService } from '../../register';
import { type ApiRoute, route } from './route';
import { free } from './schemas';

/**
 * Every endpoint under /api, each declared once: the router, the role check and the OpenAPI document are built
 * from this list. A new endpoint is added to one of these lists and is then mounted, guarded and documented.
 */
export function apiRoutes(deps: SurfaceDeps, surfaceNames: readonly string[]): ApiRoute[] {
  const { register, config } = deps;
  const language = config.defaultLanguage;
  const settings = new SettingsService(
    register.store.settings,
    { municipality: config.municipality },
    async () => (await register.store.entries.count()) === 0,
  );
  let document: ReturnType<typeof openApiDocument> | undefined;
  const routes: ApiRoute[] = [
    route({
      method: 'get',
      path: '/health',
      tag: 'caller',
      summary: 'Health: the store and the sign-in mode (no sign-in needed)',
      access: 'public',
      answer: free,
      handle: (_req, res) => res.json({ status: 'ok', store: register.store.kind, auth: config.auth.mode, surfaces: surfaceNames }),
    }),
    // behind the same sign-in as the API it documents
    route({
      method: 'get',
      path: '/openapi.json',
      tag: 'caller',
      summary: 'This document (OpenAPI 3)',
      access: 'signedIn',
      answer: free,
      handle: (_req, res) => res.json((document ??= openApiDocument(config.publicUrl, routes))),
    }),
    ...meRoutes(),
    ...entryRoutes(register),
    ...restoreRoutes(register),
    ...recordRoutes(register),
    ...annexRoutes(register, config),
    ...changesRoutes(new ChangesService(register), language),
    ...exportRoutes(register, language),
    ...importRoutes(new ImportService(register, config.municipality, settings)),
    ...settingsRoutes(settings),
    ...translationRoutes(
      new TranslationService(
        register.store.translation,
        { entries: register.entries, actions: register.actions, templates: register.reports },
        translatorOf(config),
        register.clock,
      ),
    ),
    ...pollRoutes(register, language),
    ...digestRoutes(register),
    route({
      method: 'post',
      path: '/messages',
      tag: 'bot',
      summary: 'Bot Framework activities from Teams (Bot Framework token, not the register one)',
      access: 'public',
      body: free,
      answer: free,
      mountedBy: 'bot',
    }),
  ];
  return routes;
}
