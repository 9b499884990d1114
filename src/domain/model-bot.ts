import { z } from 'zod';
import { isoDateTime, LANGUAGE_CODES, text } from './model-base';
import { MAX_REQUEST_KEY } from './limits';

/** What the bot keeps to reach people: the channels and 1:1 chats it may post to, and each message it sends at most once. */

/** Where the bot can post proactively: a channel of a team the app is installed in. */
export const conversationRef = z
  .object({
    key: z.string().min(1),
    teamId: z.string().min(1),
    channelId: z.string().min(1),
    channelName: text(200).optional(),
    serviceUrl: z.string().min(1),
    tenantId: z.string().optional(),
    conversationId: z.string().min(1),
    botId: z.string().optional(),
    updatedAt: isoDateTime,
  })
  .strict();
export type ConversationRef = z.infer<typeof conversationRef>;

/**
 * Someone the bot can write to in a 1:1 chat, and in which language: recorded when they talk to the bot
 * (their Teams client's locale). `userId` is the Entra object id.
 */
export const person = z
  .object({
    userId: text(200).min(1),
    name: text(200).min(1),
    language: z.enum(LANGUAGE_CODES),
    /** their Teams user id (29:…): a card's automatic refresh names people by it */
    teamsId: text(200).optional(),
    chat: z
      .object({ conversationId: z.string().min(1), serviceUrl: z.string().min(1), tenantId: z.string().optional() })
      .strict()
      .nullable()
      .default(null),
    updatedAt: isoDateTime,
  })
  .strict();
export type Person = z.infer<typeof person>;

/**
 * A message the app sends at most once (a digest, a reminder, a scheduled poll's card): the record is
 * taken as a lease before sending and says afterwards what was sent, or why it failed and when to retry.
 */
export const delivery = z
  .object({
    key: text(MAX_REQUEST_KEY).min(1),
    kind: z.enum(['poll_publish', 'poll_reminder', 'digest_owner', 'digest_channel']),
    state: z.enum(['sending', 'sent', 'failed']),
    leaseUntil: isoDateTime.nullable().default(null),
    attempts: z.number().int().min(0),
    nextAttemptAt: isoDateTime.nullable().default(null),
    lastError: text(1000).optional(),
    sentAt: isoDateTime.nullable().default(null),
    /** what was sent, for people reading the list */
    summary: text(2000).optional(),
    updatedAt: isoDateTime,
  })
  .strict();
export type Delivery = z.infer<typeof delivery>;
