import './openapi-zod';
import { z } from 'zod';
import * as model from '../../domain/model';
import { importProposal } from '../../import/proposal';
import { annexQuery } from '../../annex/annex-service';
import { duplicateRequest, pollRequest } from '../../register/polls/request';
import { changesQueryFields } from './changes-routes';
import { exportQuery } from './export-routes';
import { uploadQuery } from './import-routes';
import { ballotsQuery, pollListQuery, voteBody } from './poll-routes';
import { actionQuery, entryQuery, languageQuery, rollOverBody } from './register-routes';

/**
 * Every route of the JSON API as the OpenAPI document describes it (issue 8 §9): request bodies and queries
 * are the zod schemas the routes validate with. A route mounted under /api and missing here fails
 * tests/e2e/openapi.test.ts, so a new endpoint is documented when it is added: one line below.
 */

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
export type Tag = 'entries' | 'actions' | 'meetings' | 'focus groups' | 'reports' | 'annex' | 'import' | 'polls' | 'caller' | 'bot';
type File = 'docx' | 'xlsx' | 'csv';

export interface DocumentedRoute {
  method: Method;
  /** the Express path under /api (":id" parameters) */
  path: string;
  tag: Tag;
  summary: string;
  query?: z.AnyZodObject | z.ZodEffects<z.AnyZodObject>;
  body?: z.ZodTypeAny | File;
  /** the answer: a JSON schema or a file; `created`: 201 for a new record */
  answer?: z.ZodTypeAny | File;
  created?: boolean;
  /** writes need the record's ETag in If-Match (428 without, 412/409 when it changed) */
  ifMatch?: boolean;
  /** a repeated request with the same Idempotency-Key answers the first one's record */
  idempotent?: boolean;
  /** not the register's bearer token: e.g. the Bot Framework's own */
  security?: 'bot';
}

const stored = { id: z.string(), etag: z.string() };
const record = <T extends z.ZodTypeAny>(schema: T) => schema.and(z.object(stored));
const items = (schema: z.ZodTypeAny) => z.object({ items: z.array(schema) });
const free = z.object({}).passthrough();
/** A PATCH body: any of the record's fields. */
const changes = (schema: z.ZodTypeAny) => (schema instanceof z.ZodObject ? schema.partial() : free);

/** The register's records and requests, named in the document's components. */
const named = {
  entry: model.synergyEntry.openapi('SynergyEntry'),
  action: model.action.openapi('Action'),
  meeting: model.meeting.openapi('Meeting'),
  focusGroup: model.focusGroup.openapi('FocusGroup'),
  template: model.reportTemplate.openapi('ReportTemplate'),
  decision: model.decision.openapi('Decision'),
  pollRequest: pollRequest.openapi('PollRequest'),
  duplicateRequest: duplicateRequest.openapi('PollDuplicateRequest'),
  importProposal: importProposal.openapi('ImportProposal'),
};

/** GET list / GET one / POST / PATCH / DELETE of a plain collection. */
function crud(path: string, tag: Tag, noun: string, schema: z.ZodTypeAny, options: { idempotent?: boolean } = {}): DocumentedRoute[] {
  return [
    { method: 'get', path, tag, summary: `All ${noun}s`, answer: items(record(schema)) },
    { method: 'post', path, tag, summary: `Create a ${noun}`, body: schema, answer: record(schema), created: true, idempotent: options.idempotent ?? true },
    { method: 'get', path: `${path}/:id`, tag, summary: `One ${noun}`, answer: record(schema) },
    { method: 'patch', path: `${path}/:id`, tag, summary: `Change a ${noun} (only the fields given)`, body: changes(schema), answer: record(schema), ifMatch: true },
    { method: 'delete', path: `${path}/:id`, tag, summary: `Delete a ${noun}`, ifMatch: true },
  ];
}

