import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FolderLockedError } from '../../src/store/local/folder-lock';
import { LockLostError } from '../../src/store/local/generation';
import { createLocalStore } from '../../src/store/local/local-store';
import type { RegisterStore } from '../../src/store/store';
import { type Instance, startInstance } from '../support/instances';

/**
 * The data folder's lock fences: a server that lost the folder — frozen longer than the lock's stale time
 * while another one took over, or whose `.lock` was deleted under it — never appends again, answers 503
 * instead of acknowledging, and every write anyone acknowledged is in the folder afterwards.
 */

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fenced-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entry = (title: string) => ({ title: { nl: title }, domain: 'ICT', status: 'in_progress', kind: 'synergy', formalisation: 'agreement' });
const history = (entryId: string) => ({ entryId, at: new Date(0).toISOString(), by: { name: 'test' }, kind: 'updated' as const, changes: [] });

/** What a fresh start on the folder finds: entry id → Dutch title. */
async function titlesInFolder(): Promise<Map<string, string>> {
  const store = createLocalStore(dir);
  await store.init();
  try {
    return new Map((await store.entries.list()).map((e) => [e.id, e.title.nl ?? '']));
  } finally {
    await store.close();
  }
}

describe('in one process', () => {
  let a: RegisterStore | undefined;
  let b: RegisterStore | undefined;
  afterEach(async () => {
    await b?.close().catch(() => undefined);
    await a?.close().catch(() => undefined);
    a = b = undefined;
  });

  test('a holder whose .lock was deleted and taken by another acknowledges nothing more, and leaves the new lock alone', async () => {
    a = createLocalStore(dir);
    await a.init();
    const kept = await a.history.create(history('before'));
    rmSync(path.join(dir, '.lock'), { recursive: true });
    b = createLocalStore(dir);
    await b.init();
    const successor = await b.history.create(history('successor'));
    // the same id in both memories: only the successor's may ever be stored
    expect(successor.id).toBe(String(Number(kept.id) + 1));
    await expect(a.history.create(history('fenced'))).rejects.toBeInstanceOf(LockLostError);
    // once fenced, it stays so (its memory may hold what was refused)
    await expect(a.history.create(history('fenced again'))).rejects.toMatchObject({ status: 503, serviceCode: 'lock_lost' });
    // nor does it serve what its memory holds (the refused record among it)
    await expect(a.history.list()).rejects.toBeInstanceOf(LockLostError);
    await a.close();
    a = undefined;
    // closing the fenced holder did not free the folder for a third process
    await expect(createLocalStore(dir).init()).rejects.toBeInstanceOf(FolderLockedError);
    await b.close();
    b = undefined;
    const reopened = createLocalStore(dir);
    await reopened.init();
    expect((await reopened.history.list()).map((h) => [h.id, h.entryId])).toEqual([
      [kept.id, 'before'],
      [successor.id, 'successor'],
    ]);
    await reopened.close();
  });

  test('a start reads only the newest generation: files a fenced holder writes later are never replayed', async () => {
    a = createLocalStore(dir);
    await a.init();
    await a.history.create(history('first'));
    await a.close();
    b = createLocalStore(dir);
    await b.init();
    await b.history.create(history('second'));
    await b.close();
    b = undefined;
    // generation 2 holds everything; generation 1's files are gone
    expect(
      readdirSync(dir)
        .filter((n) => /^(snapshot|journal)/.test(n))
        .sort(),
    ).toEqual(['journal-2.jsonl', 'snapshot-2.json']);
    a = undefined;
    // what a fenced generation-1 holder would still write (its open journal, a compaction of its memory)
    appendFileSync(path.join(dir, 'journal-1.jsonl'), `${JSON.stringify({ c: 'history', op: 'put', id: '2', version: 1, value: history('stale') })}\n`);
    writeFileSync(
      path.join(dir, 'snapshot-1.json'),
      JSON.stringify({
        format: 'synergy-register/snapshot',
        version: 1,
        collections: { history: { nextId: 9, rows: { 1: { value: history('stale'), version: 7 } } } },
      }),
    );
    const reopened = createLocalStore(dir);
    await reopened.init();
    expect((await reopened.history.list()).map((h) => h.entryId)).toEqual(['first', 'second']);
    await reopened.close();
  });
});

