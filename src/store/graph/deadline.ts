import { StoreUnavailableError } from '../errors';

export interface CallBudget {
  /** when a person waits for the answer: the time (ms since epoch) by which it is due (the server passes its request's) */
  deadline?: () => number | undefined;
  /** the longest one call may take when no person waits; none by default */
  backgroundCallMs?: number;
}

/**
 * The abort signal for one Graph call, retries included: while a person waits (the request's deadline), the
 * time left of their budget; otherwise `backgroundCallMs` when given. Without either (start-up, the bot's background
 * work) no limit is added: a throttled background call may wait for Retry-After as long as Graph asks, and
 * fetch's own header and body timeouts (300 s each) still end an attempt SharePoint never answers.
 */
export function callSignal(budget: CallBudget, now = Date.now()): { signal?: AbortSignal; ms: number; interactive: boolean } {
  const deadline = budget.deadline?.();
  const backgroundMs = budget.backgroundCallMs;
  if (deadline === undefined && backgroundMs === undefined) return { ms: Infinity, interactive: false };
  const ms = deadline === undefined ? backgroundMs! : Math.max(0, deadline - now);
  return { signal: AbortSignal.timeout(ms), ms, interactive: deadline !== undefined };
}

/** What the person (HTTP 503) or the log hears about a call that was cut. */
export function timedOut(ms: number, interactive: boolean): StoreUnavailableError {
  const seconds = Math.max(1, Math.round(ms / 1000));
  return new StoreUnavailableError(
    interactive
      ? `SharePoint did not answer within ${seconds} s, so the request was stopped rather than keep you waiting; try again in a moment (a save sent again is checked against the stored version, nothing is applied twice)`
      : `SharePoint did not answer within ${seconds} s; the call was stopped`,
    504,
    'timeout',
  );
}
