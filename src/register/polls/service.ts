import { randomUUID } from 'node:crypto';
import * as model from '../../domain';
import { ballotKeyOf, type Poll, type RosterMember, type Vote } from '../../domain';
import { isDueToOpen, isPastClosing, nonVoters, type Tally, tallyOf } from '../../domain';
import type { Language } from '../../domain';
import { ConflictError, DuplicateKeyError, NotFoundError } from '../../store';
import type { RegisterStore, Stored } from '../../store';
import { readModifyWrite } from '../conditional-write';
import { Deliveries } from '../deliveries';
import { fieldIssue, ValidationError } from '../errors';
import { castBallot } from './ballot';
import { PollClosing } from './closing';
import { type Creator, duplicateRequestOf, PollDrafts, upgradedPoll } from './drafts';
import { type ActorRef, actorOf, PollManagers } from './managers';
import { type ParsedPollRequest, MAX_REQUEST_KEY } from './request';
import type { CloseResult, PollMessage, PollPublisher } from './publisher';
import { type PollView, viewOf } from './view';
import type { CreateOptions, CreateResult, Voter, VoteResult } from './types';
import type { Clock, Register } from '../register-service';
import type { PortSlots } from '../ports';

export type { CloseResult } from './publisher';
export * from './types';
export { MAX_REQUEST_KEY } from './request';
export type { Creator } from './drafts';
export type { ActorRef } from './managers';

export interface PollServiceOptions {
  clock: Clock;
  deliveries: Deliveries;
  /** language of a poll whose request names none (default 'nl') */
  defaultLanguage?: Language;
  /** the adapters that post cards and hear of failures nobody waits for (a card that could not be posted) */
  ports: PortSlots;
}

/** The delivery record of a poll's first post. */
export function publishKeyOf(pollId: string): string {
  return `poll:${pollId}:publish`;
}

/**
 * Polls of the focus groups, for every surface. Votes are one record per (poll, voter), written with
 * upsertByKey on the ballot key: no shared counter is read-modified-written, so concurrent voters never
 * lose each other's ballots and a repeated submit is a no-op. Tallies are always computed from the votes.
 * Cards reach Teams through the PollPublisher port the bot plugs in.
 */
export class PollService {
  readonly clock: Clock;
  defaultLanguage: Language;
  private readonly ports: PortSlots;
  private readonly closing: PollClosing;
  readonly deliveries: Deliveries;
  private readonly drafts: PollDrafts;
  private readonly managers: PollManagers;

  constructor(
    private readonly store: RegisterStore,
    private readonly register: Register,
    options: PollServiceOptions,
  ) {
    this.clock = options.clock;
    this.deliveries = options.deliveries;
    this.defaultLanguage = options.defaultLanguage ?? 'nl';
    this.ports = options.ports;
    this.drafts = new PollDrafts(store, this.clock);
    this.managers = new PollManagers(store);
    this.closing = new PollClosing({
      store,
      register,
      clock: this.clock,
      publisher: () => this.publisher,
      onError: (message, error) => this.ports.onError(message, error),
      defaultLanguage: () => this.defaultLanguage,
    });
  }

  /** Where the poll cards are posted (the bot, when it runs on this server). */
  get publisher(): PollPublisher | undefined {
    return this.ports.publisher;
  }

  /** Creates a poll (see createOnce); the poll itself, whether new or found by its request key. */
  async create(input: unknown, by: Creator, options: CreateOptions = {}): Promise<Stored<Poll>> {
    return (await this.createOnce(input, by, options)).poll;
  }

  /**
   * Creates a poll once per request key (the store's unique requestKey column arbitrates, so a repeat
   * after a restart gets the first poll with `created: false`) and publishes it when it is open.
   */
  async createOnce(input: unknown, by: Creator, options: CreateOptions = {}): Promise<CreateResult> {
    const explicitKey = options.requestKey !== undefined;
    const requestKey = explicitKey ? options.requestKey! : randomUUID();
    if (!requestKey.trim() || requestKey.length > MAX_REQUEST_KEY) {
      throw new ValidationError([fieldIssue('requestKey', 'key_length', { max: MAX_REQUEST_KEY })]);
    }
    let draft: { poll: Poll; rosterSkipped: string[] };
    try {
      draft = await this.drafts.build(input, by, requestKey, this.defaultLanguage, this.publisher);
    } catch (error) {
      // A retry whose request no longer validates (its closing time passed meanwhile) still gets the first poll.
      if (!(error instanceof ValidationError) || !explicitKey) throw error;
      const existing = await this.findByRequestKey(requestKey);
      if (existing) return { poll: existing, created: false, rosterSkipped: [] };
      throw error;
    }
    const { poll: created, isNew } = await this.insert(draft.poll, requestKey);
    const poll = options.publish === false ? created : await this.publishIfDue(created);
    return { poll, created: isNew, rosterSkipped: isNew ? draft.rosterSkipped : [] };
  }

