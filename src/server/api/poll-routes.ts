import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../../domain/vocabulary';
import { ballotTable, toCsv, toXlsx } from '../../register/polls/export';
import { duplicateRequest, normaliseOptions } from '../../register/polls/request';
import { BallotRejectedError } from '../../register/polls/service';
import { type Register, validate } from '../../register/register-service';
import { callerOf } from '../auth';
import { requestKeyOf } from './idempotency';

export const pollListQuery = z
  .object({
    focusGroupId: z.string().max(40).optional(),
    entryId: z.string().max(40).optional(),
    status: z.enum(['scheduled', 'open', 'closed']).optional(),
  })
  .strict();

export const voteBody = z.object({ optionIds: z.array(z.string().min(1).max(40)).max(10) }).strict();
export const ballotsQuery = z.object({ lang: z.enum(LANGUAGES as unknown as ['nl', 'fr', 'en']).optional() }).strict();

function creatorOf(req: Request) {
  const caller = callerOf(req);
  return { id: caller.id, name: caller.name, ...(caller.email ? { email: caller.email } : {}) };
}

type PollRequest = Request<{ id: string; format?: string }>;

/** Runs a route, answering a refused ballot precisely (what was wrong, 409 when the poll is not open). */
function guarded(handler: (req: PollRequest, res: Response) => Promise<void>) {
  return async (req: PollRequest, res: Response) => {
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
export function pollRoutes(register: Register, defaultLanguage: Language): Router {
  const router = Router();
  const polls = register.polls;

  router.get('/polls', async (req, res) => {
    const caller = callerOf(req);
    const items = await polls.list(validate(pollListQuery, req.query));
    res.json({ items: await Promise.all(items.map((p) => polls.view(p, caller))) });
  });

  router.post('/polls', async (req, res) => {
    const caller = callerOf(req);
    const requestKey = requestKeyOf(req);
    const body = normaliseOptions(req.body);
    const input = body && typeof body === 'object' && !('language' in body) ? { ...body, language: defaultLanguage } : body;
    const { poll, created, rosterSkipped } = await polls.createOnce(input, creatorOf(req), requestKey === undefined ? {} : { requestKey });
    // 201 for a new poll; 200 with the poll a previous request of the same Idempotency-Key created.
    res.status(created ? 201 : 200).json({ ...(await polls.view(poll, caller)), posted: Boolean(poll.message), rosterSkipped });
  });

  router.get('/polls/:id', async (req, res) => {
    res.json(await polls.view(req.params.id, callerOf(req)));
  });

  router.post(
    '/polls/:id/vote',
    guarded(async (req, res) => {
      const caller = callerOf(req);
      const { optionIds } = validate(voteBody, req.body);
      const result = await polls.vote(req.params.id, { id: caller.id, name: caller.name }, optionIds);
      res.json({ ...(await polls.view(result.poll, caller)), changed: result.changed });
    }),
  );

  router.post(
    '/polls/:id/close',
    guarded(async (req, res) => {
      const caller = callerOf(req);
      const result = await polls.close(req.params.id, caller);
      res.json({ ...(await polls.view(result.poll, caller, { fresh: true })), closedNow: result.closedNow });
    }),
  );

  router.get(
    '/polls/:id/non-voters',
    guarded(async (req, res) => {
      const { poll, members } = await polls.nonVoters(req.params.id, callerOf(req));
      res.json({ pollId: poll.id, rosterSize: poll.roster?.length ?? null, items: members });
    }),
  );

  router.post(
    '/polls/:id/reminders',
    guarded(async (req, res) => {
      const result = await register.pollSchedule.remind(req.params.id, callerOf(req));
      res.status(result.outcome === 'sent' ? 201 : 200).json(result);
    }),
  );

  router.post(
    '/polls/:id/duplicate',
    guarded(async (req, res) => {
      const caller = callerOf(req);
      const requestKey = requestKeyOf(req);
      const changes = validate(duplicateRequest, req.body ?? {});
      const { poll, created } = await polls.duplicate(req.params.id, changes, creatorOf(req), requestKey === undefined ? {} : { requestKey });
      res.status(created ? 201 : 200).json({ ...(await polls.view(poll, caller)), posted: Boolean(poll.message) });
    }),
  );

  router.get(
    '/polls/:id/export.:format',
    guarded(async (req, res) => {
      const format = req.params.format;
      if (format !== 'csv' && format !== 'xlsx') {
        res.status(404).json({ error: { code: 'not_found', message: 'Export as .csv or .xlsx' } });
        return;
      }
      const { lang } = validate(ballotsQuery, req.query);
      const poll = await polls.get(req.params.id);
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
  );

  return router;
}
