import type { Poll, Vote } from '../../domain';
import type { BallotProblem, Tally } from '../../domain';
import type { Stored } from '../../store';

/** The caller may not do this (e.g. close someone else's poll): the register's one authorization error (HTTP 403). */
export { ForbiddenError } from '../../domain';

/** A ballot the poll refuses; `problem` says why, for a message in the voter's language. */
export class BallotRejectedError extends Error {
  constructor(
    readonly problem: BallotProblem,
    readonly optionId?: string,
  ) {
    super(`The vote was refused: ${problem}${optionId ? ` (${optionId})` : ''}`);
    this.name = 'BallotRejectedError';
  }
}

/** Who votes: `id` is the Entra object id (one person, one ballot, whatever the surface). */
export interface Voter {
  id: string;
  name: string;
  teamsId?: string;
}

export interface CreateOptions {
  /** What asked for this poll (a bot activity, an API Idempotency-Key): a retry finds the first poll. */
  requestKey?: string;
  /** false: the caller posts the card itself (the bot, in the conversation it was asked in) */
  publish?: boolean;
}

export interface CreateResult {
  poll: Stored<Poll>;
  /** false when a poll with the same request key existed already (nothing was created) */
  created: boolean;
  /** focus group members left off the roster because they have no Entra id */
  rosterSkipped: string[];
}

export interface VoteResult {
  poll: Stored<Poll>;
  vote: Stored<Vote>;
  /** absent when the ballots could not be read right after the vote (the vote itself is stored) */
  tally?: Tally;
  /** false when the same ballot was submitted again (a retry): nothing changed */
  changed: boolean;
}
