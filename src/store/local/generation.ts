import { promises as fs } from 'node:fs';
import path from 'node:path';
import { StoreUnavailableError } from '../errors';

/**
 * Fencing for the data folder's lock. A lock alone cannot stop a holder that was frozen (SIGSTOP, a paused VM)
 * or whose `.lock` was deleted: when it resumes it still believes it holds the folder. So every holder takes a
 * new generation number, durably, before reading anything, and writes only files named after it
 * (`snapshot-<g>.json`, `journal-<g>.jsonl`). A write is acknowledged only after the holder read the folder's
 * generation back unchanged, and a start reads only the files of the newest snapshot's generation and later:
 * a holder that lost the folder can never append to, truncate or replace what its successor reads.
 */

/** This process no longer holds the data folder: nothing more is written or acknowledged (HTTP 503). */
export class LockLostError extends StoreUnavailableError {
  constructor(
    readonly dir: string,
    reason: string,
  ) {
    super(
      `This server no longer holds its data folder ${dir} (${reason}); nothing more was saved. Restart it once the other process has stopped.`,
      503,
      'lock_lost',
    );
    this.name = 'LockLostError';
  }
  override messageKey() {
    return 'store_lock_lost';
  }
  override params() {
    return { detail: this.message, dir: this.dir };
  }
}

const GENERATION_FILE = 'generation';
const SNAPSHOT = /^snapshot-(\d{1,15})\.json$/;
const JOURNAL = /^journal-(\d{1,15})\.jsonl$/;
/** What releases before fencing wrote: read as generation 0, removed once a newer snapshot holds them. */
export const LEGACY_SNAPSHOT = 'snapshot.json';
export const LEGACY_JOURNAL = 'journal.jsonl';

export const snapshotFile = (dir: string, generation: number) => path.join(dir, `snapshot-${generation}.json`);
export const journalFile = (dir: string, generation: number) => path.join(dir, `journal-${generation}.jsonl`);

export interface FolderFiles {
  /** the newest snapshot's generation (0: none, or the legacy one) */
  snapshot: number;
  /** generations of the journals to replay over it, ascending (0: the legacy journal) */
  journals: number[];
  /** everything a new generation's snapshot makes obsolete */
  obsolete: (generation: number) => string[];
}

/** Which files of the folder hold the register, and which are left-overs of older generations. */
export async function folderFiles(dir: string): Promise<FolderFiles> {
  const names = await fs.readdir(dir);
  const snapshots = names.flatMap((n) => (SNAPSHOT.exec(n) ? [Number(SNAPSHOT.exec(n)![1])] : []));
  const journals = names.flatMap((n) => (JOURNAL.exec(n) ? [Number(JOURNAL.exec(n)![1])] : []));
  const snapshot = Math.max(0, ...snapshots);
  const replay = journals.filter((g) => g >= snapshot).sort((a, b) => a - b);
  if (snapshot === 0 && names.includes(LEGACY_JOURNAL)) replay.unshift(0);
  return {
    snapshot,
    journals: replay,
    obsolete: (generation) => [
      ...snapshots.filter((g) => g < generation).map((g) => snapshotFile(dir, g)),
      ...journals.filter((g) => g < generation).map((g) => journalFile(dir, g)),
      ...names.filter((n) => n === LEGACY_SNAPSHOT || n === LEGACY_JOURNAL || n.endsWith('.json.tmp')).map((n) => path.join(dir, n)),
    ],
  };
}

/** The folder's current generation as last taken (0 before any). */
export async function readGeneration(dir: string): Promise<number> {
  try {
    const value = Number((await fs.readFile(path.join(dir, GENERATION_FILE), 'utf8')).trim());
    return Number.isSafeInteger(value) && value >= 0 ? value : 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

/**
 * Takes the next generation (above every one the folder ever saw) and makes it durable before the caller reads
 * anything: a holder that read the old number back after this point knows it was fenced off.
 */
export async function takeGeneration(dir: string): Promise<number> {
  const names = await fs.readdir(dir);
  const seen = names.flatMap((n) => {
    const match = SNAPSHOT.exec(n) ?? JOURNAL.exec(n);
    return match ? [Number(match[1])] : [];
  });
  const next = Math.max(await readGeneration(dir), ...seen) + 1;
  const file = path.join(dir, GENERATION_FILE);
  await writeDurably(`${file}.tmp`, String(next));
  await fs.rename(`${file}.tmp`, file);
  await syncDirectory(dir);
  return next;
}

/** Writes a file and waits until its contents are on disk. */
export async function writeDurably(file: string, text: string): Promise<void> {
  const out = await fs.open(file, 'w');
  try {
    await out.writeFile(text);
    await out.sync();
  } finally {
    await out.close();
  }
}

/** Makes a rename or removal in the folder durable. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
