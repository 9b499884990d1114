import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the current request knows about its caller. The Graph store reads the user's SSO token from here
 * to call Graph on behalf of that user; without one (bot, start-up, local mode) it uses the app's identity.
 */
export interface RequestContext {
  userAssertion?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentUserAssertion(): string | undefined {
  return storage.getStore()?.userAssertion;
}
