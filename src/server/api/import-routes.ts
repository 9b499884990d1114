import type { ErrorRequestHandler } from 'express';
import { z } from 'zod';
import { languageCode } from '../../domain';
import { ImportRejectedError } from '../../import';
import { fileTooLarge, type ImportService, MAX_IMPORT_BYTES } from '../../import';
import { proposalChanges } from '../../import';
import { withRequestContext } from '../../host';
import { callerOf } from '../auth';
import { JobLimiter, TooManyJobsError } from '../../export';
import { callerLanguage } from './http-errors';
import { type ApiRoute, route } from './route';
import { free, named } from './schemas';

const changesBody = proposalChanges.openapi('ImportProposalChanges');

/** One document read at a time per person, three per server with a few more waiting: reading is heavy CPU work. */
const IMPORT_JOB_LIMITS = { perUser: 1, total: 3, queued: 6 };

/**
 * A confirmation writes thousands of records on SharePoint (a minute or more when it throttles) while the tab shows
 * its progress: it gets this long instead of an ordinary request's few seconds. One cut short anyway is confirmed again.
 */
const CONFIRM_BUDGET_MS = 10 * 60 * 1000;

function confirming<T>(write: () => Promise<T>): Promise<T> {
  return withRequestContext({ deadline: Date.now() + CONFIRM_BUDGET_MS }, write);
}

/** `lang` only chooses the language of the messages (as Accept-Language does) */
export const uploadQuery = z.object({ name: z.string().max(300).optional(), lang: languageCode.optional() }).strict();

/**
 * A rejected file: 400 (413 when too large) with the problem as code and a message, in the caller's language,
 * that says what was expected; the issue keeps the English reason for scripts, as every 400 of the API does.
 */
const importErrors: ErrorRequestHandler = (error, req, res, next) => {
  if (error instanceof TooManyJobsError) {
    const busy = new ImportRejectedError('busy');
    const message = busy.messageIn(callerLanguage(req));
    res
      .status(429)
      .set('Retry-After', String(error.retryAfterSeconds))
      .json({ error: { code: 'busy', message, issues: [{ field: 'file', code: 'busy', params: {}, reason: busy.message, message }] } });
    return;
  }
  let rejected: ImportRejectedError | undefined = error instanceof ImportRejectedError ? error : undefined;
  if (!rejected && (error as { type?: string })?.type === 'entity.too.large') rejected = fileTooLarge();
  if (!rejected) return next(error);
  const message = rejected.messageIn(callerLanguage(req));
  res.status(rejected.problem === 'too_large' ? 413 : rejected.problem === 'expired' ? 410 : 400).json({
    error: { code: rejected.problem, message, issues: [{ field: 'file', code: rejected.problem, params: rejected.params, reason: rejected.message, message }] },
  });
};

/**
 * Import of a report (.docx): POST /import with the file as the body proposes (writes nothing);
 * POST /import/plan says what confirming would write; POST /import/confirm writes it, once.
 */
export function importRoutes(imports: ImportService, limiter = new JobLimiter(IMPORT_JOB_LIMITS)): ApiRoute[] {
  return [
    route({
      method: 'post',
      path: '/import',
      tag: 'import',
      summary: 'Propose an import of a report (.docx as the body); writes nothing',
      access: 'import',
      query: uploadQuery,
      body: 'docx',
      rawBodyLimit: MAX_IMPORT_BYTES,
      answer: free,
      errors: importErrors,
      handle: async (req, res, { query }) => {
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        // a caller who gives up (closes the request) stops the reading
        const gaveUp = new AbortController();
        res.once('close', () => {
          if (!res.writableFinished) gaveUp.abort();
        });
        res.json(await limiter.run(callerOf(req).id, () => imports.propose(bytes, query.name ?? 'report.docx', { signal: gaveUp.signal })));
      },
    }),
    route({
      method: 'post',
      path: '/import/changes/plan',
      tag: 'import',
      summary: 'What confirming the proposal this server keeps, with the review’s changes, would write',
      access: 'import',
      body: changesBody,
      answer: free,
      errors: importErrors,
      handle: async (req, res) => res.json(await imports.planChanges(req.body)),
    }),
    route({
      method: 'post',
      path: '/import/changes/confirm',
      tag: 'import',
      summary:
        'Write the proposal this server keeps with the review’s changes (order, changed fields, added measures, template), once; 410 when no longer kept',
      access: 'import',
      body: changesBody,
      answer: free,
      created: true,
      errors: importErrors,
      handle: async (req, res) => {
        const result = await confirming(() => imports.confirmChanges(req.body, callerOf(req)));
        res.status(result.create > 0 ? 201 : 200).json(result);
      },
    }),
    route({
      method: 'get',
      path: '/import/progress/:importId',
      tag: 'import',
      summary: 'How far the confirmation of an import got on this server: measures written of how many, and whether it is writing, done or failed',
      access: 'import',
      answer: free,
      handle: async (req, res) => {
        const progress = imports.progress(String(req.params.importId));
        if (progress) res.json(progress);
        else res.status(404).json({ error: { code: 'not_found', message: 'No confirmation of this import ran on this server lately' } });
      },
    }),
    route({
      method: 'post',
      path: '/import/plan',
      tag: 'import',
      summary: 'What confirming a reviewed proposal would write',
      access: 'import',
      body: named.importProposal,
      answer: free,
      errors: importErrors,
      handle: async (req, res) => res.json(await imports.plan(req.body)),
    }),
    route({
      method: 'post',
      path: '/import/confirm',
      tag: 'import',
      summary: 'Write a reviewed proposal, once',
      access: 'import',
      body: named.importProposal,
      answer: free,
      created: true,
      errors: importErrors,
      handle: async (req, res) => {
        const result = await confirming(() => imports.confirm(req.body, callerOf(req)));
        res.status(result.create > 0 ? 201 : 200).json(result);
      },
    }),
  ];
}
