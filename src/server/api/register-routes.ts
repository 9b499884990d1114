import { Router } from 'express';
import { z } from 'zod';
import { BILINGUAL_FIELDS, BILINGUAL_LANGUAGES } from '../../domain/bilingual';
import * as vocabulary from '../../domain/vocabulary';
import { DOMAIN_CODES, STATUS_CODES } from '../../domain/vocabulary';
import { wordedTemplateWarnings } from '../../i18n/template-warnings';
import { type RecordService, type Register, validate } from '../../register/register-service';
import type { CollectionName } from '../../store/collections';
import { callerOf } from '../auth';
import { callerLanguage } from './http-errors';
import { requestKeyOf } from './idempotency';
import { ifMatchOf } from './preconditions';

const flag = z.enum(['true', 'false', '1', '0', '']).transform((v) => v === 'true' || v === '1' || v === '');

export const entryQuery = z
  .object({
    domain: z.enum(DOMAIN_CODES).optional(),
    status: z.enum(STATUS_CODES).optional(),
    year: z.coerce.number().int().min(1976).max(2100).optional(),
    party: z.string().max(200).optional(),
    focusGroupId: z.string().max(40).optional(),
    q: z.string().max(500).optional(),
    missing: z
      .enum(BILINGUAL_LANGUAGES)
      .optional()
      .describe(`Only measures with a text in the other language but none in this one, in any of ${BILINGUAL_FIELDS.join(', ')}`),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(10000).default(10000),
  })
  .strict();

/** Only the language of the answer's texts (else Accept-Language). */
export const languageQuery = z.object({ lang: z.enum(['nl', 'fr', 'en']).optional() }).strict();

/** The budget year whose report is closed (roll-over). */
export const rollOverBody = z.object({ year: z.number().int() }).strict();

export const actionQuery = z
  .object({
    entryId: z.string().max(40).optional(),
    domain: z.enum(DOMAIN_CODES).optional(),
    open: flag.optional(),
    overdue: flag.optional(),
    mine: flag.optional(),
    owner: z.string().max(200).optional(),
  })
  .strict();

/** GET list, GET one, POST, PATCH (If-Match), DELETE for a plain collection. */
function crudRoutes<K extends CollectionName>(router: Router, path: string, service: RecordService<K>) {
  router.get(path, async (_req, res) => res.json({ items: await service.list() }));
  router.get(`${path}/:id`, async (req, res) => res.json(await service.get(req.params.id)));
  router.post(path, async (req, res) => {
    const { record, created } = await service.createOnce(req.body, requestKeyOf(req));
    res.status(created ? 201 : 200).json(record);
  });
  router.patch(`${path}/:id`, async (req, res) => res.json(await service.update(req.params.id, req.body, ifMatchOf(req))));
  router.delete(`${path}/:id`, async (req, res) => {
    await service.remove(req.params.id, ifMatchOf(req));
    res.status(204).end();
  });
}

export function registerRoutes(register: Register): Router {
  const router = Router();

  router.get('/vocabulary', (_req, res) => {
    res.json({
      domains: vocabulary.DOMAINS,
      statuses: vocabulary.STATUSES,
      kinds: vocabulary.KINDS,
      formalisations: vocabulary.FORMALISATIONS,
      forms: vocabulary.FORMS,
      /** the formalisation each form implies: what the server fills in when an entry omits it */
      formalisationOfForm: vocabulary.FORMALISATION_OF_FORM,
      scopes: vocabulary.SCOPES,
      administrations: vocabulary.ADMINISTRATIONS,
      meetingBodies: vocabulary.MEETING_BODIES,
      decisionBodies: vocabulary.DECISION_BODIES,
      decisionOutcomes: vocabulary.DECISION_OUTCOMES,
      actionStatuses: vocabulary.ACTION_STATUSES,
    });
  });

  router.get('/entries', async (req, res) => {
    const { q, offset, limit, ...rest } = validate(entryQuery, req.query);
    const all = await register.entries.list({ ...rest, text: q });
    const countsByDomain: Record<string, number> = {};
    const countsByStatus: Record<string, number> = {};
    for (const e of all) {
      countsByDomain[e.domain] = (countsByDomain[e.domain] ?? 0) + 1;
      countsByStatus[e.status] = (countsByStatus[e.status] ?? 0) + 1;
    }
    res.json({ total: all.length, offset, items: all.slice(offset, offset + limit), countsByDomain, countsByStatus });
  });
  router.post('/entries', async (req, res) => {
    // 201 for a new entry; 200 with the entry an earlier request with the same Idempotency-Key created.
    const { record, created } = await register.entries.createOnce(req.body, callerOf(req), requestKeyOf(req));
    res.status(created ? 201 : 200).json(record);
  });
  router.get('/entries/:id', async (req, res) => res.json(await register.entries.get(req.params.id)));
  router.patch('/entries/:id', async (req, res) => {
    res.json(await register.entries.update(req.params.id, req.body, callerOf(req), ifMatchOf(req)));
  });
  router.delete('/entries/:id', async (req, res) => {
    await register.entries.remove(req.params.id, callerOf(req), ifMatchOf(req));
    res.status(204).end();
  });
  router.get('/entries/:id/history', async (req, res) => {
    await register.entries.get(req.params.id);
    res.json({ items: await register.entries.history(req.params.id) });
  });
  router.get('/entries/:id/actions', async (req, res) => {
    await register.entries.get(req.params.id);
    res.json({ items: await register.actions.query({ entryId: req.params.id }) });
  });
  router.post('/entries/:id/decisions', async (req, res) => {
    res.status(201).json(await register.entries.recordDecision(req.params.id, req.body, callerOf(req)));
  });
  router.post('/register/roll-over', async (req, res) => {
    const { year } = validate(rollOverBody, req.body);
    res.json(await register.entries.rollOver(year, callerOf(req)));
  });

  router.get('/actions', async (req, res) => {
    const { mine, owner, ...rest } = validate(actionQuery, req.query);
    const caller = callerOf(req);
    const ownerFilter = mine ? { id: caller.id, email: caller.email, name: caller.name } : owner ? { name: owner, email: owner } : undefined;
    res.json({ items: await register.actions.query({ ...rest, owner: ownerFilter }) });
  });
  router.post('/actions/:id/done', async (req, res) => res.json(await register.actions.markDone(req.params.id, ifMatchOf(req))));
  router.post('/actions/:id/reopen', async (req, res) => res.json(await register.actions.reopen(req.params.id, ifMatchOf(req))));
  crudRoutes(router, '/actions', register.actions);
  crudRoutes(router, '/focus-groups', register.focusGroups);
  crudRoutes(router, '/meetings', register.meetings);
  crudRoutes(router, '/reports', register.reports);
  // a template that leaves something out is accepted; this says what, in the caller's language
  router.get('/reports/:id/warnings', async (req, res) => {
    validate(languageQuery, req.query);
    res.json({ warnings: wordedTemplateWarnings(await register.reports.get(req.params.id), callerLanguage(req)) });
  });

  return router;
}
