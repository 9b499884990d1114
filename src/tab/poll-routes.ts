import { Router } from 'express';
import { isClosed, tallyOf } from '../domain/poll-rules';
import type { Register } from '../register/register-service';

/**
 * Read-only view of the polls linked to an entry, for the tab's detail page: question, status and the
 * number of ballots per option (never who voted: anonymous polls stay anonymous).
 */
export function tabPollRoutes(register: Register): Router {
  const router = Router();
  router.get('/tab/entries/:id/polls', async (req, res) => {
    await register.entries.get(req.params.id);
    const polls = await register.store.polls.list({ field: 'entryId', equals: req.params.id });
    const now = register.clock.now();
    const items = await Promise.all(
      polls.map(async (poll) => {
        const tally = tallyOf(poll, await register.store.votes.list({ field: 'pollId', equals: poll.id }));
        return {
          id: poll.id,
          question: poll.question,
          // the poll service's rule: past its closing time a poll is closed, even before the bot's sweep closes it
          status: isClosed(poll, now) ? 'closed' : 'open',
          closesAt: poll.closesAt,
          createdAt: poll.createdAt,
          options: tally.options.map((o) => ({ id: o.optionId, label: o.label, votes: o.count })),
          voters: tally.ballots,
        };
      }),
    );
    res.json({ items });
  });
  return router;
}
