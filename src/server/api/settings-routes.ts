import { z } from 'zod';
import { communeSettings } from '../../domain';
import type { SettingsService } from '../../register';
import { ifMatchOf } from './preconditions';
import { type ApiRoute, route } from './route';

/** The commune's settings with whether they were saved yet and their version. */
const settingsAnswer = communeSettings
  .extend({
    configured: z.boolean().describe("Whether the settings were saved in the register; false: the environment's proposal"),
    etag: z.string().nullable().describe('Version of the saved settings, for If-Match on PUT; null until saved'),
    firstRun: z.boolean().describe('Whether the first-run screen should be shown'),
  })
  .openapi('CommuneSettings');
const settingsBody = communeSettings.openapi('CommuneSettingsInput');

/**
 * The commune's settings (first-run screen): GET reads them (the environment's proposal until saved), PUT saves them
 * in the register; the annex, new templates and the import use them from then on.
 */
export function settingsRoutes(settings: SettingsService): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/settings',
      tag: 'settings',
      summary: "The commune's settings (proposed by the server until saved)",
      access: 'read',
      answer: settingsAnswer,
      handle: async (_req, res) => res.json(await settings.get()),
    }),
    route({
      method: 'put',
      path: '/settings',
      tag: 'settings',
      summary: "Save the commune's settings: name (NL/FR), gemeente/stad, OCMW/CPAS name, region, languages",
      access: 'settings',
      body: settingsBody,
      answer: settingsAnswer,
      ifMatch: 'optional',
      handle: async (req, res) => res.json(await settings.put(req.body, ifMatchOf(req))),
    }),
  ];
}
