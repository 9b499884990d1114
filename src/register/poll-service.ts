import { randomUUID } from 'node:crypto';
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
import { LANGUAGES, type Language } from '../domain/vocabulary';
import { ConflictError, DuplicateKeyError, NotFoundError } from '../store/errors';
import type { RegisterStore, Stored } from '../store/store';
import { fieldIssue, ValidationError } from './errors';
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
    /** language of the shared card and the outcome text; the service's default language when absent */
    language: z.enum(LANGUAGES as unknown as ['nl', 'fr', 'en']).optional(),
  })
  .strict();
export type PollRequest = z.input<typeof pollRequest>;

/** The longest request key a poll can hold (the model's limit). */
export const MAX_REQUEST_KEY = 300;

export interface CreateOptions {
  /**
   * What asked for this poll (a bot activity, an API Idempotency-Key): a second create with the same
   * key — a retry, even after a restart — returns the first poll instead of making another one.
   * A fresh random key when absent.
   */
  requestKey?: string;
}

export interface CreateResult {
  poll: Stored<Poll>;
  /** false when a poll with the same request key existed already (nothing was created) */
  created: boolean;
}

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
  /** language of a poll whose request names none (default 'nl') */
  defaultLanguage?: Language;
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
  private readonly defaultLanguage: Language;
  private readonly closing = new Map<string, Promise<CloseResult>>();
  onClosed?: PollServiceOptions['onClosed'];

  constructor(
    private readonly store: RegisterStore,
    private readonly register: Register,
    options: PollServiceOptions = {},
  ) {
    this.clock = options.clock ?? register.clock ?? systemClock;
    this.onClosed = options.onClosed;
    this.defaultLanguage = options.defaultLanguage ?? 'nl';
  }

  /** Creates a poll (see createOnce); the poll itself, whether new or found by its request key. */
  async create(input: unknown, by: PersonRef, options: CreateOptions = {}): Promise<Stored<Poll>> {
    return (await this.createOnce(input, by, options)).poll;
  }

  /**
   * Creates a poll once per request key: the store's unique requestKey column arbitrates, so a
   * repeated request (Teams re-sends after 15 s, a client retries, the server restarted in between)
   * gets the poll the first one created, with `created: false`.
   */
  async createOnce(input: unknown, by: PersonRef, options: CreateOptions = {}): Promise<CreateResult> {
    const explicitKey = options.requestKey !== undefined;
    const requestKey = explicitKey ? options.requestKey! : randomUUID();
    if (!requestKey.trim() || requestKey.length > MAX_REQUEST_KEY) {
      throw new ValidationError([fieldIssue('requestKey', 'key_length', { max: MAX_REQUEST_KEY })]);
    }
    let poll: Poll;
    try {
      poll = await this.draft(input, by, requestKey);
    } catch (error) {
      // A retry whose request no longer validates (e.g. its closing time has passed meanwhile) still
      // gets the poll the first request created.
      if (!(error instanceof ValidationError) || !explicitKey) throw error;
      const existing = await this.findByRequestKey(requestKey);
      if (existing) return { poll: existing, created: false };
      throw error;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return { poll: await this.store.polls.create(poll), created: true };
      } catch (error) {
        if (!(error instanceof DuplicateKeyError)) throw error;
        const existing = await this.findByRequestKey(requestKey);
        if (existing) return { poll: existing, created: false };
        // The holder was removed since: the create is worth another try.
        if (attempt >= 3) throw error;
      }
    }
  }

  /** The poll created for this request key, if any (closed on the way when past its closing time). */
  async findByRequestKey(requestKey: string): Promise<Stored<Poll> | undefined> {
    const [found] = await this.store.polls.list({ field: 'requestKey', equals: requestKey });
    if (!found) return undefined;
    if (found.status === 'open' && isPastClosing(found, this.clock.now())) return (await this.closeNow(found)).poll;
    return found;
  }

  private async draft(input: unknown, by: PersonRef, requestKey: string): Promise<Poll> {
    const parsed = pollRequest.safeParse(input);
    if (!parsed.success) throw ValidationError.fromZod(parsed.error);
    const req = parsed.data;
    const now = this.clock.now();
    const options = optionsFromLabels(req.options);
    const problems = checkPollDraft({ options, closesAt: req.closesAt }, now);
    if (!(await this.store.focusGroups.get(req.focusGroupId))) {
      problems.push(fieldIssue('focusGroupId', 'focus_group_missing', { id: req.focusGroupId }));
    }
    if (req.entryId && !(await this.store.entries.get(req.entryId))) {
      problems.push(fieldIssue('entryId', 'entry_missing', { id: req.entryId }));
    }
    if (problems.length) throw new ValidationError(problems);
    return model.poll.parse({
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
      language: req.language ?? this.defaultLanguage,
      requestKey,
    });
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

  /** The poll's ballots; `fresh` bypasses the read cache, for a read that decides (the outcome at closing). */
  async votes(pollId: string, options: { fresh?: boolean } = {}): Promise<Stored<Vote>[]> {
    return this.store.votes.list({ field: 'pollId', equals: pollId }, options);
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
        return await this.store.polls.update(pollId, { ...this.upgraded(value, pollId), message }, etag);
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= 3) throw error;
      }
    }
  }

  /**
   * A poll stored before polls had a language and a request key gets them when it is next written:
   * the default language, and a key of its own (the unique column must not see two empty keys).
   */
  private upgraded(value: Poll, id: string): Poll {
    const stored = value as Partial<Pick<Poll, 'language' | 'requestKey'>>;
    if (stored.language && stored.requestKey) return value;
    return { ...value, language: stored.language ?? this.defaultLanguage, requestKey: stored.requestKey || `poll:${id}` };
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
        current = await this.store.polls.update(id, closedPoll(this.upgraded(value, id), closedAt), etag);
        closedNow = true;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        const fresh = await this.store.polls.get(id);
        if (!fresh) throw new NotFoundError('polls', id);
        if (fresh.status !== 'closed') return this.doClose(fresh);
        current = fresh;
      }
    }
    // Another instance's ballots may be newer than this one's read cache: the outcome counts what is stored.
    const tally = tallyOf(current, await this.votes(current.id, { fresh: true }));
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
