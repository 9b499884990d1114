import { z } from 'zod';
import { isoDateTime, LANGUAGE_CODES, personRef, text, visibleText } from './model-base';
import { MAX_POLL_OPTIONS, MAX_POLL_QUESTION, MAX_REQUEST_KEY, MIN_POLL_OPTIONS } from './limits';

/** Focus-group polls and their ballots. */

export const pollOption = z.object({ id: z.string().min(1).max(40), label: visibleText(200) }).strict();

/** A person as polls and digests know them: `id` is the Entra object id (Teams gives it as aadObjectId). */
export const rosterMember = z
  .object({
    id: text(200).min(1, 'is required').describe('Entra ID object id of the person'),
    name: text(200).min(1, 'is required').describe('Name of the person'),
  })
  .strict();
export type RosterMember = z.infer<typeof rosterMember>;

/** The outcome counts only with at least this many ballots, or this share of the roster. */
export const pollQuorum = z
  .object({
    ballots: z.number().int().min(1, 'must be at least 1').max(100000).optional().describe('Minimum number of ballots (give this or percent)'),
    percent: z
      .number()
      .int()
      .min(1, 'must be 1 to 100')
      .max(100, 'must be 1 to 100')
      .optional()
      .describe('Minimum share of the roster that must vote, in percent, 1 to 100 (give this or ballots)'),
  })
  .strict()
  .refine((q) => (q.ballots === undefined) !== (q.percent === undefined), {
    message: 'give either a number of ballots or a percentage',
    params: { code: 'quorum_ballots_or_percent' },
  });
export type PollQuorum = z.infer<typeof pollQuorum>;

/** "HH:MM" in Brussels time. */
export const timeOfDay = z
  .string()
  .refine((s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s), { message: 'must be a time written HH:MM', params: { code: 'time_of_day' } });

export const poll = z
  .object({
    focusGroupId: z.string().min(1, 'is required'),
    entryId: z.string().nullable().default(null),
    question: visibleText(MAX_POLL_QUESTION),
    options: z
      .array(pollOption)
      .min(MIN_POLL_OPTIONS, `needs at least ${MIN_POLL_OPTIONS} options`)
      .max(MAX_POLL_OPTIONS, `allows at most ${MAX_POLL_OPTIONS} options`)
      .refine((o) => new Set(o.map((x) => x.id)).size === o.length, { message: 'option ids must be unique', params: { code: 'unique_ids' } }),
    multipleChoice: z.boolean().default(false),
    anonymous: z.boolean().default(false),
    closesAt: isoDateTime.nullable().default(null),
    /** a poll with an opening time in the future is 'scheduled': published and open for votes from then on */
    opensAt: isoDateTime.nullable().default(null),
    status: z.enum(['scheduled', 'open', 'closed']).default('open'),
    /** results sealed until the poll closes: until then everyone sees only the number of ballots */
    sealed: z.boolean().default(false),
    /** who may vote (fixed when the poll is created); null: anyone in the conversation */
    roster: z.array(rosterMember).max(2000).nullable().default(null),
    quorum: pollQuorum.nullable().default(null),
    /** a reminder to those on the roster who have not voted, every day at this Brussels time while open */
    reminderTime: timeOfDay.nullable().default(null),
    /**
     * whether closing records the outcome as the focus group's decision on the linked entry; absent (a poll
     * stored before the choice existed): only a yes/no question does (recordsDecision in poll-outcome.ts)
     */
    recordDecision: z.boolean().optional(),
    /** the poll this one was duplicated from */
    copiedFrom: z.string().max(40).optional(),
    createdBy: personRef,
    /** the creator's Teams user id (29:…), for the card's automatic refresh; absent for polls made outside Teams */
    creatorTeamsId: text(200).optional(),
    createdAt: isoDateTime,
    closedAt: isoDateTime.nullable().default(null),
    message: z.object({ conversationId: z.string(), activityId: z.string(), serviceUrl: z.string() }).strict().nullable().default(null),
    /** language of the shared poll card and its outcome text */
    language: z.enum(LANGUAGE_CODES).default('nl'),
    /**
     * What created the poll, unique per poll: a bot message's activity id or an API caller's Idempotency-Key.
     * A request Teams re-sends after 15 s finds the poll it already created instead of making a second one.
     */
    requestKey: z.string().min(1).max(MAX_REQUEST_KEY),
  })
  .strict();
export type Poll = z.infer<typeof poll>;

/** One ballot per (poll, voter): the key makes a repeated submit idempotent and a change of mind an overwrite. */
export const vote = z
  .object({
    pollId: z.string().min(1),
    /** id: the Entra object id; teamsId: the Teams user id (29:…) for the card's automatic refresh */
    voter: personRef.extend({ id: z.string().min(1), teamsId: text(200).optional() }).strict(),
    optionIds: z.array(z.string().min(1)).min(1, 'choose at least one option'),
    at: isoDateTime,
    ballotKey: z.string().min(1),
  })
  .strict();
export type Vote = z.infer<typeof vote>;

export function ballotKeyOf(pollId: string, voterId: string): string {
  return `${pollId}|${voterId}`;
}
