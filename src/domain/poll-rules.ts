import type { FocusGroup, Poll, PollQuorum, RosterMember, Vote } from './model';
import { MAX_POLL_DAYS_AHEAD } from './limits';

/**
 * The rules of a focus-group poll: when it takes ballots and from whom, what a ballot may hold, how
 * votes are counted, what is visible while it is sealed, who has not voted, who may manage it and when
 * a quorum is reached. Pure functions: no I/O, no Teams, no clock of their own.
 */

export { MAX_POLL_OPTIONS as MAX_OPTIONS, MIN_POLL_OPTIONS as MIN_OPTIONS } from './limits';

export type BallotProblem = 'closed' | 'not_open' | 'not_on_roster' | 'no_option' | 'unknown_option' | 'single_choice';

export type BallotCheck = { ok: true; optionIds: string[] } | { ok: false; problem: BallotProblem; optionId?: string };

type Timing = Pick<Poll, 'status' | 'closesAt'> & { opensAt?: string | null };

/** A poll counts as closed once it was closed or its closing time has passed. */
export function isPastClosing(poll: Pick<Poll, 'closesAt'>, now: Date): boolean {
  return poll.closesAt !== null && Date.parse(poll.closesAt) <= now.getTime();
}

export function isClosed(poll: Pick<Poll, 'status' | 'closesAt'>, now: Date): boolean {
  return poll.status === 'closed' || isPastClosing(poll, now);
}

/** A scheduled poll whose opening time has come (it opens on the next read or sweep). */
export function isDueToOpen(poll: Timing, now: Date): boolean {
  return poll.status === 'scheduled' && (!poll.opensAt || Date.parse(poll.opensAt) <= now.getTime());
}

/** Where the poll stands at `now`, whatever the stored status still says. */
export function phaseOf(poll: Timing, now: Date): 'scheduled' | 'open' | 'closed' {
  if (isClosed(poll, now)) return 'closed';
  if (poll.status === 'scheduled' && !isDueToOpen(poll, now)) return 'scheduled';
  return 'open';
}

/**
 * Checks a ballot against the poll: open now, a voter on the roster (when it has one), at least one
 * option, only the poll's options, one option for a single-choice poll. Duplicates are dropped; the
 * result is in the poll's option order.
 */
export function checkBallot(
  poll: Pick<Poll, 'options' | 'multipleChoice' | 'status' | 'closesAt'> & { opensAt?: string | null; roster?: readonly RosterMember[] | null },
  voterId: string,
  optionIds: readonly string[],
  now: Date,
): BallotCheck {
  const phase = phaseOf(poll, now);
  if (phase === 'closed') return { ok: false, problem: 'closed' };
  if (phase === 'scheduled') return { ok: false, problem: 'not_open' };
  if (poll.roster && !poll.roster.some((m) => m.id === voterId)) return { ok: false, problem: 'not_on_roster' };
  const wanted = new Set(optionIds.map((o) => o.trim()).filter(Boolean));
  if (wanted.size === 0) return { ok: false, problem: 'no_option' };
  const known = new Set(poll.options.map((o) => o.id));
  for (const id of wanted) if (!known.has(id)) return { ok: false, problem: 'unknown_option', optionId: id };
  if (!poll.multipleChoice && wanted.size > 1) return { ok: false, problem: 'single_choice' };
  return { ok: true, optionIds: poll.options.map((o) => o.id).filter((id) => wanted.has(id)) };
}

/** Splits the value of an Input.ChoiceSet ("o1,o3" for multi-select) into option ids. */
export function parseChoiceValue(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => parseChoiceValue(v));
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface OptionTally {
  optionId: string;
  label: string;
  count: number;
  /** the voters' names, in voting order; empty for an anonymous poll */
  voters: string[];
}

export interface Tally {
  pollId: string;
  /** number of ballots (people), not of ticked options */
  ballots: number;
  options: OptionTally[];
}

