import { serverStore } from '../../src/server/store';
import type { TokenSource } from '../../src/store/graph';
import { startGraphFake, type GraphFake } from '../fakes/graph-fake';
import { startTestServer, type TestServer } from '../support/server';

/**
 * The same JSON API, end to end over HTTP, with the register in SharePoint lists: the real server, the real
 * Graph client and the store factory as `npm start` wires them, against the local Graph fake.
 */
describe('register API over HTTP on the SharePoint (Graph) store', () => {
  let fake: GraphFake;
  let server: TestServer;
  const tokens: TokenSource = { appOnly: async () => 'app-token', onBehalfOf: async () => 'obo-token' };

  beforeAll(async () => {
    fake = await startGraphFake({ batchOrder: 'random' });
    server = await startTestServer({
      env: {
        STORE: 'graph',
        GRAPH_BASE_URL: fake.url,
        GRAPH_SITE_ID: fake.siteId,
        GRAPH_PAGE_SIZE: '50',
        TENANT_ID: '11111111-1111-1111-1111-111111111111',
        CLIENT_ID: '22222222-2222-2222-2222-222222222222',
        CLIENT_SECRET: 'not-a-real-secret',
      },
      store: (config) => serverStore(config, { tokenSource: tokens }),
    });
  });
  afterAll(async () => {
    await server.stop();
    await fake.close();
  });

  const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as any });

  it('provisioned its lists and loaded the demo register into them with batches', async () => {
    expect(fake.listNames()).toEqual(expect.arrayContaining(['SynergyRegisterEntries', 'SynergyRegisterActions', 'SynergyRegisterVotes']));
    expect(fake.itemCount('SynergyRegisterEntries')).toBe(131);
    const all = await json(await server.api('/api/entries'));
    expect(all.body.total).toBe(131);
    expect(fake.stats.authorizations.every((a) => a === 'Bearer app-token')).toBe(true);
    expect(fake.stats.userAgents[0]).toMatch(/^NONISV\|SynergyRegister\|SynergyRegister\//);
  });

  it('creates, edits with the eTag and answers 409 with the current version on a stale one', async () => {
    const created = await json(
      await server.api('/api/entries', {
        method: 'POST',
        json: { title: { nl: `Gedeelde "helpdesk" van O'Brien <b>` }, domain: 'ICT', status: 'proposed', kind: 'synergy', formalisation: 'agreement' },
      }),
    );
    expect(created.status).toBe(201);
    const first = await json(
      await server.api(`/api/entries/${created.body.id}`, { method: 'PATCH', json: { status: 'decided' }, headers: { 'If-Match': created.body.etag } }),
    );
    expect(first.status).toBe(200);
    const stale = await json(
      await server.api(`/api/entries/${created.body.id}`, { method: 'PATCH', json: { status: 'stopped' }, headers: { 'If-Match': created.body.etag } }),
    );
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ status: 'decided', title: { nl: `Gedeelde "helpdesk" van O'Brien <b>` } });
  });

  it('retries a throttled write and loses nothing', async () => {
    fake.throttleNext(1, 1);
    const res = await json(
      await server.api('/api/actions', { method: 'POST', json: { title: 'Na throttling', owner: { name: 'Focusgroep IT' }, dueDate: '2027-02-28' } }),
    );
    expect(res.status).toBe(201);
    expect(fake.stats.throttled).toBeGreaterThan(0);
    const open = (await json(await server.api('/api/actions?open'))).body.items;
    expect(open.filter((a: any) => a.title === 'Na throttling')).toHaveLength(1);
  });

  it('keeps user text out of OData filters', async () => {
    const res = await json(await server.api(`/api/entries?focusGroupId=${encodeURIComponent("1' or 1 eq 1")}`));
    expect(res).toMatchObject({ status: 200, body: { total: 0 } });
  });

  it('turns a Graph error that cannot be retried into a clear message, not a stack trace', async () => {
    fake.failNext(1, 403, 'accessDenied', 'Access denied');
    const res = await json(await server.api('/api/focus-groups'));
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('store_unavailable');
    expect(res.body.error.message).toMatch(/403 accessDenied/);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
  });
});
