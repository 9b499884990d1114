import { type GraphFake, startGraphFake } from '../fakes/graph-fake';

/** The fake must hold to Graph's documented behaviour, or the store tests prove nothing. */
describe('Graph fake', () => {
  let fake: GraphFake;
  let itemsUrl: string;
  const auth = { Authorization: 'Bearer t', 'Content-Type': 'application/json' };

  async function call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(url, { method, headers: { ...auth, ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  beforeEach(async () => {
    fake = await startGraphFake({ batchOrder: 'reverse' });
    const list = await call('POST', `${fake.url}/sites/${fake.siteId}/lists`, {
      displayName: 'Books',
      columns: [
        { name: 'Author', text: {}, indexed: true },
        { name: 'Isbn', text: {}, indexed: true, enforceUniqueValues: true },
        { name: 'Notes', text: {} },
      ],
      list: { template: 'genericList' },
    });
    expect(list.status).toBe(201);
    itemsUrl = `${fake.url}/sites/${fake.siteId}/lists/${list.body.id}/items`;
  });
  afterEach(() => fake.close());

  test('requests without a bearer token get 401 with a Graph error body', async () => {
    const response = await fetch(itemsUrl);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: { code: 'InvalidAuthenticationToken', innerError: { 'request-id': expect.any(String), date: expect.any(String) } },
    });
  });

  test('filters on a non-indexed column are refused unless the Prefer header is sent', async () => {
    await call('POST', itemsUrl, { fields: { Title: 'a', Notes: "it's" } });
    const refused = await call('GET', `${itemsUrl}?$filter=${encodeURIComponent("fields/Notes eq 'it''s'")}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(
      /^Field 'Notes' cannot be referenced in filter or orderby as it is not indexed\. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header/,
    );
    const allowed = await call('GET', `${itemsUrl}?$expand=fields&$filter=${encodeURIComponent("fields/Notes eq 'it''s'")}`, undefined, {
      Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly',
    });
    expect(allowed.body.value.map((i: { fields: { Notes: string } }) => i.fields.Notes)).toEqual(["it's"]);
  });

  test('eTags change on each write; a stale If-Match gets 412; unique columns 409', async () => {
    const created = await call('POST', itemsUrl, { fields: { Title: 'a', Isbn: 'X-1' } });
    const patched = await call('PATCH', `${itemsUrl}/${created.body.id}/fields`, { Author: 'B' }, { 'If-Match': created.body.eTag });
    expect(patched.status).toBe(200);
    expect(patched.body['@odata.etag']).not.toBe(created.body.eTag);
    const stale = await call('PATCH', `${itemsUrl}/${created.body.id}/fields`, { Author: 'C' }, { 'If-Match': created.body.eTag });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('resourceModified');
    expect((await call('POST', itemsUrl, { fields: { Title: 'b', Isbn: 'x-1' } })).status).toBe(409);
    expect((await call('DELETE', `${itemsUrl}/${created.body.id}`, undefined, { 'If-Match': created.body.eTag })).status).toBe(412);
    expect((await call('DELETE', `${itemsUrl}/${created.body.id}`)).status).toBe(204);
    expect((await call('GET', `${itemsUrl}/${created.body.id}`)).status).toBe(404);
  });

  test('$batch: at most 20 requests, relative URLs without the version, answers in another order', async () => {
    const path = new URL(itemsUrl).pathname.replace('/v1.0', '');
    const step = (id: number, url = path) => ({
      id: String(id),
      method: 'POST',
      url,
      headers: { 'Content-Type': 'application/json' },
      body: { fields: { Title: `t${id}` } },
    });
    const tooMany = await call('POST', `${fake.url}/$batch`, { requests: Array.from({ length: 21 }, (_, i) => step(i + 1)) });
    expect(tooMany.status).toBe(400);
    const ok = await call('POST', `${fake.url}/$batch`, { requests: [step(1), step(2), step(3, `/v1.0${path}`)] });
    expect(ok.status).toBe(200);
    expect(ok.body.responses.map((r: { id: string }) => r.id)).toEqual(['3', '2', '1']);
    expect(ok.body.responses.map((r: { status: number }) => r.status)).toEqual([400, 201, 201]);
    expect(ok.body.responses[1].headers['Content-Type']).toBe('application/json');
    expect(fake.stats.innerByKind['item.create']).toBe(2);
  });

  test('throttling on demand carries Retry-After, for requests and for batch items', async () => {
    fake.throttleNext(1, 7);
    const throttled = await call('GET', itemsUrl);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('Retry-After')).toBe('7');
    fake.throttleNext(1, 3, { target: 'batchItem' });
    const path = new URL(itemsUrl).pathname.replace('/v1.0', '');
    const batch = await call('POST', `${fake.url}/$batch`, { requests: [{ id: '1', method: 'GET', url: path }] });
    expect(batch.body.responses[0]).toMatchObject({ status: 429, headers: { 'Retry-After': '3' } });
  });
});
