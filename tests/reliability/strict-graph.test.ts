import { listSpecOf, fieldsOf } from '../../src/store/graph/columns';
import { StoreUnavailableError } from '../../src/store/errors';
import { entry, vote } from '../contract/records';
import { type GraphFake, type GraphFakeOptions, startGraphFake } from '../fakes/graph-fake';
import { openGraphStoreOnFake } from '../fakes/graph/store-on-fake';
import { startLocalEntra } from '../support/entra';
import { STORE_KINDS, startServerOn } from './both-stores';

/**
 * The SharePoint store against a Graph fake as strict as Graph where the issue found the old fake lenient:
 * empty fields left out of items, the list view threshold, a unique column's duplicate answered 400 or 500,
 * indexes SharePoint did not create, a rich-text record column, site roles per token, and size limits.
 */
const ENTRIES = 'SynergyRegisterEntries';
let fake: GraphFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function open(options: GraphFakeOptions = {}) {
  fake = await startGraphFake(options);
  const warnings: string[] = [];
  const store = await openGraphStoreOnFake(fake!, { warn: (m) => warnings.push(m) });
  return { store, warnings };
}

test('an item added in the SharePoint UI (no RecordJson: Graph leaves the empty field out) is skipped and logged, the list stays readable', async () => {
  const { store, warnings } = await open();
  const mine = await store.entries.create(entry(1));
  const [foreign] = fake!.seedItems(ENTRIES, [{ Title: 'Typed by hand in SharePoint', SrStatus: 'proposed' }]);
  expect((await store.entries.list()).map((e) => e.id)).toEqual([mine.id]);
  expect((await store.entries.list({ field: 'status', equals: 'proposed' })).map((e) => e.id)).toEqual([mine.id]);
  expect(await store.entries.get(foreign)).toBeUndefined();
  expect(warnings.join('\n')).toMatch(new RegExp(`item ${foreign} has no RecordJson`));
});

test('a new item is sent without null fields', async () => {
  const { store } = await open();
  const created = await store.entries.create(entry(2, { startYear: null, focusGroupId: null }));
  expect(await store.entries.get(created.id)).toEqual(created);
  expect((await store.entries.list({ field: 'startYear', equals: null })).map((e) => e.id)).toEqual([created.id]);
});

test.each([400, 409, 500] as const)(
  'a duplicate in a unique column answered %i ("duplicate values") is a duplicate: upserts and creates stay right',
  async (status) => {
    const { store } = await open({ duplicateKeyStatus: status });
    const first = await store.votes.upsertByKey(vote('p1', 'u1', ['a']));
    const again = await store.votes.upsertByKey(vote('p1', 'u1', ['b']));
    expect(again.id).toBe(first.id);
    expect((await store.votes.list()).map((v) => v.optionIds)).toEqual([['b']]);
    const once = await Promise.all([store.entries.createOnce(entry(3), 'key-1'), store.entries.createOnce(entry(3), 'key-1')]);
    expect(new Set(once.map((r) => r.record.id)).size).toBe(1);
  },
);

test('indexes SharePoint did not create are repaired at start, and the record column is made plain text', async () => {
  fake = await startGraphFake({ ignoreIndexedOnCreate: true });
  const store = await openGraphStoreOnFake(fake!);
  expect(fake!.stats.byKind['columns.update']).toBeGreaterThan(0);
  fake!.seedItems(
    ENTRIES,
    Array.from({ length: 5001 }, (_, i) => fieldsOf(listSpecOf('entries', 'SynergyRegister'), entry(i))),
  );
  // filtered reads on a list past the threshold work only on indexed columns
  expect((await store.entries.list({ field: 'startYear', equals: 2021 })).length).toBeGreaterThan(0);
});

test('a list whose column has the wrong type stops the start with its name', async () => {
  fake = await startGraphFake();
  await fetch(`${fake!.url}/sites/${fake!.siteId}/lists`, {
    method: 'POST',
    headers: { Authorization: 'Bearer probe', 'Content-Type': 'application/json' },
    body: JSON.stringify({ displayName: ENTRIES, columns: [{ name: 'SrStartYear', text: {}, indexed: true }], list: { template: 'genericList' } }),
  });
  const error = await openGraphStoreOnFake(fake!).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StoreUnavailableError);
  expect((error as Error).message).toMatch(/SynergyRegisterEntries\.SrStartYear is text, not number/);
});

test('the server writes as the app: a signed-in user with no SharePoint rights on the site still saves', async () => {
  const entra = await startLocalEntra();
  // the site knows the app (Sites.Selected write); the user's on-behalf-of token would get 403 accessDenied
  const running = await startServerOn('graph', entra.env, { permissions: { 'app-token': 'fullcontrol', 'obo-token': 'none' } });
  try {
    const res = await running.server.api('/api/entries', {
      method: 'POST',
      headers: { Authorization: `Bearer ${entra.token()}` },
      json: { title: { nl: 'App schrijft' }, domain: 'ICT', status: 'proposed', kind: 'synergy', formalisation: 'agreement' },
    });
    expect(res.status).toBe(201);
    expect(new Set(running.fake!.stats.authorizations)).toEqual(new Set(['Bearer app-token']));
  } finally {
    await running.stop();
    await entra.close();
  }
});

describe.each(STORE_KINDS)('size limits on the %s store', (kind) => {
  test('a record over 63 999 characters is a 413, an indexed key over 255 a 400, and nothing is stored', async () => {
    const running = await startServerOn(kind);
    try {
      const big = {
        title: { nl: 'Groot' },
        domain: 'ICT',
        status: 'proposed',
        kind: 'synergy',
        formalisation: 'agreement',
        description: { nl: 'x'.repeat(20000), fr: 'y'.repeat(20000), en: 'z'.repeat(20000) },
        qualitativeBenefit: { nl: 'q'.repeat(4000) },
      };
      const res = await running.server.api('/api/entries', { method: 'POST', json: big });
      expect(res.status).toBe(413);
      expect((await res.json()).error.code).toBe('record_too_large');
      const long = await running.server.api('/api/entries', {
        method: 'POST',
        json: { ...big, description: {}, qualitativeBenefit: {}, focusGroupId: 'f'.repeat(300) },
      });
      expect([400]).toContain(long.status);
      expect((await (await running.server.api('/api/entries')).json()).total).toBe(0);
    } finally {
      await running.stop();
    }
  });
});
