import type { Request, Response } from 'express';
import { z } from 'zod';
import { type Language, languageCode } from '../../domain';
import { ballotTable, toCsv, toXlsx } from '../../register/polls';
import { duplicateRequest, normaliseOptions, pollRequest } from '../../register/polls';
import { BallotRejectedError } from '../../register/polls';
import { type Register, validate } from '../../register';
import { callerOf } from '../auth';
import { assertSameRequest, requestKeyOf } from './idempotency';
import { type ApiRoute, route } from './route';
import { free, items, named } from './schemas';
import { MAX_POLL_OPTIONS } from '../../domain';

/** What a poll keeps as it was asked: the fields a repeated request must give alike (times and rosters are resolved). */
const SAME_POLL_FIELDS = ['focusGroupId', 'entryId', 'question', 'options', 'multipleChoice', 'anonymous', 'sealed'] as const;

function samePollFields(value: unknown): Record<string, unknown> {
  const source = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return Object.fromEntries(SAME_POLL_FIELDS.filter((field) => field in source).map((field) => [field, source[field]]));
}

export const pollListQuery = z
  .object({
    focusGroupId: z.string().max(40).optional(),
    entryId: z.string().max(40).optional(),
    status: z.enum(['scheduled', 'open', 'closed']).optional(),
  })
  .strict();

export const voteBody = z.object({ optionIds: z.array(z.string().min(1).max(40)).max(MAX_POLL_OPTIONS) }).strict();
export const ballotsQuery = z.object({ lang: languageCode.optional() }).strict();

function creatorOf(req: Request) {
  const caller = callerOf(req);
  return { id: caller.id, name: caller.name, ...(caller.email ? { email: caller.email } : {}) };
}

/** Runs a route, answering a refused ballot precisely (what was wrong, 409 when the poll is not open). */
function guarded(handler: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response) => {
    try {
      await handler(req, res);
    } catch (error) {
      if (!(error instanceof BallotRejectedError)) throw error;
      res.status(error.problem === 'closed' || error.problem === 'not_open' ? 409 : 400).json({
        error: { code: `ballot_${error.problem}`, message: error.message, issues: [{ field: 'optionIds', reason: error.problem }] },
      });
    }
  };
}

/**
 * The one poll API, for the tab, the Word add-in and scripts (the bot talks to the same service): list,
 * create (Idempotency-Key), read as the caller may see it, vote, close, who has not voted, remind,
 * export (CSV, .xlsx), duplicate. The person is always the caller's Entra object id.
 */
