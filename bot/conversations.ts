import type { Activity } from '@microsoft/teams.api';
import type { ConversationRef } from '../src/domain';
import type { BotRecords } from '../src/register';
import type { Logger } from '../src/host';
import type { Stored } from '../src/store';
import { translator } from './i18n';
import type { Proactive } from './proactive';
import { baseConversationId } from './turn';
import { languageOf } from './i18n';

type ChannelData = { eventType?: string; team?: { id?: string; name?: string }; channel?: { id?: string; name?: string }; tenant?: { id?: string } };
type UpdateActivity = Activity & { membersAdded?: Array<{ id: string }>; membersRemoved?: Array<{ id: string }> };

export function conversationKey(teamId: string, channelId: string): string {
  return `${teamId}|${channelId}`;
}

/**
 * Where the bot can post on its own: the channels of the teams it is installed in, recorded from
 * installation and channel events and from any message in a channel (once per channel per process).
 */
export class Conversations {
  private readonly known = new Set<string>();

  constructor(
    private readonly records: BotRecords,
    private readonly proactive: Proactive,
    private readonly logger: Logger,
  ) {}

  /** Any message from a channel refreshes that channel's reference (cheap: once per channel per process). */
  async remember(activity: Activity): Promise<void> {
    const channelData = (activity.channelData ?? {}) as ChannelData;
    const teamId = channelData.team?.id;
    const channelId = channelData.channel?.id;
    if (!teamId || !channelId || this.known.has(conversationKey(teamId, channelId))) return;
    await this.save(activity, teamId, channelId, channelData.channel?.name);
  }

  /** The bound channel of a focus group, when the bot is installed in its team. */
  async ofGroup(focusGroupId: string): Promise<Stored<ConversationRef> | undefined> {
    const group = await this.records.focusGroup(focusGroupId);
    if (!group?.channel) return undefined;
    return this.records.conversation(conversationKey(group.channel.teamId, group.channel.channelId));
  }

  /** Some channel the bot knows (for its service URL, tenant and bot id when opening a 1:1 chat). */
  async any(): Promise<Stored<ConversationRef> | undefined> {
    return this.records.anyConversation();
  }

  private async save(activity: Activity, teamId: string, channelId: string, channelName?: string): Promise<void> {
    const channelData = (activity.channelData ?? {}) as ChannelData;
    const tenantId = channelData.tenant?.id ?? activity.conversation.tenantId;
    const ref: Omit<ConversationRef, 'updatedAt'> = {
      key: conversationKey(teamId, channelId),
      teamId,
      channelId,
      ...(channelName ? { channelName: channelName.slice(0, 200) } : {}),
      serviceUrl: activity.serviceUrl ?? '',
      ...(tenantId ? { tenantId } : {}),
      conversationId: channelId,
      ...(activity.recipient?.id ? { botId: activity.recipient.id } : {}),
    };
    await this.records.rememberConversation(ref);
    this.known.add(ref.key);
  }

  private async forget(ref: Stored<ConversationRef>): Promise<void> {
    await this.records.forgetConversation(ref);
    this.known.delete(ref.key);
  }

  /**
   * Installation in a team (the bot among membersAdded) captures every channel of the team; channel
   * created/renamed/restored updates one; a deleted channel or the bot's removal forgets them.
   */
  async onUpdate(activity: UpdateActivity): Promise<void> {
    const channelData = (activity.channelData ?? {}) as ChannelData;
    const botId = activity.recipient?.id;
    const teamId = channelData.team?.id;
    const botAdded = Boolean(botId && activity.membersAdded?.some((m) => m.id === botId));
    const botRemoved = Boolean(botId && activity.membersRemoved?.some((m) => m.id === botId));
    const records = this.records;
    if (!teamId) {
      if (botAdded && activity.conversation.conversationType === 'personal') {
        const t = translator(languageOf(activity.locale));
        await this.proactive.post(activity.serviceUrl ?? '', activity.conversation.id, { type: 'message', text: t('install.welcome') }).catch(() => undefined);
      }
      return;
    }
    if (botRemoved) {
      for (const ref of await records.conversationsOfTeam(teamId)) await this.forget(ref);
      return;
    }
    if (botAdded) {
      let channels: Array<{ id?: string; name?: string }> = [];
      try {
        channels = await this.proactive.channels(activity.serviceUrl ?? '', teamId);
      } catch (error) {
        this.logger.warn(`could not list the channels of team ${teamId}: ${(error as Error).message}; keeping the current one`);
      }
      if (!channels.length) channels = [{ id: channelData.channel?.id ?? baseConversationId(activity.conversation.id), name: channelData.channel?.name }];
      // The General channel has the team's id and often no name.
      for (const c of channels) if (c.id) await this.save(activity, teamId, c.id, c.name ?? (c.id === teamId ? 'General' : undefined));
      return;
    }
    const channelId = channelData.channel?.id;
    if (!channelId) return;
    const key = conversationKey(teamId, channelId);
    if (channelData.eventType === 'channelDeleted') {
      const ref = await records.conversation(key, { fresh: true });
      if (ref) await this.forget(ref);
      return;
    }
    if (['channelCreated', 'channelRenamed', 'channelRestored', 'teamRenamed'].includes(channelData.eventType ?? '') || !this.known.has(key)) {
      await this.save(activity, teamId, channelId, channelData.channel?.name);
    }
  }
}
