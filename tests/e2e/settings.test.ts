import { buildReport, CORPUS } from '../fixtures/import-corpus';
import { startTestServer, type TestServer } from '../support/server';

/** The commune's settings over HTTP: proposed by the server until saved, saved in the register, used by the annex and set by a first import. */

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demoData: false, env: { MUNICIPALITY_NL: 'Demostad', MUNICIPALITY_FR: 'Ville démo' } });
});
afterAll(() => server.close());

test('until saved, the settings are the server’s proposal; once saved, the annex names the register’s commune', async () => {
  const first = (await (await server.api('/api/settings')).json()) as { configured: boolean; municipality: Record<string, string>; etag: string | null };
  expect(first).toMatchObject({
    configured: false,
    firstRun: true,
    etag: null,
    municipality: { nl: 'Demostad', fr: 'Ville démo' },
    bodyKind: 'municipality',
    region: 'brussels',
    languages: ['nl', 'fr'],
  });

  const saved = await server.api('/api/settings', {
    method: 'PUT',
    json: {
      municipality: { nl: 'Hoogdonk', fr: 'Hautdonc' },
      bodyKind: 'city',
      ocmwName: { nl: 'OCMW van de Stad Hoogdonk' },
      region: 'brussels',
      languages: ['nl', 'fr'],
    },
  });
  expect(saved.status).toBe(200);
  const settings = (await saved.json()) as { configured: boolean; etag: string };
  expect(settings).toMatchObject({ configured: true, bodyKind: 'city' });

  // a year without a template of its own: the annex names the register's commune, not the server's
  const annex = (await (await server.api('/api/annex?year=2031&lang=fr')).json()) as { meta: { municipality: string } };
  expect(annex.meta.municipality).toBe('Hautdonc');

  // a stale version is refused; the current one is accepted
  const stale = await server.api('/api/settings', { method: 'PUT', headers: { 'if-match': '"0.0"' }, json: { municipality: { nl: 'X' }, languages: ['nl'] } });
  expect(stale.status).toBe(409);
  const current = await server.api('/api/settings', {
    method: 'PUT',
    headers: { 'if-match': settings.etag },
    json: { municipality: { nl: 'Hoogdonk' }, bodyKind: 'city', region: 'brussels', languages: ['nl'] },
  });
  expect(current.status).toBe(200);
});

test('bad settings are refused with 400 naming the field', async () => {
  const res = await server.api('/api/settings', { method: 'PUT', json: { municipality: { nl: 'Hoogdonk' }, bodyKind: 'village', languages: [] } });
  expect(res.status).toBe(400);
  const fields = ((await res.json()) as { error: { issues: Array<{ field: string }> } }).error.issues.map((i) => i.field);
  expect(fields).toEqual(expect.arrayContaining(['bodyKind', 'languages']));
});

test('OpenAPI documents GET and PUT /api/settings with the settings’ fields', async () => {
  const doc = (await (await server.api('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
    components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
  };
  expect(Object.keys(doc.paths['/api/settings'] ?? doc.paths['/settings'] ?? {})).toEqual(expect.arrayContaining(['get', 'put']));
  const input = doc.components.schemas.CommuneSettingsInput;
  expect(Object.keys(input.properties)).toEqual(expect.arrayContaining(['municipality', 'bodyKind', 'ocmwName', 'region', 'languages']));
  expect(input.required).toContain('municipality');
});

test('a first import into a register without settings of its own sets them from the report', async () => {
  const fresh = await startTestServer({ demoData: false });
  try {
    const report = CORPUS.find((r) => r.id === 'fr-wallonia')!;
    const up = await fresh.api('/api/import?name=rapport.docx', {
      method: 'POST',
      body: new Uint8Array(await buildReport(report)),
      headers: { 'content-type': DOCX },
    });
    const { proposal } = (await up.json()) as { proposal: unknown };
    expect((await fresh.api('/api/import/confirm', { method: 'POST', json: proposal })).status).toBe(201);
    const settings = (await (await fresh.api('/api/settings')).json()) as Record<string, unknown>;
    expect(settings).toMatchObject({
      configured: true,
      municipality: { fr: 'Fontenoy-la-Roche' },
      region: 'wallonia',
      bodyKind: 'municipality',
      languages: ['fr'],
    });
  } finally {
    await fresh.close();
  }
});