  /** A new poll with an earlier one's question, options and settings (and its roster), open from now. */
  async duplicate(pollId: string, changes: Partial<ParsedPollRequest>, by: Creator, options: CreateOptions = {}): Promise<CreateResult> {
    const source = await this.get(pollId);
    const input = duplicateRequestOf(source, changes);
    const result = await this.createOnce(input, by, options);
    if (!result.created || result.poll.copiedFrom) return result;
    return { ...result, poll: await this.patch(result.poll.id, () => ({ copiedFrom: source.id })) };
  }

  private async insert(poll: Poll, requestKey: string): Promise<{ poll: Stored<Poll>; isNew: boolean }> {
    for (let attempt = 1; ; attempt++) {
      try {
        return { poll: await this.store.polls.create(poll), isNew: true };
      } catch (error) {
        if (!(error instanceof DuplicateKeyError)) throw error;
        const existing = await this.findByRequestKey(requestKey);
        if (existing) return { poll: existing, isNew: false };
        if (attempt >= 3) throw error;
      }
    }
  }

  /** The poll created for this request key, if any (brought up to date on the way). */
  async findByRequestKey(requestKey: string): Promise<Stored<Poll> | undefined> {
    const [found] = await this.store.polls.list({ field: 'requestKey', equals: requestKey }, { fresh: true });
    return found ? this.current(found) : undefined;
  }

  /** The poll, brought up to date: opened when its opening time came, closed past its closing time. */
  async get(id: string): Promise<Stored<Poll>> {
    const poll = await this.store.polls.get(id);
    if (!poll) throw new NotFoundError('polls', id);
    return this.current(poll);
  }

  private async current(poll: Stored<Poll>): Promise<Stored<Poll>> {
    const now = this.clock.now();
    if (poll.status !== 'closed' && isPastClosing(poll, now)) return (await this.closeNow(poll)).poll;
    if (isDueToOpen(poll, now)) return (await this.openDue(poll)).poll;
    return poll;
  }

  async list(filter: { focusGroupId?: string; entryId?: string; status?: Poll['status'] } = {}): Promise<Stored<Poll>[]> {
    const polls = filter.focusGroupId
      ? await this.store.polls.list({ field: 'focusGroupId', equals: filter.focusGroupId })
      : filter.entryId
        ? await this.store.polls.list({ field: 'entryId', equals: filter.entryId })
        : await this.store.polls.list();
    const out: Stored<Poll>[] = [];
    for (const p of polls) {
      if (filter.entryId && p.entryId !== filter.entryId) continue;
      const current = await this.current(p);
      if (filter.status && current.status !== filter.status) continue;
      out.push(current);
    }
    return out;
  }

  /** Polls not closed yet, as stored (the timetable decides what to do with each). */
  async pending(): Promise<Stored<Poll>[]> {
    const [open, scheduled] = await Promise.all([
      this.store.polls.list({ field: 'status', equals: 'open' }),
      this.store.polls.list({ field: 'status', equals: 'scheduled' }),
    ]);
    return [...open, ...scheduled];
  }

  /** The ballots; `fresh` bypasses the read cache, for reads that decide (the tally at closing, who has not voted). */
  async votes(pollId: string, options: { fresh?: boolean } = {}): Promise<Stored<Vote>[]> {
    return this.store.votes.list({ field: 'pollId', equals: pollId }, options);
  }

  async tally(pollOrId: string | Stored<Poll>): Promise<{ poll: Stored<Poll>; tally: Tally }> {
    const poll = typeof pollOrId === 'string' ? await this.get(pollOrId) : pollOrId;
    return { poll, tally: tallyOf(poll, await this.votes(poll.id)) };
  }

  /** The voter's current ballot, if any, from the store itself (it decides whether a vote changes anything). */
  async ballotOf(pollId: string, voterId: string): Promise<Stored<Vote> | undefined> {
    const [found] = await this.store.votes.list({ field: 'ballotKey', equals: ballotKeyOf(pollId, voterId) }, { fresh: true });
    return found;
  }

