import { currentDeadline, runWithRequestContext } from '../../src/host/request-context';
import { StoreUnavailableError } from '../../src/store/errors';
import type { RegisterStore } from '../../src/store/store';
import { type GraphFake, startGraphFake } from '../fakes/graph-fake';
import { openGraphStoreOnFake } from '../fakes/graph/store-on-fake';
import { type ServerOnStore, startServerOn } from './both-stores';
import { entryInput } from '../support/builders';

/**
 * A Graph call SharePoint never answers is cut: while a person waits, when the request's ~10 s budget is spent
 * (a clear 503, not a request hanging until Teams gives up), and otherwise after the background limit. A write
 * whose answer was lost is not lost or applied twice: sent again, it is checked against the stored version.
 */
describe('over HTTP (the API request budget)', () => {
  let running: ServerOnStore;
  beforeAll(async () => {
    running = await startServerOn('graph');
  });
  afterAll(async () => running?.stop());

  const newEntry = entryInput('Hangt niet');

  test('a read SharePoint never answers: 503 with a clear message within the budget; the call was given up', async () => {
    const created = await (await running.server.api('/api/entries', { method: 'POST', json: newEntry })).json();
    const fake = running.fake!;
    fake.resetStats();
    fake.hangNext(1, { kind: 'item.get', list: 'SynergyRegisterEntries' });
    const res = await running.server.api(`/api/entries/${created.id}`);
    // the budget itself is the request context's (an injected deadline, tested on the store below): here only the answer
    expect(res.status).toBe(503);
    expect((await res.json()).error.message).toMatch(/SharePoint did not answer within 10 s.*try again/);
    await waitFor(() => fake.stats.abandoned === 1);
    expect(fake.stats.hung).toBe(1);
    // the next request is served as usual
    expect((await running.server.api(`/api/entries/${created.id}`)).status).toBe(200);
  }, 30_000);
});

describe('on the store (fake clock-free budgets)', () => {
  let fake: GraphFake;
  let store: RegisterStore;
  beforeAll(async () => {
    fake = await startGraphFake({ batchOrder: 'request' });
    store = await openGraphStoreOnFake(fake, { backgroundCallMs: 1_500, deadline: currentDeadline });
  });
  afterAll(async () => fake?.close());

  const entry = (title: string) =>
    ({
      title: { nl: title },
      domain: 'ICT',
      status: 'proposed',
      kind: 'synergy',
      formalisation: 'agreement',
      parties: [],
      decisions: [],
      mentions: [],
    }) as never;
  const within = (ms: number, run: () => Promise<unknown>) => runWithRequestContext({ deadline: Date.now() + ms }, run);

  test('inside a request: cut at its deadline, whatever the background limit', async () => {
    fake.hangNext(1, { kind: 'items.list' });
    const error = await within(400, () => store.entries.list()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    // 0.4 s is what was left of the request, not how long SharePoint is allowed: the message says so
    expect((error as Error).message).toMatch(/This request used up its time waiting for SharePoint \(its last call had 0\.4 s left\)/);
  });

  test('no person waiting (start-up, the bot): cut after the background limit', async () => {
    fake.hangNext(1, { kind: 'items.list' });
    await expect(store.entries.list()).rejects.toThrow(/did not answer within 2 s; the call was stopped/);
  });

  test('a budget already spent sends nothing that could hang', async () => {
    const before = fake.stats.requests;
    await expect(within(0, () => store.entries.get('1'))).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(fake.stats.requests - before).toBeLessThanOrEqual(1);
  });

  test('an edit applied by SharePoint whose answer never came: sent again with the same version, it is refused, not applied twice', async () => {
    const created = await store.entries.create(entry('Eerste titel'));
    const { id, etag, ...value } = created;
    fake.hangNext(1, { kind: 'item.update' }, { applied: true });
    await expect(within(500, () => store.entries.update(id, { ...value, title: { nl: 'Tweede titel' } } as never, etag))).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    // the person tries again with the version they saw: the store says it changed (409 in the API), and shows it
    const again = await store.entries.update(id, { ...value, title: { nl: 'Tweede titel' } } as never, etag).catch((e: unknown) => e);
    expect((again as { current?: { title: unknown } }).current?.title).toEqual({ nl: 'Tweede titel' });
  });
});

async function waitFor(condition: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
