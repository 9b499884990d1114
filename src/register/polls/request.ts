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
    focusGroupId: z.string().min(1, 'is required').max(40),
    entryId: z.string().max(40).nullable().default(null),
    question: z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters'),
    options: z
      .array(z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'))
      .min(MIN_OPTIONS, `needs at least ${MIN_OPTIONS} options`)
      .max(MAX_OPTIONS, `allows at most ${MAX_OPTIONS} options`),
    multipleChoice: z.boolean().default(false),
    anonymous: z.boolean().default(false),
    sealed: z.boolean().default(false),
    opensAt: moment.nullable().default(null),
    closesAt: moment.nullable().default(null),
    roster: z
      .union([z.enum(['focusGroup', 'channel']), z.array(model.rosterMember).max(2000, 'allows at most 2000 people')])
      .nullable()
      .default(null),
    quorum: model.pollQuorum.nullable().default(null),
    reminderTime: model.timeOfDay.nullable().default(null),
    /** record the outcome as a decision on the entry; absent: yes for a yes/no question, no for any other */
    recordDecision: z.boolean().optional(),
    /** language of the shared card and the outcome text; the service's default language when absent */
    language: languageCode.optional(),
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
