import type { Language } from '../../domain/languages';
import { registerWorkbook } from '../../export/register-workbook';
import { translate } from '../../i18n/catalogue';
import type { Register } from '../../register/register-service';
import { type ApiRoute, route } from './route';
import { languageQuery } from './schemas';

export const exportQuery = languageQuery;

/** GET /export.xlsx: the whole register as a workbook, one sheet per list. */
export function exportRoutes(register: Register, defaultLanguage: Language): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/export.xlsx',
      tag: 'entries',
      summary: 'The whole register as a workbook',
      access: 'read',
      query: exportQuery,
      answer: 'xlsx',
      handle: async (_req, res, { query }) => {
        const lang = query.lang ?? defaultLanguage;
        const [entries, actions, meetings] = await Promise.all([register.entries.list({}), register.actions.list(), register.meetings.list()]);
        const bytes = await registerWorkbook({ entries, actions, meetings }, lang);
        res
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .set('Content-Disposition', `attachment; filename="${translate(lang, 'import.xlsx.file')}"`)
          .set('Cache-Control', 'no-store')
          .send(bytes);
      },
    }),
  ];
}
