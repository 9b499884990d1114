import type { DigestRun } from './digest-service';
import type { Register } from './register-service';

export interface TimetableTick {
  polls: { opened: number; closed: number; reminded: number; posted: number };
  digests: DigestRun;
}

/**
 * Runs the register's clockwork every so often: polls opening, closing and reminding on time, and the
 * weekly digests. Ticks never overlap; every step is safe to run on several servers at once (eTags and
 * delivery records decide who acts).
 */
export class Timetable {
  private timer?: NodeJS.Timeout;
  private running?: Promise<TimetableTick | undefined>;

  constructor(
    private readonly register: Register,
    private readonly onError: (message: string, error: unknown) => void,
  ) {}

  start(everyMs: number): void {
    this.stop();
    this.timer = setInterval(() => void this.tick(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One pass (a pass already under way is awaited instead of starting a second one). */
  tick(): Promise<TimetableTick | undefined> {
    if (this.running) return this.running;
    this.running = this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Waits for a pass under way (when stopping). */
  async settle(): Promise<void> {
    await this.running;
  }

  private async pass(): Promise<TimetableTick | undefined> {
    try {
      const polls = await this.register.pollSchedule.sweep();
      const digests = await this.register.digests.run();
      return { polls, digests };
    } catch (error) {
      this.onError('the timetable (polls opening, closing, reminders; digests) failed; it runs again shortly', error);
      return undefined;
    }
  }
}
