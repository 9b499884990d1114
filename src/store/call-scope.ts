import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A read several requests share (the read cache's one round trip for concurrent identical reads) belongs to none
 * of them: it runs without any one request's deadline, so the first caller's budget never cuts it short for the
 * others. Each caller waits for it within its own budget instead (see read-cache.ts).
 */
const shared = new AsyncLocalStorage<true>();

export function runShared<T>(read: () => Promise<T>): Promise<T> {
  return shared.run(true, read);
}

export function inSharedRead(): boolean {
  return shared.getStore() === true;
}
