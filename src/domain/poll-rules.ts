import type { LocalizedText, Poll, Vote } from './model';
import type { DecisionOutcome, Language } from './vocabulary';

/**
 * The rules of a focus-group poll: what a ballot may hold, how votes are counted, when a poll is
 * closed and what its outcome says. Pure functions: no I/O, no Teams, no clock of their own.
 */

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 10;

export type BallotProblem = 'closed' | 'no_option' | 'unknown_option' | 'single_choice';

export type BallotCheck = { ok: true; optionIds: string[] } | { ok: false; problem: BallotProblem; optionId?: string };

/** A poll counts as closed once it was closed or its closing time has passed. */
export function isPastClosing(poll: Pick<Poll, 'closesAt'>, now: Date): boolean {
  return poll.closesAt !== null && Date.parse(poll.closesAt) <= now.getTime();
}

export function isClosed(poll: Pick<Poll, 'status' | 'closesAt'>, now: Date): boolean {
  return poll.status === 'closed' || isPastClosing(poll, now);
}

/**
 * Checks a ballot against the poll: at least one option, only the poll's options, one option for a
 * single-choice poll. Duplicates are dropped; the result is in the poll's option order.
 */
export function checkBallot(poll: Pick<Poll, 'options' | 'multipleChoice' | 'status' | 'closesAt'>, optionIds: readonly string[], now: Date): BallotCheck {
  if (isClosed(poll, now)) return { ok: false, problem: 'closed' };
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

/**
 * Counts the ballots of one poll: one ballot per voter (the latest wins if a store ever returned two),
 * options the poll does not know are ignored.
 */
export function tallyOf(poll: Pick<Poll, 'options' | 'anonymous'> & { id: string }, votes: readonly Vote[]): Tally {
  const latest = new Map<string, Vote>();
  for (const v of votes) {
    if (v.pollId !== poll.id) continue;
    const seen = latest.get(v.voter.id);
    if (!seen || seen.at <= v.at) latest.set(v.voter.id, v);
  }
  const ballots = [...latest.values()].sort((a, b) => a.at.localeCompare(b.at));
  const options: OptionTally[] = poll.options.map((o) => ({ optionId: o.id, label: o.label, count: 0, voters: [] }));
  const byId = new Map(options.map((o) => [o.optionId, o]));
  let counted = 0;
  for (const ballot of ballots) {
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

/** The options with the most votes (none when nobody voted). */
export function winnersOf(tally: Tally): OptionTally[] {
  const max = Math.max(0, ...tally.options.map((o) => o.count));
  return max === 0 ? [] : tally.options.filter((o) => o.count === max);
}

/** Share of ballots as a whole percentage (0 when there are none). */
export function percentOf(count: number, ballots: number): number {
  return ballots === 0 ? 0 : Math.round((count / ballots) * 100);
}

export interface PollOutcome {
  outcome: Extract<DecisionOutcome, 'approved' | 'noted'>;
  winners: string[];
  text: Required<LocalizedText>;
}

const OUTCOME_WORDS: Record<Language, { poll: string; votes: (n: number) => string; won: string; tie: string; none: string; majority: string; result: string }> = {
  nl: {
    poll: 'Stemming in de focusgroep',
    votes: (n) => (n === 1 ? '1 stem' : `${n} stemmen`),
    won: 'Gekozen',
    tie: 'Gelijkspel tussen',
    none: 'Er werd niet gestemd.',
    majority: 'met absolute meerderheid',
    result: 'Uitslag',
  },
  fr: {
    poll: 'Sondage du groupe de travail',
    votes: (n) => (n === 1 ? '1 voix' : `${n} voix`),
    won: 'Choix retenu',
    tie: 'Égalité entre',
    none: "Personne n'a voté.",
    majority: 'à la majorité absolue',
    result: 'Résultat',
  },
  en: {
    poll: 'Focus group poll',
    votes: (n) => (n === 1 ? '1 vote' : `${n} votes`),
    won: 'Chosen',
    tie: 'Tie between',
    none: 'Nobody voted.',
    majority: 'by absolute majority',
    result: 'Result',
  },
};

function outcomeText(language: Language, poll: Pick<Poll, 'question'>, tally: Tally, winners: OptionTally[], majority: boolean): string {
  const w = OUTCOME_WORDS[language];
  const counts = tally.options.map((o) => `${o.label} ${o.count}`).join(', ');
  const head = `${w.poll}: “${poll.question}”`;
  if (winners.length === 0) return `${head}. ${w.none}`;
  const names = winners.map((o) => `“${o.label}”`).join(', ');
  const lead =
    winners.length === 1
      ? `${w.won}: ${names} (${w.votes(winners[0].count)} / ${tally.ballots}${majority ? `, ${w.majority}` : ''})`
      : `${w.tie} ${names} (${w.votes(winners[0].count)})`;
  return `${head}. ${lead}. ${w.result}: ${counts}.`;
}

/**
 * What a closed poll decided: "approved" when one option won with more than half of the ballots,
 * otherwise "noted" (a tie, a mere plurality, or no votes). The text names the winner(s) and the tally
 * in the register's three languages.
 */
export function outcomeOf(poll: Pick<Poll, 'question' | 'options' | 'anonymous'> & { id: string }, tally: Tally): PollOutcome {
  const winners = winnersOf(tally);
  const majority = winners.length === 1 && winners[0].count * 2 > tally.ballots;
  return {
    outcome: majority ? 'approved' : 'noted',
    winners: winners.map((o) => o.optionId),
    text: {
      nl: outcomeText('nl', poll, tally, winners, majority),
      fr: outcomeText('fr', poll, tally, winners, majority),
      en: outcomeText('en', poll, tally, winners, majority),
    },
  };
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
  reason: string;
}

/** Rules the schema cannot express: distinct labels, a closing time in the future. */
export function checkPollDraft(draft: { options: ReadonlyArray<{ label: string }>; closesAt: string | null }, now: Date): PollDraftProblem[] {
  const problems: PollDraftProblem[] = [];
  const seen = new Map<string, number>();
  draft.options.forEach((o, i) => {
    const key = o.label.trim().toLowerCase();
    if (seen.has(key)) problems.push({ field: `options.${i}.label`, code: 'repeats_option', params: { n: seen.get(key)! + 1 }, reason: `repeats option ${seen.get(key)! + 1}` });
    else seen.set(key, i);
  });
  if (draft.closesAt !== null) {
    const at = Date.parse(draft.closesAt);
    if (Number.isNaN(at)) problems.push({ field: 'closesAt', code: 'not_datetime', reason: 'is not a date and time' });
    else if (at <= now.getTime()) problems.push({ field: 'closesAt', code: 'must_be_future', reason: 'must be in the future' });
  }
  return problems;
}
