import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { type FolderLockOptions, lockFolder } from './folder-lock';
import {
  folderFiles,
  journalFile,
  LEGACY_JOURNAL,
  LEGACY_SNAPSHOT,
  LockLostError,
  readGeneration,
  snapshotFile,
  syncDirectory,
  takeGeneration,
  writeDurably,
} from './generation';
import { emptyIndexes, type FieldIndexes, indexRow, unindexRow } from './row-index';

/**
 * Crash-safe persistence for the embedded store: a snapshot file plus an append-only journal.
 *
 * - Every change is one JSON line appended to the journal; a batch of changes that arrived together is
 *   written with one write and made durable with one fdatasync (group commit).
 * - A process killed mid-append leaves at most one torn last line, which recovery drops: the callers of
 *   that batch were never told it succeeded.
 * - Compaction writes the full state to a temporary file, fsyncs it, renames it over the snapshot
 *   (atomic on POSIX) and only then empties the journal. Replaying a journal over a newer snapshot is
 *   harmless because each line holds the whole record.
 * - Files carry the lock's generation (see generation.ts): a batch is acknowledged only once the folder's
 *   generation reads back as this holder's, so a holder that lost the folder acknowledges nothing more.
 */

export interface StoredRow {
  value: unknown;
  etag: string;
  version: number;
  /** the request key the record was created with (idempotent creates) */
  key?: string;
  /** the frozen record as callers get it, made on first read and shared by every reader of this version */
  stored?: object;
}

export interface CollectionState {
  nextId: number;
  rows: Map<string, StoredRow>;
  /** request key → id */
  keys: Map<string, string>;
  /** indexed field → value → ids */
  indexes: FieldIndexes;
}

export type JournalOp = { c: string; op: 'put'; id: string; version: number; value: unknown; key?: string } | { c: string; op: 'del'; id: string };

interface SnapshotFile {
  format: 'synergy-register/snapshot';
  version: 1;
  collections: Record<string, { nextId: number; rows: Record<string, { value: unknown; version: number; key?: string }> }>;
}

export function etagOf(id: string, version: number): string {
  return `"${id}.${version}"`;
}

export class Journal {
  private handle: fs.FileHandle | undefined;
  private pending: { lines: string[]; waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> } = {
    lines: [],
    waiters: [],
  };
  private flushing: Promise<void> | undefined;
  private linesSinceSnapshot = 0;
  private failure: unknown;
  private unlock: (() => Promise<void>) | undefined;
  private opening: Promise<void> | undefined;
  /** the lock generation this holder took when it opened the folder */
  private generation = 0;

  constructor(
    private readonly dir: string,
    private readonly state: Map<string, CollectionState>,
    private readonly compactAfterLines = 5000,
    private readonly lockOptions: FolderLockOptions = {},
  ) {}

  private get snapshotPath(): string {
    return snapshotFile(this.dir, this.generation);
  }
  private get journalPath(): string {
    return journalFile(this.dir, this.generation);
  }

  /**
   * Takes the folder's lock (before reading anything: a second process must not rewrite what the first one
   * appends to), loads snapshot and journal into `state`, drops a torn tail, compacts, and opens the journal.
   */
  open(): Promise<void> {
    // Already open (or opening): the state in memory is the truth.
    this.opening ??= this.lockAndLoad().catch((error: unknown) => {
      this.opening = undefined;
      throw error;
    });
    return this.opening;
  }

  private async lockAndLoad(): Promise<void> {
    this.unlock = await lockFolder(this.dir, {
      ...this.lockOptions,
      onCompromised: (error) => {
        // Someone else may be writing now: acknowledge nothing more.
        this.failure = new LockLostError(this.dir, `its lock was lost: ${error.message}`);
        this.lockOptions.onCompromised?.(error);
      },
    });
    try {
      this.generation = await takeGeneration(this.dir);
      await this.load();
    } catch (error) {
      await this.releaseLock();
      throw error;
    }
  }

  /** The newest snapshot and the journals of its generation and later; older generations' files are never read. */
  private async load(): Promise<void> {
    const files = await folderFiles(this.dir);
    const snapshot = await readJsonIfExists<SnapshotFile>(files.snapshot === 0 ? path.join(this.dir, LEGACY_SNAPSHOT) : snapshotFile(this.dir, files.snapshot));
    if (snapshot) {
      for (const [name, col] of Object.entries(snapshot.collections)) {
        const target = this.collection(name);
        target.nextId = Math.max(target.nextId, col.nextId);
        for (const [id, row] of Object.entries(col.rows)) this.apply({ c: name, op: 'put', id, ...row });
      }
    }
    for (const generation of files.journals) {
      await this.replay(generation === 0 ? path.join(this.dir, LEGACY_JOURNAL) : journalFile(this.dir, generation));
    }
    await this.compact();
    // this generation's snapshot holds all of them now
    for (const file of files.obsolete(this.generation)) await fs.rm(file, { force: true });
    await syncDirectory(this.dir);
    this.handle = await fs.open(this.journalPath, fsConstants.O_WRONLY | fsConstants.O_APPEND | fsConstants.O_CREAT);
  }

