import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the current request knows about its caller. The Graph store reads the user's SSO token from here
 * to call Graph on behalf of that user; without one (bot, start-up, local mode) it uses the app's identity.
 */
export interface RequestContext {
  userAssertion?: string;
  /** when a person is waiting for the answer: the time (ms since epoch) by which it should be given */
  deadline?: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentUserAssertion(): string | undefined {
  return storage.getStore()?.userAssertion;
}

/** Runs `fn` with `more` added to the current request's context. */
export function withRequestContext<T>(more: RequestContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...more }, fn);
}

export function currentDeadline(): number | undefined {
  return storage.getStore()?.deadline;
}
