import type { Person } from '../src/domain';
import type { BotRecords } from '../src/register';
import type { Conversations } from './conversations';
import type { Proactive } from './proactive';
import type { Turn } from './turn';
import type { Language } from '../src/domain';

/**
 * People the bot can write to 1:1 and the language they read: recorded when they send the bot a message
 * (their Teams client's locale; their personal chat when they write from it). A person who never wrote
 * gets a 1:1 chat opened by their Entra object id (the app must be installed for them).
 */
export class People {
  /** what this process last stored per person, to write only on a change */
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly records: BotRecords,
    private readonly defaultLanguage: () => Language,
    private readonly conversations: Conversations,
    private readonly proactive: Proactive,
  ) {}

  async remember(turn: Turn): Promise<void> {
    const personal = turn.conversationType === 'personal';
    const who = `${turn.language}|${turn.user.name}`;
    const previous = this.seen.get(turn.user.id);
    // Outside the personal chat only the language and the name can change.
    if (previous === `${who}|${turn.conversationId}` || (!personal && previous?.startsWith(`${who}|`))) return;
    const stored = await this.records.person(turn.user.id);
    const chat = personal
      ? { conversationId: turn.conversationId, serviceUrl: turn.serviceUrl, ...(turn.tenantId ? { tenantId: turn.tenantId } : {}) }
      : (stored?.chat ?? null);
    const teamsId = turn.user.teamsId && turn.user.teamsId !== turn.user.id ? { teamsId: turn.user.teamsId.slice(0, 200) } : {};
    await this.save({ userId: turn.user.id, name: turn.user.name.slice(0, 200), language: turn.language, ...teamsId, chat });
    this.seen.set(turn.user.id, `${who}|${chat?.conversationId ?? ''}`);
  }

  /** Where to write to this person: their recorded chat, or a new 1:1 chat opened through a known team. */
  async chatOf(userId: string, name: string): Promise<NonNullable<Person['chat']>> {
    const stored = await this.records.person(userId);
    if (stored?.chat) return stored.chat;
    const ref = await this.conversations.any();
    if (!ref) throw new Error(`the bot is installed in no team, so it cannot open a chat with ${name}`);
    const conversationId = await this.proactive.openChat(ref.serviceUrl, ref.tenantId, userId, ref.botId);
    const chat = { conversationId, serviceUrl: ref.serviceUrl, ...(ref.tenantId ? { tenantId: ref.tenantId } : {}) };
    await this.save({
      userId,
      name: stored?.name ?? name,
      language: stored?.language ?? this.defaultLanguage(),
      ...(stored?.teamsId ? { teamsId: stored.teamsId } : {}),
      chat,
    });
    return chat;
  }

  private async save(value: Omit<Person, 'updatedAt'>): Promise<void> {
    await this.records.rememberPerson(value);
  }
}
