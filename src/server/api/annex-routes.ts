import { annexDocx, annexFileName } from '../../annex/docx/render';
import { annexQuery, AnnexService } from '../../annex/annex-service';
import type { AppConfig } from '../../host/config';
import type { Register } from '../../register/register-service';
import { type ApiRoute, route } from './route';
import { free } from './schemas';
import { annexLanguageFor } from '../../domain/bilingual';

/** A budget year's annex: as blocks (the model the Word pane renders), its choices, and as a .docx for everyone. */
export function annexRoutes(register: Register, config: AppConfig): ApiRoute[] {
  const annex = new AnnexService(register, { municipality: config.municipality, language: annexLanguageFor(config.defaultLanguage) });
  return [
    route({ method: 'get', path: '/annex', tag: 'annex', summary: "A budget year's annex as blocks (the model every renderer uses)", access: 'read', query: annexQuery, answer: free, handle: async (_req, res, { query }) => res.json(await annex.model(query)) }),
    route({ method: 'get', path: '/annex/options', tag: 'annex', summary: 'The years, templates, domains and columns an annex can be asked for', access: 'read', answer: free, handle: async (_req, res) => res.json(await annex.options()) }),
    route({
      method: 'get',
      path: '/annex.docx',
      tag: 'annex',
      summary: "A budget year's annex as a Word document",
      access: 'read',
      query: annexQuery,
      answer: 'docx',
      handle: async (_req, res, { query }) => {
        const model = await annex.model(query);
        const bytes = await annexDocx(model);
        res
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .set('Content-Disposition', `attachment; filename="${annexFileName(model)}"`)
          .set('Cache-Control', 'no-store')
          .send(bytes);
      },
    }),
  ];
}
