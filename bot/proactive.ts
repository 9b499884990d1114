import type { Activity, Client as ApiClient } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import type { CardJson } from './cards';
import { cardAttachment } from './invoke';

type Outgoing = { type: 'message'; text?: string; attachments?: unknown[]; entities?: unknown[] };

/**
 * Messages the bot sends on its own (not as the answer to an activity): posts to a channel, replies in
 * a thread, updates of a card, 1:1 chats. Through the Teams SDK's API client on the conversation's
 * service URL, with the app's own bot token.
 */
export class Proactive {
  constructor(private readonly app: App) {}

  /** The app's API client (its HTTP settings and bot token provider) scoped to a conversation's service URL. */
  private api(serviceUrl: string): ApiClient {
    return this.app.api.fromServiceUrl({ serviceUrl: serviceUrl.replace(/\/+$/, '') });
  }

  static card(card: CardJson): Outgoing {
    return { type: 'message', attachments: [cardAttachment(card)] };
  }

  async post(serviceUrl: string, conversationId: string, activity: Outgoing | Partial<Activity>): Promise<{ id: string }> {
    return this.api(serviceUrl).conversations.createActivity(conversationId, activity as never);
  }

  /** A reply in the thread of `activityId` (Teams channels show it under that message). */
  async reply(serviceUrl: string, conversationId: string, activityId: string, activity: Outgoing | Partial<Activity>): Promise<{ id: string }> {
    return this.api(serviceUrl).conversations.replyToActivity(conversationId, activityId, activity as never);
  }

  async update(serviceUrl: string, conversationId: string, activityId: string, card: CardJson): Promise<void> {
    await this.api(serviceUrl).conversations.updateActivity(conversationId, activityId, { ...Proactive.card(card), id: activityId } as never);
  }

  async members(serviceUrl: string, conversationId: string) {
    return this.api(serviceUrl).conversations.getMembers(conversationId);
  }

  async channels(serviceUrl: string, teamId: string) {
    return this.api(serviceUrl).teams.getConversations(teamId);
  }

  /** Opens (or finds) the bot's 1:1 chat with a person, by their Entra object id; Teams answers with its id. */
  async openChat(serviceUrl: string, tenantId: string | undefined, userId: string, botId: string | undefined): Promise<string> {
    const created = await this.api(serviceUrl).conversations.create({
      isGroup: false,
      members: [{ id: userId, role: 'user' } as never],
      ...(botId ? { bot: { id: botId } } : {}),
      ...(tenantId ? { tenantId, channelData: { tenant: { id: tenantId } } } : {}),
    });
    return created.id;
  }
}
