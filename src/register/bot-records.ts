import type { ConversationRef, FocusGroup, Person, SynergyEntry } from '../domain';
import type { RegisterStore, Stored } from '../store';
import type { Clock } from './records';

/**
 * What the bot keeps of Teams and reads by id: the people it has met (their language and 1:1 chat) and the
 * channels it is installed in, plus the entries and focus groups its cards name, looked up without failing when
 * one is gone. The bot reaches the store only through this service.
 */
export class BotRecords {
  constructor(
    private readonly store: RegisterStore,
    private readonly clock: Clock,
  ) {}

  /** A person as last recorded (read fresh: their language may have changed on another server). */
  async person(userId: string, options: { fresh?: boolean } = { fresh: true }): Promise<Stored<Person> | undefined> {
    const [stored] = await this.store.people.list({ field: 'userId', equals: userId }, options);
    return stored;
  }

  async rememberPerson(value: Omit<Person, 'updatedAt'>): Promise<void> {
    await this.store.people.upsertByKey({ ...value, updatedAt: this.clock.now().toISOString() });
  }

  async conversation(key: string, options: { fresh?: boolean } = {}): Promise<Stored<ConversationRef> | undefined> {
    const [ref] = await this.store.conversations.list({ field: 'key', equals: key }, options);
    return ref;
  }

  /** Some channel the bot knows (for its service URL, tenant and bot id when it opens a 1:1 chat). */
  async anyConversation(): Promise<Stored<ConversationRef> | undefined> {
    const [ref] = await this.store.conversations.list();
    return ref;
  }

  conversationsOfTeam(teamId: string): Promise<Array<Stored<ConversationRef>>> {
    return this.store.conversations.list({ field: 'teamId', equals: teamId }, { fresh: true });
  }

  async rememberConversation(ref: Omit<ConversationRef, 'updatedAt'>): Promise<void> {
    await this.store.conversations.upsertByKey({ ...ref, updatedAt: this.clock.now().toISOString() });
  }

  async forgetConversation(ref: Stored<ConversationRef>): Promise<void> {
    await this.store.conversations.remove(ref.id, ref.etag);
  }

  /** An entry a card names, or undefined when it is gone; `cached` accepts the read cache's copy. */
  entry(id: string, options: { cached?: boolean } = {}): Promise<Stored<SynergyEntry> | undefined> {
    return this.store.entries.get(id, options);
  }

  focusGroup(id: string, options: { cached?: boolean } = {}): Promise<Stored<FocusGroup> | undefined> {
    return this.store.focusGroups.get(id, options);
  }

  focusGroups(): Promise<Array<Stored<FocusGroup>>> {
    return this.store.focusGroups.list();
  }
}
