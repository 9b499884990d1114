import type { Poll, Vote } from '../../domain';
import { outcomeOf, type PollOutcome } from '../../domain';
import { nonVoters, phaseOf, quorumOf, type Tally, tallyOf, visibleTally } from '../../domain';
import type { Stored } from '../../store';

/**
 * A poll as one person may see it, for every surface (API, tab, bot cards): the counts unless sealed,
 * their own ballot always, whether they manage it, the outcome once closed. The roster is summarised by
 * its size and the number who voted; who has not voted is only for managers (never anyone's choice).
 */
export interface PollView extends Omit<Stored<Poll>, 'roster'> {
  phase: 'scheduled' | 'open' | 'closed';
  tally: Tally & { sealed: boolean };
  /** the viewer's own ballot (option ids), null when they have not voted */
  myBallot: string[] | null;
  /** the viewer may close it, see who has not voted and send reminders */
  canManage: boolean;
  /** the viewer is on the roster (always true for a poll without one) */
  mayVote: boolean;
  rosterSize: number | null;
  quorumRequired: number | null;
  /** names of roster members who have not voted: for managers only, while the poll is not closed */
  notVoted?: Array<{ id: string; name: string }>;
  outcome?: PollOutcome;
}

export function viewOf(poll: Stored<Poll>, votes: readonly Vote[], viewer: { id: string; canManage: boolean }, now: Date): PollView {
  const { roster, ...rest } = poll;
  const tally = tallyOf(poll, votes);
  const mine = votes.find((v) => v.pollId === poll.id && v.voter.id === viewer.id);
  const phase = phaseOf(poll, now);
  return {
    ...rest,
    phase,
    tally: visibleTally(poll, tally, now),
    myBallot: mine ? mine.optionIds : null,
    canManage: viewer.canManage,
    mayVote: !roster || roster.some((m) => m.id === viewer.id),
    rosterSize: roster ? roster.length : null,
    quorumRequired: quorumOf(poll, tally.ballots).required,
    ...(viewer.canManage && roster && phase !== 'closed' ? { notVoted: nonVoters(poll, votes) } : {}),
    ...(poll.status === 'closed' ? { outcome: outcomeOf(poll, tally) } : {}),
  };
}
