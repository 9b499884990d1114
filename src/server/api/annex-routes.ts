import { annexFileName } from '../../annex/docx';
import { AnnexRenderError, renderAnnexDocx } from '../../annex/docx';
import { JobLimiter } from '../../export';
import { callerOf } from '../auth';
import { jobErrors } from './job-errors';
import { annexQuery, AnnexService, assertPrintable } from '../../annex';
import type { AppConfig } from '../../host';
import type { Register } from '../../register';
import { type ApiRoute, route } from './route';
import { free } from './schemas';
import { annexLanguageFor } from '../../domain';

/** 429 for one annex too many at once, 503 for one over its time or memory budget; in the caller's language. */
const docxErrors = jobErrors((error) => error instanceof AnnexRenderError);

/**
 * A budget year's annex: as blocks (the model the Word pane renders), its choices, and as a .docx for everyone
 * (built in a worker thread, one at a time per person and a few per server).
 */
export function annexRoutes(register: Register, config: AppConfig, limiter = new JobLimiter()): ApiRoute[] {
  const annex = new AnnexService(register, { municipality: config.municipality, language: annexLanguageFor(config.defaultLanguage) });
  return [
    route({
      method: 'get',
      path: '/annex',
      tag: 'annex',
      summary: "A budget year's annex as blocks (the model every renderer uses)",
      access: 'read',
      query: annexQuery,
      answer: free,
      handle: async (_req, res, { query }) => res.json(await annex.model(query)),
    }),
    route({
      method: 'get',
      path: '/annex/options',
      tag: 'annex',
      summary: 'The years, templates, domains and columns an annex can be asked for',
      access: 'read',
      answer: free,
      handle: async (_req, res) => res.json(await annex.options()),
    }),
    route({
      method: 'get',
      path: '/annex.docx',
      tag: 'annex',
      summary: "A budget year's annex as a Word document (409 unreviewed_translations when its template refuses unreviewed machine translations)",
      access: 'read',
      query: annexQuery,
      answer: 'docx',
      errors: docxErrors,
      handle: async (req, res, { query }) => {
        // the template may refuse to print unreviewed machine translations: 409 naming how many remain
        const model = assertPrintable(await annex.model(query));
        const bytes = await limiter.run(callerOf(req).id, () => renderAnnexDocx(model));
        res
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .set('Content-Disposition', `attachment; filename="${annexFileName(model)}"`)
          .set('Cache-Control', 'no-store')
          .send(bytes);
      },
    }),
  ];
}
