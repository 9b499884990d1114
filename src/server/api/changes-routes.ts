import { Router } from 'express';
import { z } from 'zod';
import { changesBlocks } from '../../changes/changes-blocks';
import type { ChangesService } from '../../changes/changes-service';
import { validate } from '../../register/register-service';

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
    lang: z.enum(['nl', 'fr', 'en'], { errorMap: () => ({ message: 'must be nl, fr or en' }) }).optional(),
  })
  .strict();

const changesQuery = changesQueryFields.superRefine((q, ctx) => {
    if (q.from !== undefined && q.from >= q.to) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['from'], message: `must be before ${q.to}`, params: { code: 'year_before', year: q.to } });
  });

/** GET /changes?to=2026[&from=2025]: what changed between two report years; /changes/annex: the same as annex blocks for the Word pane. */
export function changesRoutes(changes: ChangesService, defaultLanguage: 'nl' | 'fr' | 'en'): Router {
  const router = Router();
  router.get('/changes', async (req, res) => {
    const q = validate(changesQuery, req.query);
    res.json(await changes.between(q.from ?? q.to - 1, q.to));
  });
  router.get('/changes/annex', async (req, res) => {
    const q = validate(changesQuery, req.query);
    const lang = q.lang ?? defaultLanguage;
    res.json({ language: lang, blocks: changesBlocks(await changes.between(q.from ?? q.to - 1, q.to), lang) });
  });
  return router;
}