/** The latest ballot of each voter, in voting order. */
function latestBallots(pollId: string, votes: readonly Vote[]): Vote[] {
  const latest = new Map<string, Vote>();
  for (const v of votes) {
    if (v.pollId !== pollId) continue;
    const seen = latest.get(v.voter.id);
    if (!seen || seen.at <= v.at) latest.set(v.voter.id, v);
  }
  return [...latest.values()].sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * Counts the ballots of one poll: one ballot per voter (the latest wins if a store ever returned two),
 * options the poll does not know are ignored.
 */
export function tallyOf(poll: Pick<Poll, 'options' | 'anonymous'> & { id: string }, votes: readonly Vote[]): Tally {
  const options: OptionTally[] = poll.options.map((o) => ({ optionId: o.id, label: o.label, count: 0, voters: [] }));
  const byId = new Map(options.map((o) => [o.optionId, o]));
  let counted = 0;
  for (const ballot of latestBallots(poll.id, votes)) {
    let any = false;
    for (const id of new Set(ballot.optionIds)) {
      const option = byId.get(id);
      if (!option) continue;
      option.count++;
      if (!poll.anonymous) option.voters.push(ballot.voter.name);
      any = true;
    }
    if (any) counted++;
  }
  return { pollId: poll.id, ballots: counted, options };
}

/** While a sealed poll is open nobody sees the counts, only how many have voted. */
export function isSealedNow(poll: Pick<Poll, 'sealed' | 'status' | 'closesAt'>, now: Date): boolean {
  return poll.sealed && !isClosed(poll, now);
}

/** The tally as people may see it at `now`: a sealed open poll shows the number of ballots and no counts. */
export function visibleTally(poll: Pick<Poll, 'sealed' | 'status' | 'closesAt'>, tally: Tally, now: Date): Tally & { sealed: boolean } {
  if (!isSealedNow(poll, now)) return { ...tally, sealed: false };
  return { ...tally, sealed: true, options: tally.options.map((o) => ({ ...o, count: 0, voters: [] })) };
}

/** Roster members without a ballot, in roster order: a set lookup per member, so 500 take microseconds. */
export function nonVoters(poll: Pick<Poll, 'roster'> & { id: string }, votes: readonly Vote[]): RosterMember[] {
  if (!poll.roster) return [];
  const voted = new Set<string>();
  for (const v of votes) if (v.pollId === poll.id && v.optionIds.length) voted.add(v.voter.id);
  return poll.roster.filter((m) => !voted.has(m.id));
}

/** The focus group's chairs (its contact persons) that have an Entra id. */
export function chairIdsOf(group: Pick<FocusGroup, 'members'> | undefined): string[] {
  return (group?.members ?? []).filter((m) => m.role === 'contact' && m.id).map((m) => m.id!);
}

/** Two ballots with the same options (in the order checkBallot gives them). */
export function sameChoice(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, k) => x === b[k]);
}

/** The creator and the focus group's chairs manage a poll: close, list who has not voted, remind. */
export function mayManage(poll: Pick<Poll, 'createdBy'>, chairIds: readonly string[], personId: string): boolean {
  if (!personId) return false;
  return poll.createdBy.id === personId || chairIds.includes(personId);
}

export interface QuorumState {
  /** ballots needed; null when the poll has no quorum */
  required: number | null;
  reached: boolean;
}

/** How many ballots the quorum asks for: a number, or a share of the roster rounded up. */
export function quorumOf(poll: { quorum?: PollQuorum | null; roster?: readonly RosterMember[] | null }, ballots: number): QuorumState {
  const q = poll.quorum;
  if (!q) return { required: null, reached: true };
  const required = q.ballots ?? Math.ceil(((q.percent ?? 0) * (poll.roster?.length ?? 0)) / 100);
  return { required, reached: ballots >= required };
}

/** The options with the most votes (none when nobody voted). */
export function winnersOf(tally: Tally): OptionTally[] {
  const max = Math.max(0, ...tally.options.map((o) => o.count));
  return max === 0 ? [] : tally.options.filter((o) => o.count === max);
}

