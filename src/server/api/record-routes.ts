import { z } from 'zod';
import { capabilityToChangeMeeting, DOMAIN_CODES } from '../../domain';
import { wordedTemplateWarnings } from '../../i18n';
import type { Register } from '../../register';
import { callerOf } from '../auth';
import { crud, hasField } from './crud-routes';
import { callerLanguage } from './http-errors';
import { ifMatchOf } from './preconditions';
import { type ApiRoute, route } from './route';
import { items, languageQuery, named, record } from './schemas';

const flag = z.enum(['true', 'false', '1', '0', '']).transform((v) => v === 'true' || v === '1' || v === '');

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
