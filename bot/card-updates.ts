/**
 * Teams throttles updates of messages per conversation (the Bot Connector answers 429 beyond a few a second) and
 * every update of a poll card re-reads its ballots. Updates of one card asked for within this window of the last
 * one collapse into a single trailing update showing the latest state: a burst of a few hundred costs a handful.
 */
export const CARD_UPDATE_WINDOW_MS = 1_500;

/** Cards whose final update was written, remembered per process so that a late ordinary update is dropped. */
const MAX_FINAL_CARDS = 10_000;

/** Runs `run` after `ms` and gives back how to cancel it (tests pass a hand-driven one: no waiting on wall time). */
export interface UpdateTimer {
  after(ms: number, run: () => void): () => void;
}

export const realTimer: UpdateTimer = {
  after(ms, run) {
    const handle = setTimeout(run, ms);
    handle.unref();
    return () => clearTimeout(handle);
  },
};

type Write = () => Promise<void>;

const noop = () => undefined;

interface Slot {
  /** never rejects */
  inFlight?: Promise<void>;
  /** the latest update asked for while one was running or the window was open: it replaces any earlier one */
  pending?: Write;
  /** ends the window opened by the last write */
  cancel?: () => void;
}

export interface CardUpdatesOptions {
  /** where an update nobody waits for (a collapsed one) reports its failure */
  onError(message: string, error: unknown): void;
  timer?: UpdateTimer;
  windowMs?: number;
}

/**
 * Updates of shared cards, per card (its conversation and message): at most one in flight and at most one
 * pending after it, the latest winning; the first update of a quiet card is written at once. Each write renders
 * the card when it runs, so the last write shows the state as it was then. A final update (a closed poll) cancels
 * what is pending, waits for what is in flight and is the last thing written to that card by this process.
 */
export class CardUpdates {
  private readonly slots = new Map<string, Slot>();
  private readonly finals = new Set<string>();
  private readonly timer: UpdateTimer;
  private readonly windowMs: number;

  constructor(private readonly options: CardUpdatesOptions) {
    this.timer = options.timer ?? realTimer;
    this.windowMs = options.windowMs ?? CARD_UPDATE_WINDOW_MS;
  }

  /**
   * An update of the card: written now when the card is quiet (the promise tells how it went), else collapsed
   * into the pending one (the promise resolves at once; a failure goes to onError). Dropped once the card is final.
   */
  update(key: string, write: Write): Promise<void> {
    if (this.finals.has(key)) return Promise.resolve();
    const slot = this.slots.get(key);
    if (slot) {
      slot.pending = write;
      return Promise.resolve();
    }
    const fresh: Slot = {};
    this.slots.set(key, fresh);
    return this.run(key, fresh, write);
  }

  /** The card's last update: nothing pending is written after it, an update in flight finishes before it. */
  async final(key: string, write: Write): Promise<void> {
    this.finals.add(key);
    if (this.finals.size > MAX_FINAL_CARDS) this.finals.delete(this.finals.values().next().value!);
    const slot = this.slots.get(key);
    if (slot) {
      this.slots.delete(key);
      slot.cancel?.();
      slot.pending = undefined;
      await slot.inFlight;
    }
    await write();
  }

  private run(key: string, slot: Slot, write: Write): Promise<void> {
    const written = write();
    // in flight settles either way: a failure is the caller's (a first write) or onError's (a collapsed one)
    slot.inFlight = written.then(noop, noop).then(() => {
      slot.inFlight = undefined;
      if (this.slots.get(key) !== slot) return;
      slot.cancel = this.timer.after(this.windowMs, () => this.windowEnded(key, slot));
    });
    return written;
  }

  private windowEnded(key: string, slot: Slot): void {
    slot.cancel = undefined;
    if (this.slots.get(key) !== slot) return;
    const next = slot.pending;
    if (!next) {
      this.slots.delete(key);
      return;
    }
    slot.pending = undefined;
    this.run(key, slot, next).catch((error) => this.options.onError(`could not update the card ${key}`, error));
  }
}
