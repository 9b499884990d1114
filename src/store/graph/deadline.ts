import { inSharedRead } from '../call-scope';
import { StoreUnavailableError } from '../errors';

/** The longest one call of a shared read may take when no other limit is set (no person's request owns it). */
export const SHARED_READ_CALL_MS = 30_000;
/** A call that had at least this long and got no answer: SharePoint itself was silent, not just the request's time short. */
const SILENT_MS = 5_000;

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
  const shared = inSharedRead();
  const deadline = shared ? undefined : budget.deadline?.();
  const backgroundMs = budget.backgroundCallMs ?? (shared ? SHARED_READ_CALL_MS : undefined);
  if (deadline === undefined && backgroundMs === undefined) return { ms: Infinity, interactive: false };
  const ms = deadline === undefined ? backgroundMs! : Math.max(0, deadline - now);
  return { signal: AbortSignal.timeout(ms), ms, interactive: deadline !== undefined };
}

/**
 * What the person (HTTP 503) or the log hears about a call that was cut, saying truthfully what ran out: SharePoint
 * left one call unanswered for `ms`, or the request's own time was used up over many calls and the last had little left.
 */
export function timedOut(ms: number, interactive: boolean): StoreUnavailableError {
  const seconds = Math.max(1, Math.round(ms / 1000));
  const retry = 'try again in a moment (a save sent again is checked against the stored version, nothing is applied twice)';
  if (!interactive) return new StoreUnavailableError(`SharePoint did not answer within ${seconds} s; the call was stopped`, 504, 'timeout');
  return new StoreUnavailableError(
    ms >= SILENT_MS
      ? `SharePoint did not answer within ${seconds} s, so the request was stopped rather than keep you waiting; ${retry}`
      : `This request used up its time waiting for SharePoint (its last call had ${(ms / 1000).toFixed(1)} s left), so it was stopped rather than keep you waiting; ${retry}`,
    504,
    'timeout',
  );
}

/** A caller's own time ran out while a read it shares with others was still running; the read goes on for them. */
export function waitTimedOut(what: string, ms: number): StoreUnavailableError {
  return new StoreUnavailableError(
    `${what} from SharePoint was still running when this request's time was up (${(ms / 1000).toFixed(1)} s of waiting); it goes on, and the next try is answered from it`,
    504,
    'timeout',
  );
}
