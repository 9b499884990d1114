import { brusselsDayOf } from '../../domain';
import type { Poll } from '../../domain';
import { outcomeOf, recordsDecision } from '../../domain';
import { closedPoll, isPastClosing, tallyOf } from '../../domain';
import type { Language } from '../../domain';
import { ConflictError, NotFoundError } from '../../store';
import type { RegisterStore, Stored } from '../../store';
import { upgradedPoll } from './drafts';
import type { CloseResult, PollPublisher } from './publisher';
import type { Clock, Register } from '../register-service';

/** What closing needs from the poll service: the publisher and the error sink are plugged in after start. */
export interface ClosingContext {
  store: RegisterStore;
  register: Register;
  clock: Clock;
  publisher(): PollPublisher | undefined;
  onError(message: string, error: unknown): void;
  /** the language of a poll stored before polls had one */
  defaultLanguage(): Language;
}

/**
 * Closes a poll once, whoever asks (its manager, the sweep past its closing time, a read of an overdue poll):
 * the status flips with the poll's eTag, so of two racing closers (or two servers) only one records the
 * outcome on the entry and announces it. The tally is read from the store, never from the read cache.
 */
export class PollClosing {
  private readonly running = new Map<string, Promise<CloseResult>>();

  constructor(private readonly ctx: ClosingContext) {}

  closeNow(poll: Stored<Poll>): Promise<CloseResult> {
    const running = this.running.get(poll.id);
    if (running) return running.then((r) => ({ ...r, closedNow: false }));
    const work = this.close(poll).finally(() => this.running.delete(poll.id));
    this.running.set(poll.id, work);
    return work;
  }

  private async close(poll: Stored<Poll>): Promise<CloseResult> {
    const { store, clock } = this.ctx;
    let current = poll;
    let closedNow = false;
    if (current.status !== 'closed') {
      const { id, etag, ...value } = current;
      const closedAt = value.closesAt && isPastClosing(value, clock.now()) ? new Date(value.closesAt) : clock.now();
      try {
        current = await store.polls.update(id, closedPoll(upgradedPoll(value, id, this.ctx.defaultLanguage()), closedAt), etag);
        closedNow = true;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        const fresh = await store.polls.get(id);
        if (!fresh) throw new NotFoundError('polls', id);
        if (fresh.status !== 'closed') return this.close(fresh);
        current = fresh;
      }
    }
    const votes = await store.votes.list({ field: 'pollId', equals: current.id }, { fresh: true });
    const tally = tallyOf(current, votes);
    const result: CloseResult = { poll: current, tally, outcome: outcomeOf(current, tally), closedNow };
    if (closedNow) {
      await this.recordOutcome(result);
      await this.ctx
        .publisher()
        ?.closed(result)
        .catch((error) => this.ctx.onError(`could not announce the results of poll ${current.id}`, error));
    }
    return result;
  }

  /** The outcome as a decision of the focus group on the linked entry, once (a retry finds it there). */
  private async recordOutcome({ poll, outcome }: CloseResult): Promise<void> {
    const { store, register, clock } = this.ctx;
    if (!poll.entryId || !recordsDecision(poll) || !(await store.entries.get(poll.entryId))) return;
    const entry = await register.entries.get(poll.entryId);
    if (entry.decisions.some((d) => d.pollId === poll.id)) return;
    await register.entries.recordDecision(
      poll.entryId,
      { body: 'focus_group', date: brusselsDayOf(poll.closedAt ?? clock.now().toISOString()), text: outcome.text, outcome: outcome.outcome, pollId: poll.id },
      poll.createdBy,
    );
  }
}
