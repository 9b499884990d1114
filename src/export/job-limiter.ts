/**
 * Heavy jobs (workbook and annex exports) are few at a time: each person may run `perUser` at once, and the
 * server `total` at once with at most `queued` more waiting their turn. Anything beyond is refused at once with
 * a retry hint, so a burst of exports can never take every core or all the memory from the others.
 */
export interface JobLimits {
  perUser: number;
  total: number;
  queued: number;
}

export const DEFAULT_JOB_LIMITS: JobLimits = { perUser: 1, total: 2, queued: 4 };

/** Why a job was not started: `user` (this person already runs their share) or `server` (the queue is full). */
export class TooManyJobsError extends Error {
  constructor(
    readonly reason: 'user' | 'server',
    readonly retryAfterSeconds: number,
  ) {
    super(reason === 'user' ? 'this person already runs as many exports as allowed' : 'the server runs as many exports as it may, and its queue is full');
    this.name = 'TooManyJobsError';
  }
}

export class JobLimiter {
  private readonly perUser = new Map<string, number>();
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limits: JobLimits = DEFAULT_JOB_LIMITS) {}

  async run<T>(user: string, job: () => Promise<T>): Promise<T> {
    const mine = this.perUser.get(user) ?? 0;
    if (mine >= this.limits.perUser) throw new TooManyJobsError('user', 10);
    if (this.running >= this.limits.total && this.waiting.length >= this.limits.queued) throw new TooManyJobsError('server', 30);
    this.perUser.set(user, mine + 1);
    try {
      if (this.running >= this.limits.total) await new Promise<void>((resolve) => this.waiting.push(resolve));
      this.running++;
      try {
        return await job();
      } finally {
        this.running--;
        this.waiting.shift()?.();
      }
    } finally {
      const left = (this.perUser.get(user) ?? 1) - 1;
      if (left > 0) this.perUser.set(user, left);
      else this.perUser.delete(user);
    }
  }
}
