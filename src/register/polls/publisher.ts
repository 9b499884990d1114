import type { FocusGroup, Poll, RosterMember } from '../../domain';
import type { PollOutcome } from '../../domain';
import type { Tally } from '../../domain';
import type { Stored } from '../../store';

/** Where a poll's card was posted, so it can be updated and answered in its thread. */
export type PollMessage = NonNullable<Poll['message']>;

export interface CloseResult {
  poll: Stored<Poll>;
  tally: Tally;
  outcome: PollOutcome;
  /** true only for the call that actually closed it (others found it closed already) */
  closedNow: boolean;
}

/**
 * The port through which the register's polls reach people (the Teams bot implements it). The poll
 * service decides what happens and when; a publisher only posts and updates cards. Every method may
 * throw when Teams refuses (bot removed from the team, user gone): the caller logs and retries later.
 */
export interface PollPublisher {
  /** Posts the poll's card to its focus group's channel; undefined when the bot knows no channel for it. */
  publish(poll: Stored<Poll>): Promise<PollMessage | undefined>;
  /** The poll closed (by whoever): freeze its card and post the results in its thread. */
  closed(result: CloseResult): Promise<void>;
  /** One message in the poll's thread mentioning these roster members, who have not voted. */
  remind(poll: Stored<Poll>, members: readonly RosterMember[]): Promise<void>;
  /** The members of the focus group's channel (Entra ids and names), to fix a poll's roster. */
  channelMembers(group: Stored<FocusGroup>): Promise<RosterMember[]>;
}