  private async replay(file: string): Promise<void> {
    const text = await fs.readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return '';
      throw e;
    });
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let op: JournalOp;
      try {
        op = JSON.parse(line) as JournalOp;
      } catch {
        break; // a torn last line from a killed process: nothing after it was acknowledged
      }
      this.apply(op);
    }
  }

  /** Throws once this process lost the folder: from then on it neither writes nor serves what its memory holds. */
  ensureHeld(): void {
    if (this.failure instanceof LockLostError) throw this.failure;
  }

  /** Throws LockLostError unless the folder's generation is still this holder's (someone else took it over). */
  private async proveHeld(): Promise<void> {
    const current = await readGeneration(this.dir);
    if (current !== this.generation) throw new LockLostError(this.dir, `another process took it over (generation ${current}, this one ${this.generation})`);
  }

  collection(name: string): CollectionState {
    let col = this.state.get(name);
    if (!col) {
      col = { nextId: 1, rows: new Map(), keys: new Map(), indexes: emptyIndexes(name) };
      this.state.set(name, col);
    }
    return col;
  }

  /** Applies a change to memory at once; resolves when it is durable on disk. */
  commit(ops: JournalOp[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    // Nothing to write means no flush would ever settle the waiter.
    if (ops.length === 0) return Promise.resolve();
    for (const op of ops) this.apply(op);
    return new Promise((resolve, reject) => {
      this.pending.lines.push(...ops.map((op) => JSON.stringify(op)));
      this.pending.waiters.push({ resolve, reject });
      this.scheduleFlush();
    });
  }

  private apply(op: JournalOp): void {
    const col = this.collection(op.c);
    if (op.op === 'put') {
      // A replace keeps the key the record was created with.
      const before = col.rows.get(op.id);
      const key = op.key ?? before?.key;
      if (before) unindexRow(col.indexes, op.id, before.value as object);
      indexRow(col.indexes, op.id, op.value as object);
      col.rows.set(op.id, { value: op.value, version: op.version, etag: etagOf(op.id, op.version), ...(key ? { key } : {}) });
      if (key) col.keys.set(key, op.id);
      col.nextId = Math.max(col.nextId, Number(op.id) + 1);
    } else {
      const before = col.rows.get(op.id);
      if (before?.key) col.keys.delete(before.key);
      if (before) unindexRow(col.indexes, op.id, before.value as object);
      col.rows.delete(op.id);
    }
  }

  private scheduleFlush(): void {
    if (this.flushing) return;
    this.flushing = (async () => {
      while (this.pending.lines.length > 0) {
        const batch = this.pending;
        this.pending = { lines: [], waiters: [] };
        if (this.failure) {
          batch.waiters.forEach((w) => w.reject(this.failure));
          continue;
        }
        try {
          await this.handle!.write(batch.lines.join('\n') + '\n');
          await this.handle!.datasync();
          // the proof comes after the write: a successor takes its generation before it reads, so if it is
          // still ours now, whoever takes the folder next reads these lines
          await this.proveHeld();
          this.linesSinceSnapshot += batch.lines.length;
          batch.waiters.forEach((w) => w.resolve());
          if (this.linesSinceSnapshot >= this.compactAfterLines) await this.compactOpenJournal();
        } catch (error) {
          this.failure = error;
          batch.waiters.forEach((w) => w.reject(error));
        }
      }
      this.flushing = undefined;
    })();
  }

  private async compactOpenJournal(): Promise<void> {
    await this.handle!.close();
    await this.compact();
    this.handle = await fs.open(this.journalPath, fsConstants.O_WRONLY | fsConstants.O_APPEND | fsConstants.O_CREAT);
  }

  private async compact(): Promise<void> {
    const file: SnapshotFile = { format: 'synergy-register/snapshot', version: 1, collections: {} };
    for (const [name, col] of this.state) {
      const rows: SnapshotFile['collections'][string]['rows'] = {};
      for (const [id, row] of col.rows) rows[id] = { value: row.value, version: row.version, ...(row.key ? { key: row.key } : {}) };
      file.collections[name] = { nextId: col.nextId, rows };
    }
    const tmp = `${this.snapshotPath}.tmp`;
    await writeDurably(tmp, JSON.stringify(file));
    await fs.rename(tmp, this.snapshotPath);
    await syncDirectory(this.dir);
    await fs.writeFile(this.journalPath, '');
    this.linesSinceSnapshot = 0;
  }

  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.handle?.close();
    this.handle = undefined;
    this.opening = undefined;
    await this.releaseLock();
  }

  private async releaseLock(): Promise<void> {
    const unlock = this.unlock;
    this.unlock = undefined;
    // a holder that was fenced off must not remove the lock (and owner file) its successor holds now
    if (unlock && (this.generation === 0 || (await readGeneration(this.dir).catch(() => -1)) === this.generation)) await unlock();
  }
}

async function readJsonIfExists<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`The register file ${file} cannot be read: ${(e as Error).message}`, { cause: e });
  }
}
