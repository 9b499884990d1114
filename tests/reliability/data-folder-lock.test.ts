import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FolderLockedError } from '../../src/store/local/folder-lock';
import { createLocalStore } from '../../src/store/local/local-store';

/**
 * One process per data folder: a second start on the same DATA_DIR stops before reading or writing anything,
 * naming the process that holds it; after that process was killed (-9) the folder can be opened again once its
 * lock is stale, with every write it acknowledged.
 */
let dir: string;
let holder: ChildProcess | undefined;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'folder-lock-'));
});
afterEach(() => {
  holder?.kill('SIGKILL');
  holder = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** A second process that opens the store, writes `count` entries and reports each acknowledged id, then waits. */
function startHolder(count: number): Promise<{ ids: string[] }> {
  const script = `
    const { createLocalStore } = require(${JSON.stringify(path.resolve('src/store/local/local-store.ts'))});
    (async () => {
      const store = createLocalStore(process.argv[1]);
      await store.init();
      for (let i = 0; i < ${count}; i++) {
        const e = await store.history.create({ entryId: String(i), at: new Date(0).toISOString(), by: { name: 'holder' }, kind: 'updated', changes: [] });
        process.stdout.write(e.id + '\\n');
      }
      process.stdout.write('ready\\n');
      setInterval(() => {}, 1000);
    })();`;
  holder = spawn(process.execPath, ['-r', require.resolve('../support/ts-register.js'), '-e', script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  return new Promise((resolve) => {
    holder!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready\n')) resolve({ ids: output.split('\n').filter((l) => /^\d+$/.test(l)) });
    });
  });
}

test('a second process on the same folder is refused, naming the first, and changes nothing', async () => {
  const { ids } = await startHolder(50);
  const filesBefore = readdirSync(dir).sort();
  const second = createLocalStore(dir);
  const error = await second.init().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FolderLockedError);
  expect((error as Error).message).toMatch(new RegExp(`in use by another Synergy Register process \\(pid ${holder!.pid} on `));
  expect(readdirSync(dir).sort()).toEqual(filesBefore);
  expect(ids).toHaveLength(50);
}, 30_000);

test('after the holder is killed (-9), the next start waits for the stale lock and finds every acknowledged write', async () => {
  const { ids } = await startHolder(200);
  holder!.kill('SIGKILL');
  await new Promise((resolve) => holder!.once('exit', resolve));
  const reopened = createLocalStore(dir);
  await reopened.init();
  const stored = new Set((await reopened.history.list()).map((e) => e.id));
  for (const id of ids) expect(stored.has(id)).toBe(true);
  await reopened.close();
  // the lock goes stale 10 s after the holder's last refresh: the start waits for that by itself, never for a
  // person (the test's own time limit is the only bound: no assertion on the clock)
}, 60_000);

test('one process: open, close, open again; two stores of one process on one folder are refused too', async () => {
  const first = createLocalStore(dir);
  await first.init();
  await expect(createLocalStore(dir).init()).rejects.toBeInstanceOf(FolderLockedError);
  await first.close();
  const again = createLocalStore(dir);
  await again.init();
  await again.close();
});