  /**
   * The poll as this person may see it (sealed counts hidden, their own ballot, management rights); `fresh`
   * right after closing, so that the answer shows the ballots the outcome was computed from.
   */
  async view(pollOrId: string | Stored<Poll>, viewer: ActorRef, options: { fresh?: boolean } = {}): Promise<PollView> {
    const poll = typeof pollOrId === 'string' ? await this.get(pollOrId) : await this.current(pollOrId);
    const [votes, canManage] = await Promise.all([this.votes(poll.id, options), this.mayManage(poll, viewer, { cached: true })]);
    return viewOf(poll, votes, { id: actorOf(viewer).id, canManage }, this.clock.now());
  }

  /**
   * Creator, chairs (the focus group's contact persons), secretaries and admins manage a poll. `cached`: only to
   * show or hide buttons (their use is checked again, fresh, by requireManager).
   */
  mayManage(poll: Poll, actor: ActorRef, options: { cached?: boolean } = {}): Promise<boolean> {
    return this.managers.may(poll, actor, options);
  }

  requireManager(poll: Poll, actor: ActorRef, what: string): Promise<void> {
    return this.managers.require(poll, actor, what);
  }

  /**
   * Records the voter's ballot (see castBallot): one request for the poll as it stands (a ballot is only accepted
   * while it is open) and one to write the ballot.
   */
  async vote(pollOrId: string | Stored<Poll>, voter: Voter, optionIds: readonly string[]): Promise<VoteResult> {
    const poll = typeof pollOrId === 'string' ? await this.get(pollOrId) : await this.current(pollOrId);
    return castBallot({ store: this.store, clock: this.clock, votes: (id) => this.votes(id) }, poll, voter, optionIds);
  }

  /** Closes the poll for one of its managers (ForbiddenError for anyone else). Idempotent. */
  async close(pollId: string, by: ActorRef): Promise<CloseResult> {
    const poll = await this.store.polls.get(pollId);
    if (!poll) throw new NotFoundError('polls', pollId);
    await this.requireManager(poll, by, 'close it');
    return this.closeNow(poll);
  }

  /** Who on the roster has not voted, for the poll's managers (never anyone's choice). */
  async nonVoters(pollId: string, by: ActorRef): Promise<{ poll: Stored<Poll>; members: RosterMember[] }> {
    const poll = await this.get(pollId);
    await this.requireManager(poll, by, 'see who has not voted');
    return { poll, members: nonVoters(poll, await this.votes(poll.id, { fresh: true })) };
  }

  /** Remembers where the poll's card was posted, so it can be updated and answered. */
  async setMessage(pollId: string, message: PollMessage): Promise<Stored<Poll>> {
    return this.patch(pollId, () => ({ message }));
  }

  /** Read-modify-write of a poll with its eTag, re-applied when someone wrote in between. */
  private async patch(pollId: string, change: (current: Stored<Poll>) => Partial<Poll>): Promise<Stored<Poll>> {
    const { saved } = await readModifyWrite(this.store.polls, 'polls', pollId, (current) => {
      const { id, etag: _etag, ...value } = current;
      return model.poll.parse({ ...this.upgraded(value, id), ...change(current) });
    });
    return saved;
  }

  private upgraded(value: Poll, id: string): Poll {
    return upgradedPoll(value, id, this.defaultLanguage);
  }

  /** A scheduled poll whose time has come: the status flips with its eTag (one server wins), then it is published. */
  async openDue(poll: Stored<Poll>): Promise<{ poll: Stored<Poll>; openedNow: boolean }> {
    const { id, etag, ...value } = poll;
    let opened: Stored<Poll>;
    try {
      opened = await this.store.polls.update(id, { ...this.upgraded(value, id), status: 'open' }, etag);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return { poll: await this.get(id), openedNow: false };
    }
    return { poll: await this.publishIfDue(opened), openedNow: true };
  }

  /** Posts an open poll's card once (a delivery record arbitrates between servers and retries). */
  async publishIfDue(poll: Stored<Poll>): Promise<Stored<Poll>> {
    const publisher = this.publisher;
    if (!publisher || poll.status !== 'open' || poll.message) return poll;
    let posted = poll;
    await this.deliveries.once(publishKeyOf(poll.id), 'poll_publish', async () => {
      const message = await publisher.publish(poll);
      if (!message) return 'no channel known for its focus group';
      posted = await this.setMessage(poll.id, message);
      return `posted in ${message.conversationId}`;
    });
    return posted;
  }

  /** Closes once, whoever asks (see PollClosing). */
  closeNow(poll: Stored<Poll>): Promise<CloseResult> {
    return this.closing.closeNow(poll);
  }
}
