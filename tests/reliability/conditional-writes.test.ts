import { STORE_KINDS, type ServerOnStore, startServerOn } from './both-stores';
import { entryInput } from '../support/builders';

/**
 * "An acknowledged write is never lost or silently overwritten", on both stores, over HTTP: concurrent
 * decisions all land, a decision racing an edit keeps both, concurrent PATCHes with the eTag they read get
 * exactly one 200 and 409s (never a silent overwrite), and PATCH/DELETE without If-Match get 428.
 */
const newEntry = (title: string) => entryInput(title);
const decision = (n: number) => ({ body: 'college', date: '2026-03-01', text: { nl: `Beslissing ${n}` }, outcome: 'approved' });

describe.each(STORE_KINDS)('conditional writes on the %s store', (kind) => {
  let running: ServerOnStore;
  const api = (...args: Parameters<ServerOnStore['server']['api']>) => running.server.api(...args);
  const create = async (title: string) => (await (await api('/api/entries', { method: 'POST', json: newEntry(title) })).json()) as { id: string; etag: string };

  beforeAll(async () => {
    running = await startServerOn(kind);
  });
  afterAll(async () => running?.stop());

  test('20 concurrent decisions on one entry: all 20 recorded, each once in the history', async () => {
    const { id } = await create('Twintig beslissingen');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, n) => api(`/api/entries/${id}/decisions`, { method: 'POST', json: decision(n) })));
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(201));
    const stored = await (await api(`/api/entries/${id}`)).json();
    expect(stored.decisions.map((d: { text: { nl: string } }) => d.text.nl).sort()).toEqual(Array.from({ length: 20 }, (_, n) => `Beslissing ${n}`).sort());
    const history = await (await api(`/api/entries/${id}/history`)).json();
    expect(history.items.filter((e: { kind: string }) => e.kind === 'decision_recorded')).toHaveLength(20);
  });

  test('a decision racing an edit: both survive', async () => {
    const { id, etag } = await create('Race');
    const [edit, decided] = await Promise.all([
      api(`/api/entries/${id}`, { method: 'PATCH', headers: { 'If-Match': etag }, json: { status: 'decided' } }),
      api(`/api/entries/${id}/decisions`, { method: 'POST', json: decision(1) }),
    ]);
    expect(decided.status).toBe(201);
    const stored = await (await api(`/api/entries/${id}`)).json();
    expect(stored.decisions).toHaveLength(1);
    // the edit either landed (and is kept) or was told it lost (409): never acknowledged and then overwritten
    if (edit.status === 200) expect(stored.status).toBe('decided');
    else expect(edit.status).toBe(409);
  });

  test('20 writers PATCH with the eTag they read: one 200, nineteen 409 carrying the current version, no silent loss', async () => {
    const { id, etag } = await create('Twintig schrijvers');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, n) => api(`/api/entries/${id}`, { method: 'PATCH', headers: { 'If-Match': etag }, json: { source: `writer ${n}` } })),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const winner = await answers[statuses.indexOf(200)].json();
    expect((await (await api(`/api/entries/${id}`)).json()).source).toBe(winner.source);
    const loser = await answers[statuses.indexOf(409)].json();
    expect(loser.current.source).toBe(winner.source);
  });

  test('PATCH and DELETE without If-Match get 428 and change nothing', async () => {
    const { id } = await create('Zonder eTag');
    for (const method of ['PATCH', 'DELETE']) {
      const res = await api(`/api/entries/${id}`, { method, json: { status: 'stopped' } });
      expect(res.status).toBe(428);
      expect((await res.json()).error.code).toBe('precondition_required');
    }
    for (const path of ['/api/actions/1', '/api/focus-groups/1', '/api/meetings/1', '/api/reports/1']) {
      expect((await api(path, { method: 'PATCH', json: {} })).status).toBe(428);
    }
    expect((await (await api(`/api/entries/${id}`)).json()).status).toBe('proposed');
  });

  test('DELETE with a stale eTag is a 409; with the current one it deletes', async () => {
    const { id, etag } = await create('Weg ermee');
    await api(`/api/entries/${id}`, { method: 'PATCH', headers: { 'If-Match': etag }, json: { status: 'decided' } });
    expect((await api(`/api/entries/${id}`, { method: 'DELETE', headers: { 'If-Match': etag } })).status).toBe(409);
    const current = await (await api(`/api/entries/${id}`)).json();
    expect((await api(`/api/entries/${id}`, { method: 'DELETE', headers: { 'If-Match': current.etag } })).status).toBe(204);
    expect((await api(`/api/entries/${id}`)).status).toBe(404);
  });

  test('the history of an entry edited through the API reads back (the caller object is never stored in it)', async () => {
    const { id, etag } = await create('Geschiedenis');
    await api(`/api/entries/${id}`, { method: 'PATCH', headers: { 'If-Match': etag }, json: { status: 'decided' } });
    const res = await api(`/api/entries/${id}/history`);
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items.map((e: { kind: string }) => e.kind)).toEqual(['created', 'status_changed']);
    expect(Object.keys(items[1].by).sort()).toEqual(['email', 'id', 'name']);
  });
});
