import { MessageActivityInput } from '@microsoft/teams.api';
import { formatDayTime } from '../src/domain';
import type { FocusGroup, Poll, RosterMember } from '../src/domain';
import type { CloseResult, PollMessage, PollPublisher } from '../src/register/polls';
import type { Stored } from '../src/store';
import { CardUpdates, type CardUpdatesOptions } from './card-updates';
import { plain } from './cards';
import type { Conversations } from './conversations';
import { translator } from './i18n';
import type { PollCards } from './poll-cards';
import { Proactive } from './proactive';

/** Mentions per reminder; beyond them the reminder says how many more have not voted. */
export const MAX_REMINDER_MENTIONS = 100;

/** One shared card: the message a poll was posted as, in its conversation. */
function cardKey(message: PollMessage): string {
  return `${message.conversationId}|${message.activityId}`;
}

/**
 * How the register's polls reach Teams (the PollPublisher port): the card posted to the focus group's
 * bound channel, frozen and answered with the results when the poll closes, reminders in the poll's
 * thread that @mention who has not voted, and the channel's members for a roster. Updates of a poll's
 * shared card are coalesced per card (CardUpdates); closing writes the frozen card last, then the results.
 */
export class TeamsPollPublisher implements PollPublisher {
  private readonly updates: CardUpdates;

  constructor(
    private readonly conversations: Conversations,
    private readonly proactive: Proactive,
    private readonly cards: PollCards,
    updates: CardUpdatesOptions,
  ) {
    this.updates = new CardUpdates(updates);
  }

  async publish(poll: Stored<Poll>): Promise<PollMessage | undefined> {
    const ref = await this.conversations.ofGroup(poll.focusGroupId);
    if (!ref) return undefined;
    const sent = await this.proactive.post(ref.serviceUrl, ref.conversationId, Proactive.card(await this.cards.shared(poll)));
    return { conversationId: ref.conversationId, activityId: sent.id, serviceUrl: ref.serviceUrl };
  }

  /** Posts a poll's card where it was asked for (the conversation of a command), not in the group's channel. */
  async postHere(poll: Stored<Poll>, where: { serviceUrl: string; conversationId: string }): Promise<PollMessage> {
    const sent = await this.proactive.post(where.serviceUrl, where.conversationId, Proactive.card(await this.cards.shared(poll)));
    return { conversationId: where.conversationId, activityId: sent.id, serviceUrl: where.serviceUrl };
  }

  /**
   * The shared card shows the poll as it is when the update runs (its ballots are read then): at once when the
   * card is quiet, else in one update after the window with the latest poll asked for. Nothing once it is closed.
   */
  async refresh(poll: Stored<Poll>): Promise<void> {
    const { message } = poll;
    if (!message) return;
    await this.updates.update(cardKey(message), () => this.write(poll, message));
  }

  /** The frozen card is the last update of the shared card (nothing pending overtakes it), then the results follow. */
  async closed(result: CloseResult): Promise<void> {
    const { poll } = result;
    const { message } = poll;
    if (!message) return;
    await this.updates.final(cardKey(message), () => this.write(poll, message));
    const card = await this.cards.results(poll, this.cards.languageOf(poll), result.outcome);
    await this.proactive.post(message.serviceUrl, message.conversationId, Proactive.card(card));
  }

  private async write(poll: Stored<Poll>, message: PollMessage): Promise<void> {
    await this.proactive.update(message.serviceUrl, message.conversationId, message.activityId, await this.cards.shared(poll));
  }

  async remind(poll: Stored<Poll>, members: readonly RosterMember[]): Promise<void> {
    if (!poll.message) throw new Error(`poll ${poll.id} has no card to remind people of`);
    const language = this.cards.languageOf(poll);
    const t = translator(language);
    const closes = poll.closesAt ? ` ${t('poll.reminderCloses', { date: formatDayTime(poll.closesAt, language) })}` : '';
    const message = new MessageActivityInput(`${t('poll.reminder', { id: poll.id, question: plain(poll.question, 200) })}${closes} `);
    members.slice(0, MAX_REMINDER_MENTIONS).forEach((m, i) => {
      if (i > 0) message.addText(', ');
      message.addMention({ id: m.id, name: m.name, role: 'user' });
    });
    if (members.length > MAX_REMINDER_MENTIONS) message.addText(` ${t('poll.reminderMore', { count: members.length - MAX_REMINDER_MENTIONS })}`);
    const { message: where } = poll;
    await this.proactive.reply(where.serviceUrl, where.conversationId, where.activityId, message as never);
  }

  async channelMembers(group: Stored<FocusGroup>): Promise<RosterMember[]> {
    const ref = await this.conversations.ofGroup(group.id);
    if (!ref) throw new Error("the bot is not installed in the team of this focus group's channel");
    const members = await this.proactive.members(ref.serviceUrl, ref.conversationId);
    return members.filter((m) => m.aadObjectId).map((m) => ({ id: m.aadObjectId!, name: (m.name || m.aadObjectId!).slice(0, 200) }));
  }
}
