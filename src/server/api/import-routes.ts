import express, { type ErrorRequestHandler, Router } from 'express';
import { z } from 'zod';
import { ImportRejectedError } from '../../import/errors';
import { fileTooLarge, type ImportService, MAX_IMPORT_BYTES } from '../../import/import-service';
import { validate } from '../../register/register-service';
import { callerOf } from '../auth';
import { callerLanguage } from './http-errors';

/** `lang` only chooses the language of the messages (as Accept-Language does) */
export const uploadQuery = z.object({ name: z.string().max(300).optional(), lang: z.enum(['nl', 'fr', 'en']).optional() }).strict();

/**
 * A rejected file: 400 (413 when too large) with the problem as code and a message, in the caller's language,
 * that says what was expected; the issue keeps the English reason for scripts, as every 400 of the API does.
 */
const importErrors: ErrorRequestHandler = (error, req, res, next) => {
  let rejected: ImportRejectedError | undefined = error instanceof ImportRejectedError ? error : undefined;
  if (!rejected && (error as { type?: string })?.type === 'entity.too.large') rejected = fileTooLarge();
  if (!rejected) return next(error);
  const message = rejected.messageIn(callerLanguage(req));
  res.status(rejected.problem === 'too_large' ? 413 : 400).json({
    error: { code: rejected.problem, message, issues: [{ field: 'file', code: rejected.problem, params: rejected.params, reason: rejected.message, message }] },
  });
};

/**
 * Import of a report (.docx): POST /import with the file as the body proposes (writes nothing);
 * POST /import/plan says what confirming would write; POST /import/confirm writes it, once.
 */
export function importRoutes(imports: ImportService): Router {
  const router = Router();
  router.post('/import', express.raw({ type: () => true, limit: MAX_IMPORT_BYTES }), async (req, res) => {
    const { name } = validate(uploadQuery, req.query);
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    res.json(await imports.propose(bytes, name ?? 'report.docx'));
  });
  router.post('/import/plan', async (req, res) => res.json(await imports.plan(req.body)));
  router.post('/import/confirm', async (req, res) => {
    const result = await imports.confirm(req.body, callerOf(req));
    res.status(result.create > 0 ? 201 : 200).json(result);
  });
  router.use('/import', importErrors);
  return router;
}
