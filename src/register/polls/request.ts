import { z } from 'zod';
import { parseLocalDateTime } from '../../domain';
import * as model from '../../domain';
import { MAX_OPTIONS, MIN_OPTIONS } from '../../domain';
import { languageCode } from '../../domain';

/** A moment as ISO 8601 with an offset, or Brussels wall-clock time ("2026-12-01T17:00", "2026-12-01 17:00"). */
const moment = z.preprocess(
  (v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}$/.test(v.trim()) ? (parseLocalDateTime(v) ?? v) : v),
  model.isoDateTime,
);

/**
 * Input to create a poll, from the bot, the tab or the API: options as labels (ids are given here), the
 * roster as a source ("focusGroup": its members with an Entra id; "channel": the members of its Teams
 * channel) or as a list of people.
 */
export const pollRequest = z
  .object({
    focusGroupId: z.string().min(1, 'is required').max(40).describe('Id of the focus group that holds the poll'),
    entryId: z.string().max(40).nullable().default(null).describe('Id of the measure (entry) the poll is about; null if none'),
    question: z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters').describe('The question asked'),
    options: z
      .array(z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'))
      .min(MIN_OPTIONS, `needs at least ${MIN_OPTIONS} options`)
      .max(MAX_OPTIONS, `allows at most ${MAX_OPTIONS} options`)
      .describe('Labels of the answer options, in order'),
    multipleChoice: z.boolean().default(false).describe('Whether a voter may choose more than one option'),
    anonymous: z.boolean().default(false).describe('Whether ballots are anonymous'),
    sealed: z.boolean().default(false).describe('Results sealed until the poll closes: until then everyone sees only the number of ballots'),
    opensAt: moment.nullable().default(null).describe('When the poll opens (ISO 8601 with offset, or Brussels time "2026-12-01T17:00"); null or past: now'),
    closesAt: moment.nullable().default(null).describe('When the poll closes (ISO 8601 with offset, or Brussels time); null: when closed by hand'),
    roster: z
      .union([z.enum(['focusGroup', 'channel']), z.array(model.rosterMember).max(2000, 'allows at most 2000 people')])
      .nullable()
      .default(null)
      .describe('Who may vote: "focusGroup" (its members), "channel" (its Teams channel members) or a list of people; null: anyone'),
    quorum: model.pollQuorum.nullable().default(null).describe('Minimum ballots, or share of the roster in percent, for the outcome to count; null: none'),
    reminderTime: model.timeOfDay
      .nullable()
      .default(null)
      .describe('Daily reminder to those who have not voted, at this Brussels time (HH:MM) while open; null: none'),
    /** record the outcome as a decision on the entry; absent: yes for a yes/no question, no for any other */
    recordDecision: z.boolean().optional().describe('Record the outcome as a decision on the entry; absent: yes for a yes/no question, no for any other'),
    /** language of the shared card and the outcome text; the service's default language when absent */
    language: languageCode.optional().describe("Language of the shared card and the outcome text; the service's default language when absent"),
  })
  .strict();
export type ParsedPollRequest = z.output<typeof pollRequest>;

/** The settings a duplicate may change; everything else is copied from the earlier poll. */
export const duplicateRequest = pollRequest.pick({ question: true, entryId: true, opensAt: true, closesAt: true, reminderTime: true }).partial().strict();

/** Options may come as labels or as {label} objects (the shape GET returns). */
export function normaliseOptions(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const b = body as Record<string, unknown>;
  if (!Array.isArray(b.options)) return body;
  return { ...b, options: b.options.map((o) => (o && typeof o === 'object' && 'label' in o ? (o as { label: unknown }).label : o)) };
}

/** The longest request key a poll can hold (the model's limit). */
export const MAX_REQUEST_KEY = 300;
