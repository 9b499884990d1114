import { z } from 'zod';
import { glossaryTerm, suggestRequest, translationSettingsInput } from '../../domain';
import type { TranslationService } from '../../translate';
import { ifMatchOf } from './preconditions';
import { type ApiRoute, route } from './route';

const settingsAnswer = z
  .object({
    available: z.boolean().describe('Whether a translation service is configured; false: suggestions answer 503'),
    region: z.string().nullable().describe('Azure region of the Translator resource; null when none is configured'),
    glossary: z.array(glossaryTerm).describe("The administration's words, Dutch beside French, that every translation request applies"),
    monthlyCharacterBudget: z.number().nullable().describe("Characters a month the secretary allows to be translated; null: no limit of the register's own"),
    month: z.string().describe('Current month, YYYY-MM (Brussels calendar)'),
    charactersUsed: z.number().describe('Characters translated so far this month'),
    etag: z.string().nullable().describe('Version of the settings, for If-Match on PUT; null until saved'),
  })
  .openapi('TranslationSettings');

const suggestAnswer = z
  .object({
    suggestions: z
      .array(
        z.object({
          entryId: z.string().optional().describe('Id of the entry, for an entry’s text'),
          actionId: z.string().optional().describe('Id of the action, for an action’s title'),
          templateId: z.string().optional().describe('Id of the report template, for its fixed texts'),
          importId: z.string().optional().describe('Id of the import under review, for a measure’s text'),
          key: z.string().optional().describe('Key of the measure in the import under review'),
          field: z.string().describe('Field of the entry (title, description…), "title" of the action, the template’s fixed text, or the measure’s text'),
          source: z.string().describe('The source text that was translated'),
          text: z.string().describe('The suggested translation; not saved until a person accepts it with a PATCH of the entry'),
        }),
      )
      .describe('One suggestion per text translated'),
    skipped: z
      .array(
        z.object({
          entryId: z.string().optional().describe('Id of the entry, for an entry’s text'),
          actionId: z.string().optional().describe('Id of the action, for an action’s title'),
          templateId: z.string().optional().describe('Id of the report template, for its fixed texts'),
          importId: z.string().optional().describe('Id of the import under review, for a measure’s text'),
          key: z.string().optional().describe('Key of the measure in the import under review'),
          field: z.string().describe('Field of the entry, "title" of the action, the template’s fixed text, or the measure’s text'),
          reason: z
            .enum(['confidential', 'no_source', 'not_found'])
            .describe('confidential field, no text in the source language, or no such entry, action or template'),
        }),
      )
      .describe('Texts that got no suggestion, and why'),
    characters: z.number().describe('Characters sent to the translation service (they count against the monthly budget)'),
    requests: z.number().describe('Requests made to the translation service'),
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
      summary:
        'Suggest translations of entries’ texts, actions’ titles, templates’ fixed texts and the measures of an import under review from one language into the other, without saving them',
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