/** Share of ballots as a whole percentage (0 when there are none). */
export function percentOf(count: number, ballots: number): number {
  return ballots === 0 ? 0 : Math.round((count / ballots) * 100);
}

/** The poll as it is once closed at `now` (already-closed polls keep their closing time). */
export function closedPoll<P extends Pick<Poll, 'status' | 'closedAt'>>(poll: P, now: Date): P {
  if (poll.status === 'closed') return poll;
  return { ...poll, status: 'closed', closedAt: now.toISOString() };
}

/** Option ids for labels given in order: o1, o2, … */
export function optionsFromLabels(labels: readonly string[]): Array<{ id: string; label: string }> {
  return labels.map((label, i) => ({ id: `o${i + 1}`, label: label.trim() }));
}

export interface PollDraftProblem {
  field: string;
  /** a key under "validation." in the message catalogue */
  code: string;
  params?: Record<string, string | number>;
  /** the reason in English, for logs and scripts */
  reason: string;
}

export interface PollDraft {
  options: ReadonlyArray<{ label: string }>;
  closesAt: string | null;
  opensAt?: string | null;
  roster?: readonly RosterMember[] | null;
  quorum?: PollQuorum | null;
  reminderTime?: string | null;
}

/**
 * Rules the schema cannot express: distinct labels, a closing time in the future and after the opening
 * time, a quorum the roster can reach, reminders only for a poll with a roster.
 */
export function checkPollDraft(draft: PollDraft, now: Date): PollDraftProblem[] {
  const problems: PollDraftProblem[] = [];
  const problem = (field: string, code: string, reason: string, params?: PollDraftProblem['params']) =>
    problems.push({ field, code, reason, ...(params ? { params } : {}) });
  const seen = new Map<string, number>();
  draft.options.forEach((o, i) => {
    const key = o.label.trim().toLowerCase();
    if (seen.has(key)) problem(`options.${i}.label`, 'repeats_option', `repeats option ${seen.get(key)! + 1}`, { n: seen.get(key)! + 1 });
    else seen.set(key, i);
  });
  const opens = draft.opensAt ? Date.parse(draft.opensAt) : null;
  // a poll is a focus group's question for now: opening or closing years ahead is a typing error
  const latest = now.getTime() + MAX_POLL_DAYS_AHEAD * 86_400_000;
  const tooFar = (field: string) => problem(field, 'too_far_ahead', `may be at most ${MAX_POLL_DAYS_AHEAD} days ahead`, { days: MAX_POLL_DAYS_AHEAD });
  if (opens !== null && opens > latest) tooFar('opensAt');
  if (draft.closesAt !== null && Date.parse(draft.closesAt) > latest) tooFar('closesAt');
  if (draft.closesAt !== null) {
    const at = Date.parse(draft.closesAt);
    if (Number.isNaN(at)) problem('closesAt', 'not_datetime', 'is not a date and time');
    else if (at <= now.getTime()) problem('closesAt', 'must_be_future', 'must be in the future');
    else if (opens !== null && at <= opens) problem('closesAt', 'closes_before_opening', 'must be after the opening time');
  }
  const roster = draft.roster ?? null;
  if (roster) {
    const ids = new Set<string>();
    roster.forEach((m, i) => {
      if (ids.has(m.id)) problem(`roster.${i}.id`, 'repeats_person', `repeats ${m.id}`, { id: m.id });
      ids.add(m.id);
    });
    if (roster.length === 0) problem('roster', 'roster_empty', 'has nobody who can vote (members need an Entra id)');
  }
  if (draft.quorum?.percent !== undefined && !roster) problem('quorum.percent', 'quorum_needs_roster', 'needs a roster to count a share of');
  if (draft.quorum?.ballots !== undefined && roster && draft.quorum.ballots > roster.length) {
    problem('quorum.ballots', 'quorum_above_roster', `is more than the ${roster.length} people on the roster`, { count: roster.length });
  }
  if (draft.reminderTime && !roster) problem('reminderTime', 'reminder_needs_roster', 'needs a roster: reminders go to those on it who have not voted');
  return problems;
}
