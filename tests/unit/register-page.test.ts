import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Register } from '../../src/register/register-service';
import { createLocalStore } from '../../src/store/local/local-store';
import type { RegisterStore } from '../../src/store/store';
import { action, entry } from '../contract/records';

/**
 * The register page keeps its filtered, ordered view while the store says nothing changed, and follows every write
 * at once: the next page after a create, an edit or a delete shows it, with the counts.
 */
describe('register pages on the embedded store', () => {
  let dir: string;
  let store: RegisterStore;
  let register: Register;
  const by = { name: 'Clerk' };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'synergy-page-'));
    store = createLocalStore(dir);
    await store.init();
    register = new Register(store);
    await store.entries.createMany(
      Array.from({ length: 120 }, (_, i) => entry(i + 1, { domain: i % 2 ? 'ICT' : 'HR', status: i % 3 ? 'proposed' : 'decided' })),
    );
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('pages in report order with counts; a write shows on the next page at once', async () => {
    const first = await register.entries.page({}, 0, 50);
    expect(first.total).toBe(120);
    expect(first.items.map((e) => e.domain)).toEqual(Array(50).fill('HR'));
    expect(first.countsByStatus).toEqual({ decided: 40, proposed: 80 });
    const last = await register.entries.page({}, 100, 50);
    expect(last.items).toHaveLength(20);
    expect(last.items.every((e) => e.domain === 'ICT')).toBe(true);

    const created = await register.entries.create(entry(999, { domain: 'HR', status: 'decided' }), by);
    const after = await register.entries.page({}, 0, 100);
    expect(after.total).toBe(121);
    expect(after.countsByStatus.decided).toBe(41);
    expect(after.items.map((e) => e.id)).toContain(created.id);

    await register.entries.update(created.id, { status: 'stopped' }, by, created.etag);
    expect((await register.entries.page({ status: 'decided' }, 0, 50)).total).toBe(40);
    const stopped = await register.entries.get(created.id);
    await register.entries.remove(created.id, by, stopped.etag);
    expect((await register.entries.page({}, 0, 50)).total).toBe(120);
  });

  test('the view is kept while nothing changed: the same page is the same records', async () => {
    const a = await register.entries.page({ status: 'decided' }, 0, 10);
    const b = await register.entries.page({ status: 'decided' }, 0, 10);
    expect(b.items).toEqual(a.items);
    expect(b.items[0]).toBe(a.items[0]);
    expect(store.entries.changeStamp?.()).toBeDefined();
  });

  test('open actions keep their answer while nothing changed, and follow a change at once', async () => {
    const [first] = await store.entries.list();
    const actions = await store.actions.createMany([action(1, { entryId: first.id }), action(2, { entryId: first.id })]);
    expect(await register.actions.query({ open: true })).toHaveLength(2);
    expect((await register.actions.query({ open: true })).map((a) => a.id)).toEqual((await register.actions.query({ open: true })).map((a) => a.id));
    await register.actions.markDone(actions[0].id, actions[0].etag);
    expect((await register.actions.query({ open: true })).map((a) => a.id)).toEqual([actions[1].id]);
    await register.entries.update(first.id, { domain: 'HR' }, by);
    expect(await register.actions.query({ open: true, domain: 'HR' })).toHaveLength(1);
    await register.entries.update(first.id, { domain: 'ICT' }, by);
    expect(await register.actions.query({ open: true, domain: 'HR' })).toHaveLength(0);
  });
});
