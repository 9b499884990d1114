import { ConflictError, DuplicateKeyError, NotFoundError, UnsupportedQueryError } from '../../src/store/errors';
import type { RegisterStore, Stored } from '../../src/store/store';
import { action, conversation, entry, vote } from './records';

export interface StoreUnderTest {
  store: RegisterStore;
  /** A fresh store over the same data, as after a restart. */
  reopen(): Promise<RegisterStore>;
  cleanup(): Promise<void>;
}

/** Values that break naive OData or URL building; stored and matched exactly. */
const AWKWARD = ["O'Brien", 'say "hi"', '<script>alert(1)</script>', 'a & b', '100% sure', '#hash', "it''s", 'plus+sign', 'slash/back\\'];

function withoutIdentity<T extends object>(stored: Stored<T>): T {
  const { id: _id, etag: _etag, ...value } = stored as Stored<T> & Record<string, unknown>;
  return value as unknown as T;
}

/** The behaviour every RegisterStore owes the register, run against each implementation. */
export function describeStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} store contract`, () => {
    let subject: StoreUnderTest;
    let store: RegisterStore;

    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
    });
    afterEach(async () => {
      await subject.cleanup();
    });

    test('create, get and list: ascending numeric ids in creation order', async () => {
      const created = [];
      for (let n = 1; n <= 5; n++) created.push(await store.entries.create(entry(n)));
      const ids = created.map((c) => Number(c.id));
      expect(ids.every((id) => Number.isInteger(id) && id > 0)).toBe(true);
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
      expect(new Set(ids).size).toBe(5);
      expect(await store.entries.get(created[2].id)).toEqual(created[2]);
      const listed = await store.entries.list();
      expect(listed.map((e) => e.id)).toEqual(created.map((c) => c.id));
      expect(listed.map(withoutIdentity)).toEqual([1, 2, 3, 4, 5].map((n) => entry(n)));
      const createdAction = await store.actions.create(action(1));
      expect(withoutIdentity(createdAction)).toEqual(action(1));
      expect(await store.actions.get(createdAction.id)).toEqual(createdAction);
    });

    test('createMany returns results in input order, each readable', async () => {
      const values = Array.from({ length: 45 }, (_, i) => entry(i + 1, { title: { en: `bulk ${i + 1}` } }));
      const created = await store.entries.createMany(values);
      expect(created.map(withoutIdentity)).toEqual(values);
      expect(new Set(created.map((c) => c.id)).size).toBe(45);
      for (const index of [0, 21, 44]) expect(await store.entries.get(created[index].id)).toEqual(created[index]);
      const listed = await store.entries.list();
      expect(listed).toHaveLength(45);
      expect(listed.map((e) => Number(e.id))).toEqual([...created.map((c) => Number(c.id))].sort((a, b) => a - b));
      expect(await store.entries.createMany([])).toEqual([]);
    });

    test('list filters on indexed fields: strings, numbers, null, awkward text', async () => {
      await store.entries.createMany([
        entry(1, { status: 'decided', startYear: 2021, focusGroupId: null }),
        entry(2, { status: 'proposed', startYear: 2022, focusGroupId: AWKWARD[0] }),
        entry(3, { status: 'decided', startYear: null, focusGroupId: 'fg-1' }),
      ]);
      // createMany promises no id order among its records (batches run in any order), hence the sort.
      expect((await store.entries.list({ field: 'status', equals: 'decided' })).map((e) => e.title.nl).sort()).toEqual(['Maatregel 1', 'Maatregel 3']);
      expect((await store.entries.list({ field: 'startYear', equals: 2022 })).map((e) => e.title.nl)).toEqual(['Maatregel 2']);
      expect((await store.entries.list({ field: 'startYear', equals: null })).map((e) => e.title.nl)).toEqual(['Maatregel 3']);
      expect((await store.entries.list({ field: 'focusGroupId', equals: null })).map((e) => e.title.nl)).toEqual(['Maatregel 1']);
      expect(await store.entries.list({ field: 'status', equals: 'stopped' })).toEqual([]);

      const actions = await store.actions.createMany(AWKWARD.map((text, i) => action(i, { entryId: text })));
      for (const [i, text] of AWKWARD.entries()) {
        const found = await store.actions.list({ field: 'entryId', equals: text });
        expect(found.map((a) => a.id)).toEqual([actions[i].id]);
        expect(found[0].entryId).toBe(text);
      }
      // Exact match: neither a case variant nor the OData-escaped spelling finds anything.
      expect(await store.actions.list({ field: 'entryId', equals: "o'brien" })).toEqual([]);
      expect(await store.actions.list({ field: 'entryId', equals: "O''Brien" })).toEqual([]);
      const due = await store.actions.list({ field: 'dueDate', equals: actions[1].dueDate });
      expect(due.map((a) => a.id)).toContain(actions[1].id);
    });

    test('filtering on a field that is not indexed is refused', async () => {
      await store.entries.create(entry(1));
      await expect(store.entries.list({ field: 'kind', equals: 'synergy' })).rejects.toBeInstanceOf(UnsupportedQueryError);
      await expect(store.votes.list({ field: 'at', equals: 'x' })).rejects.toBeInstanceOf(UnsupportedQueryError);
    });

    test('update with the current eTag; a stale eTag raises ConflictError carrying the stored version', async () => {
      const created = await store.entries.create(entry(1));
      const updated = await store.entries.update(created.id, entry(1, { status: 'decided' }), created.etag);
      expect(updated.id).toBe(created.id);
      expect(updated.etag).not.toBe(created.etag);
      expect(updated.status).toBe('decided');
      expect(await store.entries.get(created.id)).toEqual(updated);
      const conflict = await store.entries.update(created.id, entry(1, { status: 'stopped' }), created.etag).catch((e: unknown) => e);
      expect(conflict).toBeInstanceOf(ConflictError);
      expect((conflict as ConflictError).current).toEqual(updated);
      expect(await store.entries.get(created.id)).toEqual(updated);
      const unconditional = await store.entries.update(created.id, entry(1, { status: 'completed' }), '*');
      expect((await store.entries.list({ field: 'status', equals: 'completed' })).map((e) => e.id)).toEqual([created.id]);
      expect((await store.entries.get(created.id))?.etag).toBe(unconditional.etag);
    });

    test('remove with an eTag or *; unknown ids raise NotFoundError', async () => {
      const [a, b] = await store.entries.createMany([entry(1), entry(2)]);
      const staleRemove = await store.entries.remove(a.id, '"stale"').catch((e: unknown) => e);
      expect(staleRemove).toBeInstanceOf(ConflictError);
      await store.entries.remove(a.id, a.etag);
      await store.entries.remove(b.id, '*');
      expect(await store.entries.get(a.id)).toBeUndefined();
      expect(await store.entries.list()).toEqual([]);
      await expect(store.entries.remove(a.id, '*')).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.entries.update('999999', entry(3), '*')).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.entries.update('not-an-id', entry(3), '*')).rejects.toBeInstanceOf(NotFoundError);
      expect(await store.entries.get('999999')).toBeUndefined();
      expect(await store.entries.get('../lists')).toBeUndefined();
    });

    test('upsertByKey is idempotent per key; create refuses an existing key', async () => {
      const first = await store.votes.upsertByKey(vote('poll-1', 'u1', ['a']));
      const again = await store.votes.upsertByKey(vote('poll-1', 'u1', ['b']));
      await store.votes.upsertByKey(vote('poll-1', 'u2', ['a']));
      expect(again.id).toBe(first.id);
      const votes = await store.votes.list({ field: 'pollId', equals: 'poll-1' });
      expect(votes).toHaveLength(2);
      expect(votes.find((v) => v.id === first.id)?.optionIds).toEqual(['b']);
      await expect(store.votes.create(vote('poll-1', 'u1'))).rejects.toBeInstanceOf(DuplicateKeyError);
      await expect(store.votes.createMany([vote('poll-2', 'u9'), vote('poll-2', 'u9')])).rejects.toBeInstanceOf(DuplicateKeyError);
      const byKey = await store.conversations.upsertByKey(conversation('team\'s "general"'));
      const byKeyAgain = await store.conversations.upsertByKey(conversation('team\'s "general"', 'team-2'));
      expect(byKeyAgain.id).toBe(byKey.id);
      expect((await store.conversations.list()).map((c) => c.teamId)).toEqual(['team-2']);
      await expect(store.entries.upsertByKey(entry(1))).rejects.toBeInstanceOf(UnsupportedQueryError);
    });

    test('concurrent upserts of different keys all land', async () => {
      await Promise.all(Array.from({ length: 8 }, (_, i) => store.votes.upsertByKey(vote('poll-c', `u${i}`))));
      await Promise.all(Array.from({ length: 8 }, (_, i) => store.votes.upsertByKey(vote('poll-c', `u${i}`, ['z']))));
      const votes = await store.votes.list({ field: 'pollId', equals: 'poll-c' });
      expect(votes).toHaveLength(8);
      expect(votes.every((v) => v.optionIds[0] === 'z')).toBe(true);
    });

    test('page: at most top records in id order, a cursor to the next page, the same pages on both stores', async () => {
      const values = Array.from({ length: 23 }, (_, i) => entry(i + 1, { status: i % 3 === 0 ? 'decided' : 'proposed' }));
      const created: Stored<ReturnType<typeof entry>>[] = [];
      for (const value of values) created.push(await store.entries.create(value));
      const ids = created.map((c) => c.id);

      const walk = async (query: Omit<Parameters<typeof store.entries.page>[0], 'after'>) => {
        const pages: string[][] = [];
        let after: string | undefined;
        do {
          const page = await store.entries.page({ ...query, after });
          expect(page.items.length).toBeLessThanOrEqual(query.top);
          pages.push(page.items.map((e) => e.id));
          after = page.next;
        } while (after !== undefined && pages.length < 30);
        return pages;
      };
      const all = await walk({ top: 10 });
      expect(all.map((p) => p.length)).toEqual([10, 10, 3]);
      expect(all.flat()).toEqual(ids);

      const decided = await walk({ top: 4, where: { field: 'status', equals: 'decided' } });
      expect(decided.flat()).toEqual(ids.filter((_, i) => i % 3 === 0));
      expect(decided.map((p) => p.length)).toEqual([4, 4]);

      // a condition no index answers: each page still holds at most top, and together they hold every match
      const even = (e: { title: { nl?: string } }) => Number(e.title.nl?.split(' ')[1]) % 2 === 0;
      const kept = await walk({ top: 3, keep: even });
      expect(kept.flat()).toEqual(created.filter(even).map((e) => e.id));
      expect(kept.slice(0, -1).every((p) => p.length === 3)).toBe(true);

      const first = await store.entries.page({ top: 5 });
      expect(first.items).toEqual(created.slice(0, 5));
      expect(await store.entries.page({ top: 5, where: { field: 'status', equals: 'stopped' } })).toEqual({ items: [] });
      await expect(store.entries.page({ top: 0 })).rejects.toBeInstanceOf(UnsupportedQueryError);
      await expect(store.entries.page({ top: 5, where: { field: 'kind', equals: 'synergy' } as never })).rejects.toBeInstanceOf(UnsupportedQueryError);
      await expect(store.entries.page({ top: 5, after: 'not a cursor' })).rejects.toBeInstanceOf(UnsupportedQueryError);
    });

    test('count: all, by an indexed field, with a condition', async () => {
      await store.entries.createMany(Array.from({ length: 12 }, (_, i) => entry(i + 1, { status: i < 5 ? 'decided' : 'proposed' })));
      expect(await store.entries.count()).toBe(12);
      expect(await store.entries.count({ field: 'status', equals: 'decided' })).toBe(5);
      expect(await store.entries.count({ field: 'status', equals: 'stopped' })).toBe(0);
      expect(await store.entries.count({ field: 'status', equals: 'proposed' }, (e) => e.title.nl === 'Maatregel 12')).toBe(1);
      await expect(store.entries.count({ field: 'kind', equals: 'synergy' } as never)).rejects.toBeInstanceOf(UnsupportedQueryError);
    });

    test('records read are immutable and shared, so no caller can change what the next one reads', async () => {
      const created = await store.entries.create(entry(1));
      const [read] = await store.entries.list();
      expect(() => {
        (read as { status: string }).status = 'stopped';
      }).toThrow(TypeError);
      expect(() => ((read.title as { nl?: string }).nl = 'changed')).toThrow(TypeError);
      expect((await store.entries.get(created.id))!.status).toBe('proposed');
      expect((await store.entries.list())[0].title.nl).toBe('Maatregel 1');
    });

    test('init twice is harmless and data survives close and reopen', async () => {
      const created = await store.entries.create(entry(7));
      const key = await store.votes.upsertByKey(vote('poll-9', 'u1'));
      await store.init();
      expect(await store.entries.list()).toEqual([created]);
      await store.close();
      const reopened = await subject.reopen();
      expect(await reopened.entries.get(created.id)).toEqual(created);
      expect(await reopened.votes.list()).toEqual([key]);
      const next = await reopened.entries.create(entry(8));
      expect(Number(next.id)).toBeGreaterThan(Number(created.id));
      store = reopened;
    });
  });
}
