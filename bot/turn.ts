import { createHash, randomUUID } from 'node:crypto';
import type { Activity, AdaptiveCardActionResponse } from '@microsoft/teams.api';
import type { Language } from '../src/domain';
import type { Role } from '../src/domain';
import { MAX_REQUEST_KEY } from '../src/register/polls';
import type { CardJson } from './cards';
import { languageOf, type Translate, translator } from './i18n';
import { cardAttachment, cardResponse, type ErrorStatus, errorResponse, messageResponse } from './invoke';

/** Who acts, where, in which language: what every handler needs from an inbound activity. */
export interface Turn {
  language: Language;
  /** the language of the person's Teams client, when the activity says (its locale); absent otherwise */
  clientLanguage?: Language;
  t: Translate;
  /**
   * `id` is the person's Entra object id (one id everywhere); `teamsId` their Teams user id (29:…); `roles` their
   * register roles, once the role gate has read them (bot/roles.ts)
   */
  user: { id: string; teamsId: string; name: string; roles?: Role[] };
  conversationId: string;
  conversationType?: string;
  /** the inbound activity's id (Teams re-sends a slow request with the same id) */
  activityId: string;
  serviceUrl: string;
  tenantId?: string;
  teamId?: string;
  channelId?: string;
  /** the message holding the card an invoke came from */
  replyToId?: string;
  send(content: CardJson | string): Promise<{ id: string }>;
}

/** What a card button answers: a card (usually the person's own view), a message, or an error. */
export type ActionResult = ({ card: CardJson } | { text: string } | { error: { status: ErrorStatus; code: string; message: string } }) & {
  /** the answer to a request already handled (a re-sent activity): an invoke returns it, a message sends nothing */
  repeated?: boolean;
};

type Sender = (a: { type: 'message'; text?: string; attachments?: unknown[] }) => Promise<{ id: string }>;

export function turnOf(activity: Activity, send: Sender, language = languageOf(activity.locale)): Turn {
  const channelData = (activity.channelData ?? {}) as { team?: { id?: string }; channel?: { id?: string }; tenant?: { id?: string } };
  return {
    language,
    ...(activity.locale ? { clientLanguage: languageOf(activity.locale) } : {}),
    t: translator(language),
    user: { id: activity.from.aadObjectId || activity.from.id, teamsId: activity.from.id, name: activity.from.name || activity.from.id },
    conversationId: activity.conversation.id,
    conversationType: activity.conversation.conversationType as string | undefined,
    activityId: activity.id || randomUUID(),
    serviceUrl: activity.serviceUrl ?? '',
    tenantId: channelData.tenant?.id ?? activity.conversation.tenantId,
    teamId: channelData.team?.id,
    channelId: channelData.channel?.id,
    replyToId: activity.replyToId,
    send: (content) => send(typeof content === 'string' ? { type: 'message', text: content } : { type: 'message', attachments: [cardAttachment(content)] }),
  };
}

/** The same turn answered in another language (the language of the command's alias). */
export function inLanguage(turn: Turn, language: Language): Turn {
  return language === turn.language ? turn : { ...turn, language, t: translator(language) };
}

export function toInvokeResponse(result: ActionResult): AdaptiveCardActionResponse {
  if ('card' in result) return cardResponse(result.card);
  if ('text' in result) return messageResponse(result.text);
  return errorResponse(result.error.status, result.error.code, result.error.message);
}

/** Conversation id without the thread suffix (";messageid=…"): the channel or chat itself. */
export function baseConversationId(id: string): string {
  return id.split(';')[0];
}

/**
 * The request key of a poll created from a bot activity: the conversation and the activity id, which a
 * re-sent activity repeats. Within the model's limit (a very long id is hashed, still deterministic).
 */
export function activityRequestKey(conversationId: string, activityId: string): string {
  const key = `activity:${conversationId}:${activityId}`;
  if (key.length <= MAX_REQUEST_KEY) return key;
  return `activity:sha256:${createHash('sha256').update(`${conversationId}:${activityId}`).digest('hex')}`;
}
