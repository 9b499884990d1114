import { ballotKeyOf, type Poll, type Vote } from '../../domain';
import { checkBallot, sameChoice, tallyOf } from '../../domain';
import { DuplicateKeyError } from '../../store';
import type { RegisterStore, Stored } from '../../store';
import type { Clock } from '../records';
import { BallotRejectedError, type Voter, type VoteResult } from './types';

export interface BallotContext {
  store: RegisterStore;
  clock: Clock;
  /** the poll's ballots, from the read cache (a write through it updates them) */
  votes(pollId: string): Promise<Stored<Vote>[]>;
}

/**
 * Records a voter's ballot on a poll as it stands (creating or replacing it): one write, always, so what the voter
 * is told is what is stored. The tally comes from the cached ballots, which the write updated; if it cannot be read
 * now, the vote still stands and `tally` is left out (a stored vote is never reported as failed).
 */
export async function castBallot(ctx: BallotContext, poll: Stored<Poll>, voter: Voter, optionIds: readonly string[]): Promise<VoteResult> {
  const check = checkBallot(poll, voter.id, optionIds, ctx.clock.now());
  if (!check.ok) throw new BallotRejectedError(check.problem, check.optionId);
  const before = await ctx.votes(poll.id).catch(() => undefined);
  const previous = before?.find((v) => v.ballotKey === ballotKeyOf(poll.id, voter.id));
  const name = voter.name.slice(0, 200) || voter.id;
  const same = previous !== undefined && sameChoice(previous.optionIds, check.optionIds) && previous.voter.name === name;
  const value: Vote = {
    pollId: poll.id,
    voter: { id: voter.id, name, ...(voter.teamsId ? { teamsId: voter.teamsId } : {}) },
    optionIds: check.optionIds,
    // the same ballot again (a retried submit) keeps the time it was cast
    at: same ? previous.at : ctx.clock.now().toISOString(),
    ballotKey: ballotKeyOf(poll.id, voter.id),
  };
  let vote: Stored<Vote>;
  try {
    vote = await ctx.store.votes.upsertByKey(value);
  } catch (error) {
    // Two submits of one ballot racing to create it: the second becomes a replace.
    if (!(error instanceof DuplicateKeyError)) throw error;
    vote = await ctx.store.votes.upsertByKey(value);
  }
  const after = await ctx.votes(poll.id).catch(() => undefined);
  return { poll, vote, changed: !same, ...(after ? { tally: tallyOf(poll, after) } : {}) };
}