export const DOCUMENTED_ROUTES: readonly DocumentedRoute[] = [
  { method: 'get', path: '/health', tag: 'caller', summary: 'Health: the store and the sign-in mode (no sign-in needed)', answer: free },
  { method: 'get', path: '/openapi.json', tag: 'caller', summary: 'This document (OpenAPI 3)', answer: free },
  { method: 'get', path: '/me', tag: 'caller', summary: 'Who the caller is, their roles and what they may do', answer: free },
  { method: 'get', path: '/vocabulary', tag: 'entries', summary: 'Domains, statuses, forms and the formalisation each form implies', answer: free },
  {
    method: 'get',
    path: '/entries',
    tag: 'entries',
    summary: 'The measures, filtered, with counts per domain and status',
    query: entryQuery,
    answer: z.object({ total: z.number().int(), offset: z.number().int(), items: z.array(record(named.entry)), countsByDomain: z.record(z.number()), countsByStatus: z.record(z.number()) }),
  },
  {
    method: 'post',
    path: '/entries',
    tag: 'entries',
    summary: 'Create a measure (formalisation derived from the form when omitted)',
    body: named.entry,
    answer: record(named.entry),
    created: true,
    idempotent: true,
  },
  { method: 'get', path: '/entries/:id', tag: 'entries', summary: 'One measure', answer: record(named.entry) },
  { method: 'patch', path: '/entries/:id', tag: 'entries', summary: 'Change a measure (only the fields given)', body: model.entryPatch, answer: record(named.entry), ifMatch: true },
  { method: 'delete', path: '/entries/:id', tag: 'entries', summary: 'Delete a measure', ifMatch: true },
  { method: 'get', path: '/entries/:id/history', tag: 'entries', summary: "A measure's earlier versions", answer: items(free) },
  { method: 'get', path: '/entries/:id/actions', tag: 'entries', summary: "A measure's actions", answer: items(record(named.action)) },
  { method: 'post', path: '/entries/:id/decisions', tag: 'entries', summary: 'Record a decision on a measure', body: named.decision, answer: record(named.entry), created: true },
  { method: 'get', path: '/entries/:id/versions', tag: 'entries', summary: "A measure's versions, each restorable", answer: items(free) },
  { method: 'post', path: '/entries/:id/versions/:eventId/restore', tag: 'entries', summary: 'Restore a version as the new one', answer: record(named.entry), ifMatch: true },
  { method: 'get', path: '/deleted-entries', tag: 'entries', summary: 'Deleted measures that can still be restored', answer: free },
  { method: 'post', path: '/entries/:id/restore', tag: 'entries', summary: 'Restore a deleted measure (under a new id)', answer: record(named.entry), created: true },
  { method: 'post', path: '/register/roll-over', tag: 'entries', summary: "Freeze a year's report into the measures' mentions", body: rollOverBody, answer: free },
  { method: 'get', path: '/actions', tag: 'actions', summary: 'Actions, filtered (open, overdue, mine…)', query: actionQuery, answer: items(record(named.action)) },
  { method: 'post', path: '/actions/:id/done', tag: 'actions', summary: 'Mark an action done', answer: record(named.action), ifMatch: true },
  { method: 'post', path: '/actions/:id/reopen', tag: 'actions', summary: 'Reopen an action', answer: record(named.action), ifMatch: true },
  ...crud('/actions', 'actions', 'action', named.action).filter((r) => !(r.method === 'get' && r.path === '/actions')),
  ...crud('/focus-groups', 'focus groups', 'focus group', named.focusGroup),
  ...crud('/meetings', 'meetings', 'meeting', named.meeting),
  ...crud('/reports', 'reports', 'report template', named.template),
  {
    method: 'get',
    path: '/reports/:id/warnings',
    tag: 'reports',
    summary: 'What the template leaves out (saved all the same): domains no section takes, lifecycles no part takes, each worded in the caller’s language',
    query: languageQuery,
    answer: z.object({ warnings: z.array(z.object({ code: z.string(), block: z.number().int().optional(), domains: z.array(z.string()).optional(), lifecycle: z.string().optional(), message: z.string() })) }),
  },
  { method: 'get', path: '/annex', tag: 'annex', summary: "A budget year's annex as blocks (the model every renderer uses)", query: annexQuery, answer: free },
  { method: 'get', path: '/annex/options', tag: 'annex', summary: 'The years, templates, domains and columns an annex can be asked for', answer: free },
  { method: 'get', path: '/annex.docx', tag: 'annex', summary: "A budget year's annex as a Word document", query: annexQuery, answer: 'docx' },
  { method: 'get', path: '/changes', tag: 'annex', summary: 'What changed between two report years', query: changesQueryFields, answer: free },
  { method: 'get', path: '/changes/annex', tag: 'annex', summary: 'What changed, as annex blocks for the Word pane', query: changesQueryFields, answer: free },
  { method: 'get', path: '/export.xlsx', tag: 'entries', summary: 'The whole register as a workbook', query: exportQuery, answer: 'xlsx' },
  { method: 'post', path: '/import', tag: 'import', summary: 'Propose an import of a report (.docx as the body); writes nothing', query: uploadQuery, body: 'docx', answer: free },
  { method: 'post', path: '/import/plan', tag: 'import', summary: 'What confirming a reviewed proposal would write', body: named.importProposal, answer: free },
  { method: 'post', path: '/import/confirm', tag: 'import', summary: 'Write a reviewed proposal, once', body: named.importProposal, answer: free, created: true },
  { method: 'get', path: '/polls', tag: 'polls', summary: 'Polls, as the caller may see them', query: pollListQuery, answer: items(free) },
  { method: 'post', path: '/polls', tag: 'polls', summary: 'Start (or schedule) a poll', body: named.pollRequest, answer: free, created: true, idempotent: true },
  { method: 'get', path: '/polls/:id', tag: 'polls', summary: 'One poll, as the caller may see it', answer: free },
  { method: 'post', path: '/polls/:id/vote', tag: 'polls', summary: "Cast or change the caller's vote", body: voteBody, answer: free },
  { method: 'post', path: '/polls/:id/close', tag: 'polls', summary: 'Close a poll', answer: free },
  { method: 'get', path: '/polls/:id/non-voters', tag: 'polls', summary: 'Who of the roster has not voted', answer: free },
  { method: 'post', path: '/polls/:id/reminders', tag: 'polls', summary: 'Remind those who have not voted', answer: free, created: true },
  { method: 'post', path: '/polls/:id/duplicate', tag: 'polls', summary: 'Start a new poll like this one', body: named.duplicateRequest, answer: free, created: true, idempotent: true },
  { method: 'get', path: '/polls/:id/export.:format', tag: 'polls', summary: 'The ballots as .csv or .xlsx (format: csv or xlsx)', query: ballotsQuery, answer: 'csv' },
  { method: 'post', path: '/messages', tag: 'bot', summary: 'Bot Framework activities from Teams (Bot Framework token, not the register one)', body: free, answer: free, security: 'bot' },
];
