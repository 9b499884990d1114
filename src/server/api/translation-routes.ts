import { z } from 'zod';
import { glossaryTerm, suggestRequest, translationSettingsInput } from '../../domain';
import type { TranslationService } from '../../translate';
import { ifMatchOf } from './preconditions';
import { type ApiRoute, route } from './route';

const settingsAnswer = z
  .object({
    available: z.boolean(),
    region: z.string().nullable(),
    glossary: z.array(glossaryTerm),
    monthlyCharacterBudget: z.number().nullable(),
    month: z.string(),
    charactersUsed: z.number(),
    etag: z.string().nullable(),
  })
  .openapi('TranslationSettings');

const suggestAnswer = z
  .object({
    suggestions: z.array(z.object({ entryId: z.string(), field: z.string(), source: z.string(), text: z.string() })),
    skipped: z.array(z.object({ entryId: z.string(), field: z.string(), reason: z.enum(['confidential', 'no_source', 'not_found']) })),
    characters: z.number(),
    requests: z.number(),
  })
  .openapi('TranslationSuggestions');

/**
 * Translation suggestions (Azure AI Translator): suggestions are answered, never saved (a person accepts one with an
 * ordinary PATCH of the entry and its `machineTranslated` mark); the glossary and the monthly budget are the
 * secretary's. Without a configured service, GET says `available: false` and a suggestion is a 503.
 */
export function translationRoutes(translation: TranslationService): ApiRoute[] {
  return [
    route({
      method: 'post',
      path: '/translations/suggest',
      tag: 'translation',
      summary: 'Suggest translations of entries’ texts (by entry and field) from one language into the other, without saving them',
      access: 'edit',
      body: suggestRequest.openapi('SuggestRequest'),
      answer: suggestAnswer,
      handle: async (req, res) => res.json(await translation.suggest(req.body)),
    }),
    route({
      method: 'get',
      path: '/translations/settings',
      tag: 'translation',
      summary: 'Whether suggestions are available, where texts are processed, the glossary, the monthly budget and the characters used',
      access: 'read',
      answer: settingsAnswer,
      handle: async (_req, res) => res.json(await translation.settings()),
    }),
    route({
      method: 'put',
      path: '/translations/settings',
      tag: 'translation',
      summary: 'Save the glossary (Dutch/French term pairs) and the monthly character budget',
      access: 'translation',
      body: translationSettingsInput.openapi('TranslationSettingsInput'),
      answer: settingsAnswer,
      ifMatch: 'optional',
      handle: async (req, res) => res.json(await translation.putSettings(req.body, ifMatchOf(req))),
    }),
  ];
}
