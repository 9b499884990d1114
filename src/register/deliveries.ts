import type { Delivery } from '../domain';
import { ConflictError, DuplicateKeyError } from '../store';
import type { RegisterStore, Stored } from '../store';
import type { Clock } from './register-service';

export type DeliveryKind = Delivery['kind'];

/**
 * What became of one attempt: sent now; sent before (by this or another server); someone else holds
 * the lease (or a failed attempt waits for its retry time); failed now (retried later); given up.
 */
export type DeliveryOutcome = 'sent' | 'already_sent' | 'busy' | 'failed' | 'gave_up';

export interface DeliveryOptions {
  /** how long a sender may take before another server may take over (it crashed) */
  leaseMs?: number;
  /** wait after a failure before the next attempt */
  retryMs?: number;
  maxAttempts?: number;
  onFailure?: (key: string, error: unknown) => void;
}

/**
 * Sends each message at most once across restarts and server instances: a delivery record with a
 * unique key is created (or taken over with its eTag) as a lease before sending, and marked sent after.
 * Two servers racing for one key: the store's unique key or eTag lets exactly one of them send.
 * A crash between sending and marking is the only window for a repeat, and only after the lease expires.
 */
export class Deliveries {
  private readonly leaseMs: number;
  private readonly retryMs: number;
  private readonly maxAttempts: number;

  constructor(
    private readonly store: RegisterStore,
    private readonly clock: Clock,
    private readonly options: DeliveryOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 2 * 60_000;
    this.retryMs = options.retryMs ?? 15 * 60_000;
    this.maxAttempts = options.maxAttempts ?? 12;
  }

  /** Runs `send` unless the message with this key was sent, is being sent, or waits for a retry. */
  async once(key: string, kind: DeliveryKind, send: () => Promise<string | void>): Promise<DeliveryOutcome> {
    const claim = await this.claim(key, kind);
    if (typeof claim === 'string') return claim;
    let summary: string | void;
    try {
      summary = await send();
    } catch (error) {
      await this.settle(claim, {
        state: 'failed',
        lastError: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
        nextAttemptAt: new Date(this.clock.now().getTime() + this.retryMs).toISOString(),
        leaseUntil: null,
      });
      this.options.onFailure?.(key, error);
      return 'failed';
    }
    await this.settle(claim, {
      state: 'sent',
      sentAt: this.clock.now().toISOString(),
      leaseUntil: null,
      nextAttemptAt: null,
      ...(summary ? { summary: summary.slice(0, 2000) } : {}),
    });
    return 'sent';
  }

  /** The delivery record of a key (a fresh read: it decides). */
  async find(key: string): Promise<Stored<Delivery> | undefined> {
    const [found] = await this.store.deliveries.list({ field: 'key', equals: key }, { fresh: true });
    return found;
  }

  private async claim(key: string, kind: DeliveryKind): Promise<Stored<Delivery> | DeliveryOutcome> {
    const now = this.clock.now();
    const lease = { state: 'sending' as const, leaseUntil: new Date(now.getTime() + this.leaseMs).toISOString(), updatedAt: now.toISOString() };
    try {
      return await this.store.deliveries.create({ key, kind, attempts: 1, nextAttemptAt: null, sentAt: null, ...lease });
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
    const current = await this.find(key);
    if (!current) return 'busy';
    if (current.state === 'sent') return 'already_sent';
    if (current.state === 'sending' && current.leaseUntil && Date.parse(current.leaseUntil) > now.getTime()) return 'busy';
    if (current.state === 'failed' && current.nextAttemptAt && Date.parse(current.nextAttemptAt) > now.getTime()) return 'busy';
    if (current.attempts >= this.maxAttempts) return 'gave_up';
    const { id, etag, ...value } = current;
    try {
      return await this.store.deliveries.update(id, { ...value, ...lease, attempts: value.attempts + 1 }, etag);
    } catch (error) {
      if (error instanceof ConflictError) return 'busy';
      throw error;
    }
  }

  private async settle(claim: Stored<Delivery>, change: Partial<Delivery>): Promise<void> {
    const { id, etag, ...value } = claim;
    const next: Delivery = { ...value, ...change, updatedAt: this.clock.now().toISOString() };
    try {
      await this.store.deliveries.update(id, next, etag);
    } catch (error) {
      // Our lease ran out and another server took the record over: what we did still stands.
      if (!(error instanceof ConflictError)) throw error;
      await this.store.deliveries.update(id, next, '*');
    }
  }
}
