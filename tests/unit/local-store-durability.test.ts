import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Journal } from '../../src/store/local/journal';
import { createLocalStore } from '../../src/store/local/local-store';

const history = (entryId: string, i: number) => ({
  entryId,
  at: new Date(0).toISOString(),
  by: { name: `writer ${i}` },
  kind: 'updated' as const,
  changes: [],
});

describe('embedded store durability', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'durable-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged write when the process is killed mid-stream', async () => {
    // A child process writes as fast as it can and reports each write once the store acknowledged it.
    const script = `
      const { createLocalStore } = require(${JSON.stringify(path.resolve('src/store/local/local-store.ts'))});
      (async () => {
        const store = createLocalStore(process.argv[1]);
        await store.init();
        for (let i = 0; ; i++) {
          const value = { entryId: String(i), at: new Date(0).toISOString(), by: { name: 'w' + i }, kind: 'updated', changes: [] };
          const batch = await store.history.createMany([value, value, value]);
          process.stdout.write(batch.map((r) => r.id).join(',') + '\\n');
        }
      })();`;
    const child = spawn(process.execPath, ['-r', require.resolve('../support/ts-register.js'), '-e', script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (output.split('\n').length > 400) {
          clearInterval(check);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
    });
    await new Promise((resolve) => child.once('exit', resolve));

    // only complete lines: the last one may have been cut by the kill
    const acknowledged = output
      .split('\n')
      .slice(0, -1)
      .flatMap((l) => l.split(','));
    expect(acknowledged.length).toBeGreaterThan(1000);

    const reopened = createLocalStore(dir);
    await reopened.init();
    const ids = new Set((await reopened.history.list()).map((r) => r.id));
    for (const id of acknowledged) expect(ids.has(id)).toBe(true);
    // the store is usable after recovery and continues the id sequence
    const next = await reopened.history.create(history('x', 0));
    expect(Number(next.id)).toBeGreaterThan(Math.max(...[...ids].map(Number)));
    await reopened.close();
  }, 60000);

  it('drops a torn last journal line and keeps everything before it', async () => {
    const store = createLocalStore(dir);
    await store.init();
    await store.history.createMany([history('1', 1), history('2', 2)]);
    await store.close();
    // the first opening took generation 1 and wrote its journal under that number
    appendFileSync(path.join(dir, 'journal-1.jsonl'), '{"c":"history","op":"put","id":"3","version":1,"value":{"entryId":"3"');

    const reopened = createLocalStore(dir);
    await reopened.init();
    expect((await reopened.history.list()).map((h) => h.entryId)).toEqual(['1', '2']);
    expect(readFileSync(path.join(dir, 'journal-2.jsonl'), 'utf8')).toBe('');
    expect(existsSync(path.join(dir, 'journal-1.jsonl'))).toBe(false);
    await reopened.close();
  });

  it('ignores a half-written snapshot left by a crash during compaction', async () => {
    const store = createLocalStore(dir);
    await store.init();
    await store.history.create(history('kept', 1));
    await store.close();
    writeFileSync(path.join(dir, 'snapshot-1.json.tmp'), '{"format":"synergy-register/sna');

    const reopened = createLocalStore(dir);
    await reopened.init();
    expect((await reopened.history.list()).map((h) => h.entryId)).toEqual(['kept']);
    await reopened.close();
  });

  it('compacts the journal into the snapshot and survives restarts', async () => {
    const state = new Map();
    const journal = new Journal(dir, state, 10);
    await journal.open();
    for (let i = 1; i <= 25; i++) await journal.commit([{ c: 'history', op: 'put', id: String(i), version: 1, value: history(String(i), i) }]);
    await journal.commit([{ c: 'history', op: 'del', id: '3' }]);
    await journal.close();
    expect(readFileSync(path.join(dir, 'journal-1.jsonl'), 'utf8').split('\n').filter(Boolean).length).toBeLessThan(10);

    const reopened = createLocalStore(dir);
    await reopened.init();
    const ids = (await reopened.history.list()).map((h) => h.id);
    expect(ids).toHaveLength(24);
    expect(ids).not.toContain('3');
    await reopened.close();
  });
});
