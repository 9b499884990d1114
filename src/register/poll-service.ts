import { z } from 'zod';
import * as model from '../domain/model';
import { ballotKeyOf, type PersonRef, type Poll, type Vote } from '../domain/model';
import {
  type BallotProblem,
  checkBallot,
  checkPollDraft,
  closedPoll,
  isPastClosing,
  MAX_OPTIONS,
  MIN_OPTIONS,
  optionsFromLabels,
  outcomeOf,
  type PollOutcome,
  type Tally,
  tallyOf,
} from '../domain/poll-rules';
import { ConflictError, DuplicateKeyError, NotFoundError } from '../store/errors';
import type { RegisterStore, Stored } from '../store/store';
import { ValidationError } from './errors';
import { type Clock, type Register, systemClock } from './register-service';

/** The caller may not do this (e.g. close someone else's poll). */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

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

/** Input to create a poll, from the bot or the API: options as labels (ids are given here). */
export const pollRequest = z
  .object({
    focusGroupId: z.string().min(1, 'is required').max(40),
    entryId: z.string().max(40).nullable().default(null),
    question: z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters'),
    options: z
      .array(z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'))
      .min(MIN_OPTIONS, `needs at least ${MIN_OPTIONS} options`)
      .max(MAX_OPTIONS, `allows at most ${MAX_OPTIONS} options`),
    multipleChoice: z.boolean().default(false),
    anonymous: z.boolean().default(false),
    closesAt: model.isoDateTime.nullable().default(null),
  })
  .strict();
export type PollRequest = z.input<typeof pollRequest>;

export interface Voter {
  id: string;
  name: string;
}

export interface VoteResult {
  poll: Stored<Poll>;
  vote: Stored<Vote>;
  tally: Tally;
  /** false when the same ballot was submitted again (a retry): nothing changed */
  changed: boolean;
}

export interface CloseResult {
  poll: Stored<Poll>;
  tally: Tally;
  outcome: PollOutcome;
  /** true only for the call that actually closed it (others found it closed already) */
  closedNow: boolean;
}

export interface PollServiceOptions {
  clock?: Clock;
  /** called once per poll, by whichever path closed it (creator, closing time, read after closing time) */
  onClosed?: (result: CloseResult) => void | Promise<void>;
}

function sameOptions(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Polls of the focus groups. Votes are one record per (poll, voter), written with upsertByKey on the
 * ballot key: no shared counter is ever read-modified-written, so concurrent voters never lose each
 * other's ballots, and a repeated submit is a no-op. Tallies are always computed from the votes.
 */
export class PollService {
  private readonly clock: Clock;
  private readonly closing = new Map<string, Promise<CloseResult>>();
  onClosed?: PollServiceOptions['onClosed'];

  constructor(
    private readonly store: RegisterStore,
    private readonly register: Register,
    options: PollServiceOptions = {},
  ) {
    this.clock = options.clock ?? register.clock ?? systemClock;
    this.onClosed = options.onClosed;
  }

  async create(input: unknown, by: PersonRef): Promise<Stored<Poll>> {
    const parsed = pollRequest.safeParse(input);
    if (!parsed.success) throw ValidationError.fromZod(parsed.error);
    const req = parsed.data;
    const now = this.clock.now();
    const options = optionsFromLabels(req.options);
    const problems = checkPollDraft({ options, closesAt: req.closesAt }, now);
    if (!(await this.store.focusGroups.get(req.focusGroupId))) {
      problems.push({ field: 'focusGroupId', reason: `focus group ${req.focusGroupId} does not exist` });
    }
    if (req.entryId && !(await this.store.entries.get(req.entryId))) {
      problems.push({ field: 'entryId', reason: `entry ${req.entryId} does not exist` });
    }
    if (problems.length) throw new ValidationError(problems);
    const poll = model.poll.parse({
      focusGroupId: req.focusGroupId,
      entryId: req.entryId,
      question: req.question,
      options,
      multipleChoice: req.multipleChoice,
      anonymous: req.anonymous,
      closesAt: req.closesAt,
      status: 'open',
      createdBy: { name: by.name, ...(by.id ? { id: by.id } : {}), ...(by.email ? { email: by.email } : {}) },
      createdAt: now.toISOString(),
      closedAt: null,
      message: null,
    });
    return this.store.polls.create(poll);
  }

  /** The poll; one whose closing time has passed is closed on the way (outcome recorded once). */
  async get(id: string): Promise<Stored<Poll>> {
    const poll = await this.store.polls.get(id);
    if (!poll) throw new NotFoundError('polls', id);
    if (poll.status === 'open' && isPastClosing(poll, this.clock.now())) return (await this.closeNow(poll)).poll;
    return poll;
  }

  async list(filter: { focusGroupId?: string; entryId?: string; status?: 'open' | 'closed' } = {}): Promise<Stored<Poll>[]> {
    const polls = filter.focusGroupId
      ? await this.store.polls.list({ field: 'focusGroupId', equals: filter.focusGroupId })
      : filter.entryId
        ? await this.store.polls.list({ field: 'entryId', equals: filter.entryId })
        : filter.status
          ? await this.store.polls.list({ field: 'status', equals: filter.status })
          : await this.store.polls.list();
    const now = this.clock.now();
    const out: Stored<Poll>[] = [];
    for (const p of polls) {
      if (filter.entryId && p.entryId !== filter.entryId) continue;
      const current = p.status === 'open' && isPastClosing(p, now) ? (await this.closeNow(p)).poll : p;
      if (filter.status && current.status !== filter.status) continue;
      out.push(current);
    }
    return out;
  }

  async votes(pollId: string): Promise<Stored<Vote>[]> {
    return this.store.votes.list({ field: 'pollId', equals: pollId });
  }

  async tally(pollOrId: string | Stored<Poll>): Promise<{ poll: Stored<Poll>; tally: Tally }> {
    const poll = typeof pollOrId === 'string' ? await this.get(pollOrId) : pollOrId;
    return { poll, tally: tallyOf(poll, await this.votes(poll.id)) };
  }

  /** The voter's current ballot, if any. */
  async ballotOf(pollId: string, voterId: string): Promise<Stored<Vote> | undefined> {
    const key = ballotKeyOf(pollId, voterId);
    const found = await this.store.votes.list({ field: 'ballotKey', equals: key });
    return found[0];
  }

  /**
   * Records the voter's ballot (creating or replacing it). Idempotent: the same ballot again changes
   * nothing; a different one replaces the previous one until the poll closes.
   */
  async vote(pollId: string, voter: Voter, optionIds: readonly string[]): Promise<VoteResult> {
    const poll = await this.get(pollId);
    const check = checkBallot(poll, optionIds, this.clock.now());
    if (!check.ok) throw new BallotRejectedError(check.problem, check.optionId);
    const key = ballotKeyOf(poll.id, voter.id);
    const previous = await this.ballotOf(poll.id, voter.id);
    let vote: Stored<Vote>;
    let changed = true;
    if (previous && sameOptions(previous.optionIds, check.optionIds) && previous.voter.name === voter.name) {
      vote = previous;
      changed = false;
    } else {
      const value: Vote = {
        pollId: poll.id,
        voter: { id: voter.id, name: voter.name.slice(0, 200) || voter.id },
        optionIds: check.optionIds,
        at: this.clock.now().toISOString(),
        ballotKey: key,
      };
      try {
        vote = await this.store.votes.upsertByKey(value);
      } catch (error) {
        // Two submits of one ballot racing to create it: the second becomes a replace.
        if (!(error instanceof DuplicateKeyError)) throw error;
        vote = await this.store.votes.upsertByKey(value);
      }
    }
    return { poll, vote, changed, tally: tallyOf(poll, await this.votes(poll.id)) };
  }

  /** Closes the poll for its creator (ForbiddenError for anyone else). Idempotent. */
  async close(pollId: string, by: { ids: readonly string[] }): Promise<CloseResult> {
    const poll = await this.store.polls.get(pollId);
    if (!poll) throw new NotFoundError('polls', pollId);
    if (!this.isCreator(poll, by.ids)) throw new ForbiddenError('Only the person who started the poll can close it');
    return this.closeNow(poll);
  }

  isCreator(poll: Poll, ids: readonly string[]): boolean {
    const creator = poll.createdBy.id;
    return Boolean(creator) && ids.some((id) => id && id === creator);
  }

  /** Closes every open poll whose closing time has passed; returns how many it closed. */
  async sweep(): Promise<number> {
    const open = await this.store.polls.list({ field: 'status', equals: 'open' });
    const now = this.clock.now();
    let closed = 0;
    for (const poll of open) {
      if (!isPastClosing(poll, now)) continue;
      const result = await this.closeNow(poll);
      if (result.closedNow) closed++;
    }
    return closed;
  }

  /** Remembers where the poll's card was posted, so it can be updated and answered. */
  async setMessage(pollId: string, message: NonNullable<Poll['message']>): Promise<Stored<Poll>> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.store.polls.get(pollId);
      if (!current) throw new NotFoundError('polls', pollId);
      const { id: _id, etag, ...value } = current;
      try {
        return await this.store.polls.update(pollId, { ...value, message }, etag);
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= 3) throw error;
      }
    }
  }

  /**
   * Closes once, whoever asks: the status flips with the poll's eTag, so of two racing closers only one
   * records the outcome on the entry (a decision by the focus group, in its history).
   */
  private closeNow(poll: Stored<Poll>): Promise<CloseResult> {
    const running = this.closing.get(poll.id);
    if (running) return running.then((r) => ({ ...r, closedNow: false }));
    const work = this.doClose(poll).finally(() => this.closing.delete(poll.id));
    this.closing.set(poll.id, work);
    return work;
  }

  private async doClose(poll: Stored<Poll>): Promise<CloseResult> {
    let current = poll;
    let closedNow = false;
    if (current.status !== 'closed') {
      const { id, etag, ...value } = current;
      const closedAt = value.closesAt && isPastClosing(value, this.clock.now()) ? new Date(value.closesAt) : this.clock.now();
      try {
        current = await this.store.polls.update(id, closedPoll(value, closedAt), etag);
        closedNow = true;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        const fresh = await this.store.polls.get(id);
        if (!fresh) throw new NotFoundError('polls', id);
        if (fresh.status !== 'closed') return this.doClose(fresh);
        current = fresh;
      }
    }
    const tally = tallyOf(current, await this.votes(current.id));
    const outcome = outcomeOf(current, tally);
    const result: CloseResult = { poll: current, tally, outcome, closedNow };
    if (closedNow) {
      if (current.entryId && (await this.store.entries.get(current.entryId))) {
        await this.register.entries.recordDecision(
          current.entryId,
          {
            body: 'focus_group',
            date: (current.closedAt ?? this.clock.now().toISOString()).slice(0, 10),
            text: outcome.text,
            outcome: outcome.outcome,
            pollId: current.id,
          },
          current.createdBy,
        );
      }
      await this.onClosed?.(result);
    }
    return result;
  }
}
