import type { Response } from 'express';
import type { Language } from '../../domain';
import { JobLimiter } from '../../export';
import { writeRegisterWorkbook } from '../../export';
import { XlsxJobError } from '../../export';
import { translate } from '../../i18n';
import type { Register } from '../../register';
import { callerOf } from '../auth';
import { jobErrors } from './job-errors';
import { type ApiRoute, route } from './route';
import { languageQuery } from './schemas';

export const exportQuery = languageQuery;

/** The client went away mid-download: the workbook job stops. */
class ClientGoneError extends Error {}

/** Writes a chunk and waits while the client is slower than the writer (memory stays flat); fails if it left. */
function writer(res: Response, start: () => void): (chunk: Uint8Array) => Promise<void> {
  let started = false;
  return async (chunk) => {
    if (!started) {
      start();
      started = true;
    }
    if (res.destroyed) throw new ClientGoneError();
    if (res.write(chunk)) return;
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', gone);
        resolve();
      };
      const gone = () => {
        res.off('drain', done);
        reject(new ClientGoneError());
      };
      res.once('drain', done);
      res.once('close', gone);
    });
  };
}

/** 429 for one export too many, 503 for an export that ran out of time or memory; each in the caller's language. */
const exportErrors = jobErrors((error) => error instanceof XlsxJobError);

/**
 * GET /export.xlsx: the whole register as a workbook, one sheet per list, streamed as it is written (in a worker
 * thread, a page of records at a time), at most one export per person at a time and a few per server.
 */
export function exportRoutes(register: Register, defaultLanguage: Language, limiter = new JobLimiter()): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/export.xlsx',
      tag: 'entries',
      summary: 'The whole register as a workbook',
      access: 'read',
      query: exportQuery,
      answer: 'xlsx',
      errors: exportErrors,
      handle: async (req, res, { query }) => {
        const lang = query.lang ?? defaultLanguage;
        const caller = callerOf(req);
        let started = false;
        const start = () => {
          started = true;
          res
            .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
            .set('Content-Disposition', `attachment; filename="${translate(lang, 'import.xlsx.file')}"`)
            .set('Cache-Control', 'no-store');
        };
        try {
          await limiter.run(caller.id, () => writeRegisterWorkbook(register.store, lang, writer(res, start)));
          res.end();
        } catch (error) {
          // once bytes are out, the status is sent: the client sees a cut download, never a half workbook as whole
          if (!started) throw error;
          res.destroy(error instanceof Error ? error : undefined);
        }
      },
    }),
  ];
}
