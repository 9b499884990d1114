import { z } from 'zod';
import { BILINGUAL_FIELDS, BILINGUAL_LANGUAGES } from '../../domain';
import * as model from '../../domain';
import * as vocabulary from '../../domain';
import { DOMAIN_CODES, STATUS_CODES } from '../../domain';
import { wordedTemplateWarnings } from '../../i18n';
import { type Capability, capabilityToChangeMeeting, capabilityToRecordDecision, requireCapability } from '../../domain';
import { type RecordService, type Register, validate } from '../../register';
import type { CollectionName } from '../../store';
import { callerOf } from '../auth';
import { callerLanguage } from './http-errors';
import { assertSameRequest, requestKeyOf } from './idempotency';
import { ifMatchOf } from './preconditions';
import { type ApiRoute, route, type Tag } from './route';
import { changesOf, free, items, languageQuery, named, record } from './schemas';

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

function hasField(body: unknown, field: string): boolean {
  return typeof body === 'object' && body !== null && Object.prototype.hasOwnProperty.call(body, field);
}

/** Decisions of a council body are the secretary's: not recordable by writing the whole list in an edit either. */
const editOrDecide = (req: { body?: unknown }) => (hasField(req.body, 'decisions') ? 'decide' : 'edit');

/** GET one, POST (Idempotency-Key), PATCH and DELETE (If-Match) of a plain collection; its list only when `list`. */
function crud<K extends CollectionName>(
  path: string,
  tag: Tag,
  noun: string,
  schema: z.ZodTypeAny,
  service: RecordService<K>,
  options: {
    list?: boolean;
    edit?: ApiRoute['access'];
    remove?: ApiRoute['access'];
    /** what a create (stored undefined) or a change asks of its writer, judged on the stored record too */
    changeAccess?: (stored: unknown, changes: unknown) => Capability;
  } = {},
): ApiRoute[] {
  const { changeAccess } = options;
  const edit = options.edit ?? (changeAccess ? (req: { body?: unknown }) => changeAccess(undefined, req.body) : 'edit');
  return [
    ...(options.list === false
      ? []
      : [
          route({
            method: 'get',
            path,
            tag,
            summary: `All ${noun}s`,
            access: 'read',
            answer: items(record(schema)),
            handle: async (_req, res) => res.json({ items: await service.list() }),
          }),
        ]),
    route({
      method: 'post',
      path,
      tag,
      summary: `Create a ${noun}`,
      access: edit,
      body: schema,
      answer: record(schema),
      created: true,
      idempotent: true,
      handle: async (req, res) => {
        const { record: created, created: isNew } = await service.createOnce(req.body, requestKeyOf(req));
        if (!isNew) assertSameRequest(req.body, validate(schema, req.body), created);
        res.status(isNew ? 201 : 200).json(created);
      },
    }),
    route({
      method: 'get',
      path: `${path}/:id`,
      tag,
      summary: `One ${noun}`,
      access: 'read',
      answer: record(schema),
      handle: async (req, res) => res.json(await service.get(req.params.id as string)),
    }),
    route({
      method: 'patch',
      path: `${path}/:id`,
      tag,
      summary: `Change a ${noun} (only the fields given)`,
      access: edit,
      body: changesOf(schema),
      answer: record(schema),
      ifMatch: 'required',
      handle: async (req, res) => {
        const id = req.params.id as string;
        if (changeAccess) requireCapability(callerOf(req).roles, changeAccess(await service.get(id), req.body));
        res.json(await service.update(id, req.body, ifMatchOf(req)));
      },
    }),
    route({
      method: 'delete',
      path: `${path}/:id`,
      tag,
      summary: `Delete a ${noun}`,
      access: options.remove ?? 'delete',
      body: 'none',
      ifMatch: 'required',
      handle: async (req, res) => {
        await service.remove(req.params.id as string, ifMatchOf(req));
        res.status(204).end();
      },
    }),
  ];
}

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

/** Actions, focus groups, meetings and report templates. */
export function recordRoutes(register: Register): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/actions',
      tag: 'actions',
      summary: 'Actions, filtered (open, overdue, mine…)',
      access: 'read',
      query: actionQuery,
      answer: items(record(named.action)),
      handle: async (req, res, { query }) => {
        const { mine, owner, ...rest } = query;
        const caller = callerOf(req);
        const ownerFilter = mine ? { id: caller.id, email: caller.email, name: caller.name } : owner ? { name: owner, email: owner } : undefined;
        res.json({ items: await register.actions.query({ ...rest, owner: ownerFilter }) });
      },
    }),
    route({
      method: 'post',
      path: '/actions/:id/done',
      tag: 'actions',
      summary: 'Mark an action done',
      access: 'edit',
      body: 'none',
      answer: record(named.action),
      ifMatch: 'optional',
      handle: async (req, res) => res.json(await register.actions.markDone(req.params.id as string, ifMatchOf(req))),
    }),
    route({
      method: 'post',
      path: '/actions/:id/reopen',
      tag: 'actions',
      summary: 'Reopen an action',
      access: 'edit',
      body: 'none',
      answer: record(named.action),
      ifMatch: 'optional',
      handle: async (req, res) => res.json(await register.actions.reopen(req.params.id as string, ifMatchOf(req))),
    }),
    ...crud('/actions', 'actions', 'action', named.action, register.actions, { list: false }),
    // binding a group to a Teams channel is the admin's (who may post where); the rest of a group is an edit
    ...crud('/focus-groups', 'focus groups', 'focus group', named.focusGroup, register.focusGroups, {
      edit: (req) => (hasField(req.body, 'channel') ? 'channels' : 'edit'),
    }),
    ...crud('/meetings', 'meetings', 'meeting', named.meeting, register.meetings, { changeAccess: capabilityToChangeMeeting }),
    ...crud('/reports', 'reports', 'report template', named.template, register.reports, { edit: 'template', remove: 'template' }),
    route({
      method: 'get',
      path: '/reports/:id/warnings',
      tag: 'reports',
      summary: 'What the template leaves out (saved all the same): domains no section takes, lifecycles no part takes, each worded in the caller’s language',
      access: 'read',
      query: languageQuery,
      answer: z.object({
        warnings: z.array(
          z.object({
            code: z.string(),
            block: z.number().int().optional(),
            domains: z.array(z.string()).optional(),
            lifecycle: z.string().optional(),
            message: z.string(),
          }),
        ),
      }),
      handle: async (req, res) => res.json({ warnings: wordedTemplateWarnings(await register.reports.get(req.params.id as string), callerLanguage(req)) }),
    }),
  ];
}
