import { STORE_KINDS, type ServerOnStore, startServerOn } from '../reliability/both-stores';
import { entryInput } from '../support/builders';

/**
 * Restore over HTTP on both stores: an entry's versions from its history, one restored as a new version (with
 * the version the person saw), a deleted entry restored within 30 days under a new id, once.
 */
const newEntry = (title: string) => entryInput(title);

describe.each(STORE_KINDS)('restore on the %s store', (kind) => {
  let running: ServerOnStore;
  const api = (...args: Parameters<ServerOnStore['server']['api']>) => running.server.api(...args);
  const json = async (res: Response) => ({ status: res.status, body: res.status === 204 ? undefined : await res.json() });

  beforeAll(async () => {
    running = await startServerOn(kind);
  });
  afterAll(async () => running?.stop());

  test('versions with what changed; version 1 restored as a new version; If-Match required and checked', async () => {
    const created = (await json(await api('/api/entries', { method: 'POST', json: newEntry('Servers delen') }))).body;
    const edited = (
      await json(
        await api(`/api/entries/${created.id}`, {
          method: 'PATCH',
          headers: { 'If-Match': created.etag },
          json: { title: { nl: 'Serverpark delen' }, status: 'decided' },
        }),
      )
    ).body;
    await api(`/api/entries/${created.id}/decisions`, {
      method: 'POST',
      json: { body: 'college', date: '2026-03-01', text: { nl: 'Akkoord' }, outcome: 'approved' },
    });
    const current = (await json(await api(`/api/entries/${created.id}`))).body;

    const { status, body } = await json(await api(`/api/entries/${created.id}/versions`));
    expect(status).toBe(200);
    expect(body.items.map((v: { number: number; kind: string; current: boolean }) => [v.number, v.kind, v.current])).toEqual([
      [1, 'created', false],
      [2, 'status_changed', false],
      [3, 'decision_recorded', true],
    ]);
    expect(body.items[1].changes).toEqual(
      expect.arrayContaining([
        { field: 'title', from: { nl: 'Servers delen' }, to: { nl: 'Serverpark delen' } },
        { field: 'status', from: 'proposed', to: 'decided' },
      ]),
    );
    const first = body.items[0];
    expect(first.value).toMatchObject({ title: { nl: 'Servers delen' }, status: 'proposed' });

    const restorePath = `/api/entries/${created.id}/versions/${first.eventId}/restore`;
    expect((await api(restorePath, { method: 'POST' })).status).toBe(428);
    const stale = await json(await api(restorePath, { method: 'POST', headers: { 'If-Match': edited.etag } }));
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ etag: current.etag });

    const restored = await json(await api(restorePath, { method: 'POST', headers: { 'If-Match': current.etag } }));
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: created.id, title: { nl: 'Servers delen' }, status: 'proposed' });
    expect(restored.body.decisions).toHaveLength(1);
    const history = (await json(await api(`/api/entries/${created.id}/history`))).body.items;
    expect(history.at(-1)).toMatchObject({ kind: 'restored', restoredFrom: { entryId: created.id, eventId: first.eventId }, by: { name: expect.any(String) } });
    expect(
      (await json(await api(`/api/entries/${created.id}/versions/424242/restore`, { method: 'POST', headers: { 'If-Match': restored.body.etag } }))).status,
    ).toBe(404);
  });

  test('a deleted entry: listed for 30 days, restored once under a new id with its actions, history continued', async () => {
    const created = (await json(await api('/api/entries', { method: 'POST', json: newEntry('Gedeelde onthaalbalie') }))).body;
    const action = (await json(await api('/api/actions', { method: 'POST', json: { entryId: created.id, title: 'Plan opmaken', owner: { name: 'Sarah' } } })))
      .body;
    expect((await api(`/api/entries/${created.id}`, { method: 'DELETE', headers: { 'If-Match': created.etag } })).status).toBe(204);
    expect((await api(`/api/entries/${created.id}`)).status).toBe(404);

    const deleted = (await json(await api('/api/deleted-entries'))).body;
    expect(deleted.restoreDays).toBe(30);
    expect(deleted.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: created.id,
          title: { nl: 'Gedeelde onthaalbalie' },
          domain: 'ICT',
          deletedBy: expect.objectContaining({ name: expect.any(String) }),
        }),
      ]),
    );

    const first = await json(await api(`/api/entries/${created.id}/restore`, { method: 'POST' }));
    expect(first.status).toBe(201);
    expect(first.body.id).not.toBe(created.id);
    expect(first.body).toMatchObject({ title: { nl: 'Gedeelde onthaalbalie' }, status: 'proposed' });
    const again = await json(await api(`/api/entries/${created.id}/restore`, { method: 'POST' }));
    expect(again).toMatchObject({ status: 200, body: { id: first.body.id } });

    expect((await json(await api(`/api/actions/${action.id}`))).body.entryId).toBe(first.body.id);
    const history = (await json(await api(`/api/entries/${first.body.id}/history`))).body.items;
    expect(history.map((e: { kind: string }) => e.kind)).toEqual(['created', 'deleted', 'restored', 'restored']);
    expect((await json(await api('/api/deleted-entries'))).body.items.map((d: { id: string }) => d.id)).not.toContain(created.id);
    expect((await json(await api(`/api/entries/${first.body.id}/restore`, { method: 'POST' }))).body.error.code).toBe('not_deleted');
  });

  test('a deletion older than 30 days: 410 with the reason, not listed', async () => {
    const created = (await json(await api('/api/entries', { method: 'POST', json: newEntry('Vergeten') }))).body;
    await api(`/api/entries/${created.id}`, { method: 'DELETE', headers: { 'If-Match': created.etag } });
    // the deletion as it would read 31 days later: its event dated back
    const { history } = running.server.register.store;
    const [deletion] = (await history.list({ field: 'entryId', equals: created.id }, { fresh: true })).filter((e) => e.kind === 'deleted');
    const { id: _id, etag, ...value } = deletion;
    await history.update(deletion.id, { ...value, at: new Date(Date.now() - 31 * 24 * 3600 * 1000).toISOString() }, etag);

    const gone = await json(await api(`/api/entries/${created.id}/restore`, { method: 'POST', headers: { 'Accept-Language': 'fr' } }));
    expect(gone.status).toBe(410);
    expect(gone.body.error).toMatchObject({ code: 'restore_expired', days: 30 });
    expect((await json(await api('/api/deleted-entries'))).body.items.map((d: { id: string }) => d.id)).not.toContain(created.id);
    expect((await api('/api/entries/424242/restore', { method: 'POST' })).status).toBe(404);
  });
});
