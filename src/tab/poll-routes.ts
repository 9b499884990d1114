import { Router } from 'express';
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
    const items = await Promise.all(
      polls.map(async (poll) => {
        const votes = await register.store.votes.list({ field: 'pollId', equals: poll.id });
        const counts: Record<string, number> = Object.fromEntries(poll.options.map((o) => [o.id, 0]));
        for (const vote of votes) for (const optionId of vote.optionIds) if (optionId in counts) counts[optionId]++;
        return {
          id: poll.id,
          question: poll.question,
          status: poll.status,
          closesAt: poll.closesAt,
          createdAt: poll.createdAt,
          options: poll.options.map((o) => ({ id: o.id, label: o.label, votes: counts[o.id] })),
          voters: votes.length,
        };
      }),
    );
    res.json({ items });
  });
  return router;
}
