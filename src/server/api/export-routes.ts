import { Router } from 'express';
import { z } from 'zod';
import { translate } from '../../i18n/catalogue';
import { registerWorkbook } from '../../export/register-workbook';
import { type Register, validate } from '../../register/register-service';

export const exportQuery = z.object({ lang: z.enum(['nl', 'fr', 'en'], { errorMap: () => ({ message: 'must be nl, fr or en' }) }).optional() }).strict();

/** GET /export.xlsx: the whole register as a workbook, one sheet per list. */
export function exportRoutes(register: Register, defaultLanguage: 'nl' | 'fr' | 'en'): Router {
  const router = Router();
  router.get('/export.xlsx', async (req, res) => {
    const lang = validate(exportQuery, req.query).lang ?? defaultLanguage;
    const [entries, actions, meetings] = await Promise.all([register.entries.list({}), register.actions.list(), register.meetings.list()]);
    const bytes = await registerWorkbook({ entries, actions, meetings }, lang);
    res
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .set('Content-Disposition', `attachment; filename="${translate(lang, 'import.xlsx.file')}"`)
      .set('Cache-Control', 'no-store')
      .send(bytes);
  });
  return router;
}