describe('server processes', () => {
  const running: Instance[] = [];
  afterEach(async () => {
    for (const instance of running.splice(0)) {
      try {
        process.kill(instance.pid, 'SIGCONT');
      } catch {
        // already gone
      }
      await instance.stop('SIGKILL');
    }
  });

  const start = async (index: number) => {
    const instance = await startInstance(index, { env: { DATA_DIR: dir } });
    running.push(instance);
    return instance;
  };
  const create = (via: Instance, title: string) => via.api('/api/entries', { method: 'POST', json: entry(title) });

  test('a server frozen (SIGSTOP) past the lock’s stale time while another took over answers 503 when it resumes; every acknowledged write is kept', async () => {
    const a = await start(0);
    const before = await create(a, 'A vóór de pauze');
    expect(before.status).toBe(201);
    process.kill(a.pid, 'SIGSTOP');
    // requests reach the frozen server's socket and wait there
    const held = [create(a, 'A vastgehouden 1'), create(a, 'A vastgehouden 2')];
    // the lock goes stale 10 s after the frozen holder's last refresh; B takes over the folder
    await new Promise((resolve) => setTimeout(resolve, 13_000));
    const b = await start(1);
    const acknowledged = new Map<string, string>([[(await before.json()).id, 'A vóór de pauze']]);
    for (const title of ['B 1', 'B 2', 'B 3']) {
      const res = await create(b, title);
      expect(res.status).toBe(201);
      acknowledged.set((await res.json()).id, title);
    }
    process.kill(a.pid, 'SIGCONT');
    const answers = await Promise.all(held);
    expect(answers.map((r) => r.status)).toEqual([503, 503]);
    expect(await answers[0].json()).toMatchObject({ error: { code: 'store_unavailable', message: expect.stringMatching(/no longer holds its data folder/) } });
    expect((await create(a, 'A daarna')).status).toBe(503);
    // its reads and its readiness say so too, so a person (or a load balancer) stops using it
    expect((await a.api('/api/entries')).status).toBe(503);
    expect((await a.api('/api/health/ready')).status).toBe(503);
    await b.stop('SIGTERM');
    await a.stop('SIGKILL');
    running.length = 0;
    const stored = await titlesInFolder();
    for (const [id, title] of acknowledged) expect(stored.get(id)).toBe(title);
    expect([...stored.values()].filter((t) => t.startsWith('A vastgehouden') || t === 'A daarna')).toEqual([]);
  }, 90_000);

  test('a server whose .lock was deleted and a second server started answers 503 to its next creates; every acknowledged write is kept', async () => {
    const a = await start(0);
    const acknowledged = new Map<string, string>();
    for (const title of ['A 1', 'A 2']) {
      const res = await create(a, title);
      expect(res.status).toBe(201);
      acknowledged.set((await res.json()).id, title);
    }
    rmSync(path.join(dir, '.lock'), { recursive: true });
    const b = await start(1);
    for (const title of ['B 1', 'B 2']) {
      const res = await create(b, title);
      expect(res.status).toBe(201);
      acknowledged.set((await res.json()).id, title);
    }
    const late = await Promise.all(Array.from({ length: 8 }, (_, i) => create(a, `A laat ${i}`)));
    expect(late.map((r) => r.status)).toEqual(Array(8).fill(503));
    await b.stop('SIGTERM');
    await a.stop('SIGTERM');
    running.length = 0;
    const stored = await titlesInFolder();
    for (const [id, title] of acknowledged) expect(stored.get(id)).toBe(title);
    expect(stored.size).toBe(acknowledged.size);
  }, 90_000);
});
