import { z } from 'zod';
import { changesBlocks } from '../../changes';
import type { ChangesService } from '../../changes';
import { type Language, languageCode } from '../../domain';
import { type ApiRoute, route } from './route';
import { free } from './schemas';

const year = (what: string) =>
  z.coerce
    .number({ required_error: 'is required', invalid_type_error: `must be ${what}` })
    .int('must be a whole year')
    .min(2000, 'must be 2000 or later')
    .max(2100, 'must be 2100 or earlier');

/** The query's fields (documented as they are in OpenAPI); the route also checks that `from` is before `to`. */
export const changesQueryFields = z
  .object({
    to: year('the report year to compare'),
    from: year('the earlier report year').optional(),
    lang: languageCode.optional(),
  })
  .strict();

const changesQuery = changesQueryFields.superRefine((q, ctx) => {
  if (q.from !== undefined && q.from >= q.to)
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['from'], message: `must be before ${q.to}`, params: { code: 'year_before', year: q.to } });
});

/** GET /changes?to=2026[&from=2025]: what changed between two report years; /changes/annex: the same as annex blocks for the Word pane. */
export function changesRoutes(changes: ChangesService, defaultLanguage: Language): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/changes',
      tag: 'annex',
      summary: 'What changed between two report years',
      access: 'read',
      query: changesQuery,
      answer: free,
      handle: async (_req, res, { query }) => res.json(await changes.between(query.from ?? query.to - 1, query.to)),
    }),
    route({
      method: 'get',
      path: '/changes/annex',
      tag: 'annex',
      summary: 'What changed, as annex blocks for the Word pane',
      access: 'read',
      query: changesQuery,
      answer: free,
      handle: async (_req, res, { query }) => {
        const lang = query.lang ?? defaultLanguage;
        res.json({ language: lang, blocks: changesBlocks(await changes.between(query.from ?? query.to - 1, query.to), lang) });
      },
    }),
  ];
}
