import type { Register } from '../src/register';
import type { AppConfig } from '../src/host';
import type { Logger } from '../src/host';
import type { LinkContext } from './cards';
import type { CommandRegistry } from './commands';
import type { Conversations } from './conversations';
import type { FocusGroups } from './focus-groups';
import type { People } from './people';
import type { PollCards } from './poll-cards';
import type { TeamsPollPublisher } from './poll-publisher';
import type { Turn } from './turn';

/** What commands and card buttons work with: the register, the bot's adapters, the commands. */
export interface BotContext {
  readonly register: Register;
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly links: LinkContext;
  readonly groups: FocusGroups;
  readonly conversations: Conversations;
  readonly people: People;
  readonly cards: PollCards;
  readonly publisher: TeamsPollPublisher;
  readonly commands: CommandRegistry;
  /**
   * One run per key at a time: a request Teams re-sends while the first is still at work gets the
   * first one's result (`repeated`) instead of doing the work twice.
   */
  oneAtATime<T>(key: string, work: () => Promise<T>): { promise: Promise<T>; repeated: boolean };
  /** What to tell the person about an error (a validation problem in their words; anything else logged). */
  problemText(turn: Turn, error: unknown): string;
}
