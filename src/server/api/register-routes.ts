import { z } from 'zod';
import { BILINGUAL_FIELDS, BILINGUAL_LANGUAGES } from '../../domain';
import * as model from '../../domain';
import * as vocabulary from '../../domain';
import { DOMAIN_CODES, STATUS_CODES } from '../../domain';
import { capabilityToRecordDecision } from '../../domain';
import { type Register, validate } from '../../register';
import { callerOf } from '../auth';
import { hasField } from './crud-routes';
import { assertSameRequest, requestKeyOf } from './idempotency';
import { ifMatchOf } from './preconditions';
import { type ApiRoute, route } from './route';
import { free, items, named, record } from './schemas';

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

/** The budget year whose report is closed (roll-over). */
export const rollOverBody = z.object({ year: z.number().int() }).strict();

/** Decisions of a council body are the secretary's: not recordable by writing the whole list in an edit either. */
const editOrDecide = (req: { body?: unknown }) => (hasField(req.body, 'decisions') ? 'decide' : 'edit');

function vocabularyAnswer() {
  return {
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
  };
}

const entryList = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  items: z.array(record(named.entry)),
  countsByDomain: z.record(z.number()),
  countsByStatus: z.record(z.number()),
});

/** The measures and their decisions, roll-over, and the vocabulary their forms use. */
export function entryRoutes(register: Register): ApiRoute[] {
  const entries = register.entries;
  return [
    route({
      method: 'get',
      path: '/vocabulary',
      tag: 'entries',
      summary: 'Domains, statuses, forms and the formalisation each form implies',
      access: 'read',
      answer: free,
      handle: (_req, res) => res.json(vocabularyAnswer()),
    }),
    route({
      method: 'get',
      path: '/entries',
      tag: 'entries',
      summary: 'The measures, filtered, with counts per domain and status',
      access: 'read',
      query: entryQuery,
      answer: entryList,
      handle: async (_req, res, { query }) => {
        const { q, offset, limit, ...rest } = query;
        res.json(await entries.page({ ...rest, text: q }, offset, limit));
      },
    }),
    route({
      method: 'post',
      path: '/entries',
      tag: 'entries',
      summary: 'Create a measure (formalisation derived from the form when omitted)',
      access: editOrDecide,
      body: named.entry,
      answer: record(named.entry),
      created: true,
      idempotent: true,
      handle: async (req, res) => {
        const { record: entry, created } = await entries.createOnce(req.body, callerOf(req), requestKeyOf(req));
        if (!created) assertSameRequest(req.body, validate(model.synergyEntry, req.body), entry);
        res.status(created ? 201 : 200).json(entry);
      },
    }),
    route({
      method: 'get',
      path: '/entries/:id',
      tag: 'entries',
      summary: 'One measure',
      access: 'read',
      answer: record(named.entry),
      handle: async (req, res) => res.json(await entries.get(req.params.id as string)),
    }),
    route({
      method: 'patch',
      path: '/entries/:id',
      tag: 'entries',
      summary: 'Change a measure (only the fields given)',
      access: editOrDecide,
      body: model.entryPatch,
      answer: record(named.entry),
      ifMatch: 'required',
      handle: async (req, res) => res.json(await entries.update(req.params.id as string, req.body, callerOf(req), ifMatchOf(req))),
    }),
    route({
      method: 'delete',
      path: '/entries/:id',
      tag: 'entries',
      summary: 'Delete a measure',
      access: 'delete',
      body: 'none',
      ifMatch: 'required',
      handle: async (req, res) => {
        await entries.remove(req.params.id as string, callerOf(req), ifMatchOf(req));
        res.status(204).end();
      },
    }),
    route({
      method: 'get',
      path: '/entries/:id/history',
      tag: 'entries',
      summary: "A measure's earlier versions",
      access: 'read',
      answer: items(free),
      handle: async (req, res) => {
        await entries.get(req.params.id as string);
        res.json({ items: await entries.history(req.params.id as string) });
      },
    }),
    route({
      method: 'get',
      path: '/entries/:id/actions',
      tag: 'entries',
      summary: "A measure's actions",
      access: 'read',
      answer: items(record(named.action)),
      handle: async (req, res) => {
        await entries.get(req.params.id as string);
        res.json({ items: await register.actions.query({ entryId: req.params.id as string }) });
      },
    }),
    route({
      method: 'post',
      path: '/entries/:id/decisions',
      tag: 'entries',
      summary: 'Record a decision on a measure',
      access: (req) => capabilityToRecordDecision((req.body as { body?: string } | undefined)?.body),
      body: named.decision,
      answer: record(named.entry),
      created: true,
      handle: async (req, res) => res.status(201).json(await entries.recordDecision(req.params.id as string, req.body, callerOf(req))),
    }),
    route({
      method: 'post',
      path: '/register/roll-over',
      tag: 'entries',
      summary: "Freeze a year's report into the measures' mentions",
      access: 'rollOver',
      body: rollOverBody,
      answer: free,
      handle: async (req, res) => res.json(await entries.rollOver(validate(rollOverBody, req.body).year, callerOf(req))),
    }),
  ];
}