export function pollRoutes(register: Register, defaultLanguage: Language): ApiRoute[] {
  const polls = register.polls;
  const id = (req: Request) => req.params.id as string;
  return [
    route({
      method: 'get',
      path: '/polls',
      tag: 'polls',
      summary: 'Polls, as the caller may see them',
      access: 'read',
      query: pollListQuery,
      answer: items(free),
      handle: async (req, res, { query }) => {
        const caller = callerOf(req);
        const found = await polls.list(query);
        res.json({ items: await Promise.all(found.map((p) => polls.view(p, caller))) });
      },
    }),
    route({
      method: 'post',
      path: '/polls',
      tag: 'polls',
      summary: 'Start (or schedule) a poll',
      access: 'poll',
      body: named.pollRequest,
      answer: free,
      created: true,
      idempotent: true,
      handle: async (req, res) => {
        const caller = callerOf(req);
        const requestKey = requestKeyOf(req);
        const body = normaliseOptions(req.body);
        const input = body && typeof body === 'object' && !('language' in body) ? { ...body, language: defaultLanguage } : body;
        const { poll, created, rosterSkipped } = await polls.createOnce(input, creatorOf(req), requestKey === undefined ? {} : { requestKey });
        if (!created)
          assertSameRequest(
            samePollFields(input),
            samePollFields(validate(pollRequest, input)),
            samePollFields({ ...poll, options: poll.options.map((o) => o.label) }),
          );
        // 201 for a new poll; 200 with the poll a previous request of the same Idempotency-Key created; 422 for another poll under that key.
        res.status(created ? 201 : 200).json({ ...(await polls.view(poll, caller)), posted: Boolean(poll.message), rosterSkipped });
      },
    }),
    route({
      method: 'get',
      path: '/polls/:id',
      tag: 'polls',
      summary: 'One poll, as the caller may see it',
      access: 'read',
      answer: free,
      handle: async (req, res) => res.json(await polls.view(id(req), callerOf(req))),
    }),
    route({
      method: 'post',
      path: '/polls/:id/vote',
      tag: 'polls',
      summary: "Cast or change the caller's vote",
      access: 'vote',
      body: voteBody,
      answer: free,
      handle: guarded(async (req, res) => {
        const caller = callerOf(req);
        const { optionIds } = validate(voteBody, req.body);
        const result = await polls.vote(id(req), { id: caller.id, name: caller.name }, optionIds);
        // the ballot is stored: a poll view that cannot be read now does not turn that into an error
        const view = await polls.view(result.poll, caller).catch(() => undefined);
        res.json(
          view ? { ...view, changed: result.changed } : { id: result.poll.id, changed: result.changed, recorded: true, myBallot: result.vote.optionIds },
        );
      }),
    }),
    route({
      method: 'post',
      path: '/polls/:id/close',
      tag: 'polls',
      summary: 'Close a poll',
      access: 'poll',
      body: 'none',
      answer: free,
      handle: guarded(async (req, res) => {
        const caller = callerOf(req);
        const result = await polls.close(id(req), caller);
        res.json({ ...(await polls.view(result.poll, caller, { fresh: true })), closedNow: result.closedNow });
      }),
    }),
    route({
      method: 'get',
      path: '/polls/:id/non-voters',
      tag: 'polls',
      summary: 'Who of the roster has not voted',
      access: 'read',
      answer: free,
      handle: guarded(async (req, res) => {
        const { poll, members } = await polls.nonVoters(id(req), callerOf(req));
        res.json({ pollId: poll.id, rosterSize: poll.roster?.length ?? null, items: members });
      }),
    }),
    route({
      method: 'post',
      path: '/polls/:id/reminders',
      tag: 'polls',
      summary: 'Remind those who have not voted',
      access: 'poll',
      body: 'none',
      answer: free,
      created: true,
      handle: guarded(async (req, res) => {
        const result = await register.pollSchedule.remind(id(req), callerOf(req));
        res.status(result.outcome === 'sent' ? 201 : 200).json(result);
      }),
    }),
    route({
      method: 'post',
      path: '/polls/:id/duplicate',
      tag: 'polls',
      summary: 'Start a new poll like this one',
      access: 'poll',
      body: named.duplicateRequest,
      answer: free,
      created: true,
      idempotent: true,
      handle: guarded(async (req, res) => {
        const caller = callerOf(req);
        const requestKey = requestKeyOf(req);
        const changes = validate(duplicateRequest, req.body ?? {});
        const { poll, created } = await polls.duplicate(id(req), changes, creatorOf(req), requestKey === undefined ? {} : { requestKey });
        res.status(created ? 201 : 200).json({ ...(await polls.view(poll, caller)), posted: Boolean(poll.message) });
      }),
    }),
    route({
      method: 'get',
      path: '/polls/:id/export.:format',
      tag: 'polls',
      summary: 'The ballots as .csv or .xlsx (format: csv or xlsx)',
      access: 'read',
      query: ballotsQuery,
      answer: 'csv',
      handle: guarded(async (req, res) => {
        const format = req.params.format;
        if (format !== 'csv' && format !== 'xlsx') {
          res.status(404).json({ error: { code: 'not_found', message: 'Export as .csv or .xlsx' } });
          return;
        }
        const { lang } = validate(ballotsQuery, req.query);
        const poll = await polls.get(id(req));
        // an export is a record of the ballots: read from the store, not the read cache
        const votes = await polls.votes(poll.id, { fresh: true });
        const language = lang ?? poll.language;
        const now = register.clock.now();
        const name = `poll-${poll.id}`;
        if (format === 'csv') {
          const csv = toCsv(ballotTable(poll, votes, language, now));
          res.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(csv);
          return;
        }
        const xlsx = await toXlsx(poll, votes, language, now);
        res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(`${name}.xlsx`).send(xlsx);
      }),
    }),
  ];
}
