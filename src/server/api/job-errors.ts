import type { ErrorRequestHandler } from 'express';
import { TooManyJobsError } from '../../export';
import { translate } from '../../i18n';
import { callerLanguage } from './http-errors';

/**
 * How a heavy job (a workbook, an annex .docx) refuses, in the caller's language: 429 with Retry-After for one job
 * too many (this person's, or the server's), 503 for a job that ran out of its time or memory (`failed` says which
 * errors those are).
 */
export function jobErrors(failed: (error: unknown) => boolean): ErrorRequestHandler {
  return (error, req, res, next) => {
    const language = callerLanguage(req);
    if (error instanceof TooManyJobsError) {
      res
        .status(429)
        .set('Retry-After', String(error.retryAfterSeconds))
        .json({
          error: { code: 'too_many_exports', message: translate(language, error.reason === 'user' ? 'import.export.busy' : 'import.export.serverBusy') },
        });
    } else if (failed(error)) {
      const reason = error instanceof Error ? error.message : String(error);
      res.status(503).json({ error: { code: 'export_failed', message: translate(language, 'import.export.failed', { reason }) } });
    } else next(error);
  };
}
