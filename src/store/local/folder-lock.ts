import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * One process at a time on a data folder. The lock is proper-lockfile's (an atomic mkdir of `<dir>/.lock`,
 * kept fresh by its holder and taken over once stale), chosen over an OS file lock because Node has no flock
 * and a native addon would have to be compiled on every machine; the price is that after a crash (kill -9) the
 * next start waits until the dead holder's lock is stale. Beside it, `lock-owner.json` names the holder, so a
 * second start says which process it collided with.
 */

export interface FolderLockOptions {
  /** A lock not refreshed for this long belongs to a dead process (proper-lockfile's minimum is 2 s). */
  staleMs?: number;
  /** Called if the lock was lost while held (e.g. the folder was removed): writes must stop. */
  onCompromised?: (error: Error) => void;
}

export const DEFAULT_LOCK_STALE_MS = 10_000;

interface Owner {
  pid: number;
  host: string;
  since: string;
  command: string;
}

/** Another process holds the data folder. */
export class FolderLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly owner: Owner | undefined,
  ) {
    super(
      `The data folder ${dir} is in use by another Synergy Register process` +
        (owner ? ` (pid ${owner.pid} on ${owner.host}, since ${owner.since}: ${owner.command})` : '') +
        '. Stop that process first, or give this one its own DATA_DIR.',
    );
    this.name = 'FolderLockedError';
  }
}

const ownerFile = (dir: string) => path.join(dir, 'lock-owner.json');

async function readOwner(dir: string): Promise<Owner | undefined> {
  try {
    return JSON.parse(await fs.readFile(ownerFile(dir), 'utf8')) as Owner;
  } catch {
    return undefined;
  }
}

/** A holder on this machine whose process is gone: its lock only needs to go stale. */
function isDeadLocalProcess(owner: Owner | undefined): boolean {
  if (!owner || owner.host !== os.hostname()) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Takes the folder's lock (creating the folder); resolves to the function that releases it. */
export async function lockFolder(dir: string, options: FolderLockOptions = {}): Promise<() => Promise<void>> {
  const staleMs = Math.max(2000, options.staleMs ?? DEFAULT_LOCK_STALE_MS);
  await fs.mkdir(dir, { recursive: true });
  const previous = await readOwner(dir);
  // Waiting only makes sense for a crashed holder; a live one is reported at once.
  const waitMs = isDeadLocalProcess(previous) ? staleMs + 2000 : 0;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, {
      lockfilePath: path.join(dir, '.lock'),
      realpath: false,
      stale: staleMs,
      update: Math.floor(staleMs / 4),
      retries: waitMs > 0 ? { retries: Math.ceil(waitMs / 250), factor: 1, minTimeout: 250, maxTimeout: 250 } : 0,
      onCompromised: (error) => options.onCompromised?.(error),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new FolderLockedError(dir, await readOwner(dir));
    throw error;
  }
  const owner: Owner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), command: process.argv.slice(1).join(' ').slice(0, 300) };
  await fs.writeFile(ownerFile(dir), JSON.stringify(owner));
  return async () => {
    await fs.rm(ownerFile(dir), { force: true });
    await release();
  };
}
