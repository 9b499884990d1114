import { ConflictError, NotFoundError } from '../store';
import type { Collection, Stored } from '../store';

/**
 * The register's only ways to change a stored record: every write names the version it was computed from, so
 * a concurrent writer's change is never overwritten unseen.
 *
 * - With the caller's `ifMatch` (the eTag a person read), a stale version is a ConflictError for that person
 *   to resolve (HTTP 409 with the current version).
 * - Without one (a decision appended, a ballot, a status the service sets), the change is re-applied to the
 *   freshly read version until it lands: each writer's change survives, none is lost.
 */
export interface ConditionalWriteOptions {
  /** the version the caller's change was made on; `*` means "whatever is stored" */
  ifMatch?: string;
  /** rounds of read-modify-write before giving up (each round at least one racing writer wins) */
  attempts?: number;
}

export interface WriteResult<T> {
  before: Stored<T>;
  saved: Stored<T>;
  /** false when the change function found nothing to change (nothing was written) */
  changed: boolean;
}

export const DEFAULT_ATTEMPTS = 30;

const pause = (attempt: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 * attempt)));

function staleFor(ifMatch: string | undefined, current: Stored<unknown>): boolean {
  return ifMatch !== undefined && ifMatch !== '*' && ifMatch !== current.etag;
}

async function readCurrent<T>(collection: Collection<T>, name: string, id: string): Promise<Stored<T>> {
  const current = await collection.get(id);
  if (!current) throw new NotFoundError(name, id);
  return current;
}

/** Runs one read-and-write round until it lands; a conflict is retried only when the caller named no version. */
async function untilItLands<R>(options: ConditionalWriteOptions, round: () => Promise<R>): Promise<R> {
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  const callersVersion = options.ifMatch !== undefined && options.ifMatch !== '*';
  for (let attempt = 1; ; attempt++) {
    try {
      return await round();
    } catch (error) {
      if (!(error instanceof ConflictError) || callersVersion || attempt >= attempts) throw error;
      await pause(attempt);
    }
  }
}

/**
 * Reads the record, computes the next value from it (`undefined`: nothing to change) and writes it on the
 * condition that the stored version is still the one read; on a conflict, starts over from the new version
 * unless the caller named a version of their own.
 */
export function readModifyWrite<T>(
  collection: Collection<T>,
  name: string,
  id: string,
  change: (current: Stored<T>) => T | undefined | Promise<T | undefined>,
  options: ConditionalWriteOptions = {},
): Promise<WriteResult<T>> {
  return untilItLands(options, async () => {
    const current = await readCurrent(collection, name, id);
    if (staleFor(options.ifMatch, current)) throw new ConflictError(name, id, current);
    const next = await change(current);
    if (next === undefined) return { before: current, saved: current, changed: false };
    return { before: current, saved: await collection.update(id, next, current.etag), changed: true };
  });
}

/** Removes the record if it is still the version read (or the caller's `ifMatch`); resolves to what was removed. */
export function removeConditionally<T>(collection: Collection<T>, name: string, id: string, options: ConditionalWriteOptions = {}): Promise<Stored<T>> {
  return untilItLands(options, async () => {
    const current = await readCurrent(collection, name, id);
    if (staleFor(options.ifMatch, current)) throw new ConflictError(name, id, current);
    await collection.remove(id, current.etag);
    return current;
  });
}
