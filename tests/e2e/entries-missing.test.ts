import { startTestServer, type TestServer } from '../support/server';

/** GET /api/entries?missing=nl|fr over HTTP: the entries a translator still has to do, paged by the server. */
describe('entries lacking a language', () => {
  let server: TestServer;
  const ids = { dutchOnly: [] as string[], frenchOnly: '', subheadingFr: '', complete: '' };

  async function json(res: Response) {
    return { status: res.status, body: (await res.json()) as any };
  }
  async function post(body: Record<string, unknown>): Promise<string> {
    const res = await json(
      await server.api('/api/entries', {
        method: 'POST',
        json: { domain: 'ICT', status: 'existing', kind: 'synergy', formalisation: 'informal_exchange', ...body },
      }),
    );
    expect(res.status).toBe(201);
    return res.body.id;
  }

  beforeAll(async () => {
    server = await startTestServer({ demoData: false });
    for (let i = 1; i <= 23; i++) ids.dutchOnly.push(await post({ title: { nl: `Gedeelde dienst ${i}` }, domain: i % 2 ? 'ICT' : 'FIN' }));
    ids.frenchOnly = await post({ title: { fr: 'Service juridique commun' } });
    ids.subheadingFr = await post({ title: { nl: 'Gedeelde archivaris', fr: 'Archiviste partagé' }, subheading: { fr: 'Archives' } });
    ids.complete = await post({ title: { nl: 'Gezamenlijke aankoop', fr: 'Achat commun' }, qualitativeBenefit: { nl: 'Goedkoper', fr: 'Moins cher' } });
  });
  afterAll(async () => server?.stop());

  it('keeps only the entries with a text in the other language and none in this one, counted and paged', async () => {
    const all = await json(await server.api('/api/entries?limit=1'));
    expect(all.body.total).toBe(26);

    const first = await json(await server.api('/api/entries?missing=fr&offset=0&limit=20'));
    expect(first.status).toBe(200);
    expect(Object.keys(first.body).sort()).toEqual(['countsByDomain', 'countsByStatus', 'items', 'offset', 'total']);
    expect(first.body.total).toBe(23);
    expect(first.body.items).toHaveLength(20);
    expect(first.body.countsByDomain).toEqual({ ICT: 12, FIN: 11 });
    const second = await json(await server.api('/api/entries?missing=fr&offset=20&limit=20'));
    expect(second.body).toMatchObject({ total: 23, offset: 20 });
    expect([...first.body.items, ...second.body.items].map((e: any) => e.id).sort()).toEqual([...ids.dutchOnly].sort());

    const dutch = await json(await server.api('/api/entries?missing=nl'));
    expect(dutch.body.total).toBe(2);
    expect(dutch.body.items.map((e: any) => e.id).sort()).toEqual([ids.frenchOnly, ids.subheadingFr].sort());
  });

  it('combines with the other filters, and an entry leaves the list once translated', async () => {
    expect((await json(await server.api('/api/entries?missing=fr&domain=FIN'))).body.total).toBe(11);
    const entry = (await json(await server.api(`/api/entries/${ids.frenchOnly}`))).body;
    const patched = await server.api(`/api/entries/${ids.frenchOnly}`, {
      method: 'PATCH',
      json: { title: { fr: entry.title.fr, nl: 'Gedeelde juridische dienst' } },
      headers: { 'If-Match': entry.etag },
    });
    expect(patched.status).toBe(200);
    expect((await json(await server.api('/api/entries?missing=nl'))).body.items.map((e: any) => e.id)).toEqual([ids.subheadingFr]);
  });

  it('answers 400 naming the field and the reason for a language the annex does not print', async () => {
    const res = await json(await server.api('/api/entries?missing=de'));
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toHaveLength(1);
    expect(res.body.error.issues[0]).toMatchObject({ field: 'missing' });
    expect(res.body.error.issues[0].reason).toMatch(/nl.*fr|fr.*nl/);
  });

  it('is documented in the OpenAPI list of GET /api/entries', async () => {
    const doc = (await json(await server.api('/api/openapi.json'))).body;
    const param = doc.paths['/api/entries'].get.parameters.find((p: any) => p.name === 'missing');
    expect(param).toMatchObject({ in: 'query', schema: { enum: ['nl', 'fr'] } });
    expect(param.description ?? param.schema.description).toMatch(/qualitativeBenefit/);
  });
});
