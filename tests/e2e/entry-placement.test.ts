import { startTestServer, type TestServer } from '../support/server';

/** An entry's section and department must name what the year's template knows; the refusal lists what exists. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demoData: true });
});
afterAll(() => server.close());

const entry = (extra: Record<string, unknown>) => ({
  title: { nl: 'Plaatsingsproef' },
  domain: 'FIN',
  status: 'existing',
  kind: 'synergy',
  formalisation: 'informal_exchange',
  ...extra,
});

test('a section no template section answers to is refused with 400 naming the field and the sections that exist', async () => {
  const res = await server.api('/api/entries', { method: 'POST', json: entry({ section: 'Onbekende sectie' }), headers: { 'accept-language': 'nl' } });
  expect(res.status).toBe(400);
  const issue = ((await res.json()) as { error: { issues: Array<{ field: string; code: string; message: string }> } }).error.issues[0];
  expect(issue).toMatchObject({ field: 'section', code: 'unknown_section' });
  expect(issue.message).toMatch(/sjabloon 2027; bekende secties: Financiën, begroting en boekhouding · Finances, budget et comptabilité · /);
  expect((await (await server.api('/api/entries?q=Plaatsingsproef')).json()).total).toBe(0);
});

test('a section named by its title (any language, any case, with its number) or its key is accepted', async () => {
  expect((await server.api('/api/entries', { method: 'POST', json: entry({ section: '3.1 financiën, begroting en boekhouding' }) })).status).toBe(201);
  expect(
    (await server.api('/api/entries', { method: 'POST', json: entry({ title: { fr: 'Essai de placement' }, section: 'Finances, budget et comptabilité' }) }))
      .status,
  ).toBe(201);
});

test('a patch that moves an entry to an unknown section is refused too', async () => {
  const created = (await (await server.api('/api/entries', { method: 'POST', json: entry({ title: { nl: 'Tweede proef' } }) })).json()) as {
    id: string;
    etag: string;
  };
  const res = await server.api(`/api/entries/${created.id}`, { method: 'PATCH', json: { section: 'Nergens' }, headers: { 'if-match': created.etag } });
  expect(res.status).toBe(400);
});

test('OpenAPI describes the entry’s section and department, and the fields the server requires', async () => {
  const doc = (await (await server.api('/api/openapi.json')).json()) as {
    components: { schemas: Record<string, { properties: Record<string, { description?: string }>; required?: string[] }> };
  };
  const schema = doc.components.schemas.SynergyEntry;
  expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['section', 'department']));
  expect(schema.required).toEqual(expect.arrayContaining(['title', 'domain']));
});
