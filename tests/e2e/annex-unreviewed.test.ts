import { presetTemplate } from '../../src/domain/template-presets';
import { entryInput } from '../support/builders';
import { startTestServer, type TestServer } from '../support/server';

/** A template that refuses unreviewed machine translations: the Word annex is refused (409) until a person reviewed them. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demoData: false });
});
afterAll(async () => server?.stop());

async function json(res: Response) {
  return { status: res.status, body: (await res.json()) as any };
}

test('the .docx in the unreviewed language is refused with how many texts remain, in the annex’s language; reviewing or listing prints it', async () => {
  const template = await json(
    await server.api('/api/reports', {
      method: 'POST',
      json: { ...presetTemplate('molenbeek-list', { budgetYear: 2027, municipality: { nl: 'Rivelde', fr: 'Rivelde' } }), machineTranslations: 'refuse' },
    }),
  );
  expect(template.status).toBe(201);
  expect(template.body.machineTranslations).toBe('refuse');
  const entry = await json(
    await server.api('/api/entries', {
      method: 'POST',
      json: entryInput('Gedeelde dienst', {
        title: { nl: 'Gedeelde dienst', fr: 'Service partagé' },
        description: { nl: 'Een dienst', fr: 'Un service' },
        domain: 'HR',
        machineTranslated: [
          { field: 'title', language: 'fr' },
          { field: 'description', language: 'fr' },
        ],
      }),
    }),
  );
  expect(entry.status).toBe(201);

  // the model stays available: the screens list what to review
  const model = await json(await server.api('/api/annex?year=2027&lang=fr'));
  expect(model.status).toBe(200);
  expect(model.body.meta.template.machineTranslations).toBe('refuse');
  expect(model.body.meta.machineTranslated).toEqual([{ id: entry.body.id, title: 'Service partagé', fields: ['title', 'description'] }]);

  const refusedFr = await json(await server.api('/api/annex.docx?year=2027&lang=fr', { headers: { 'accept-language': 'fr-BE' } }));
  expect(refusedFr.status).toBe(409);
  expect(refusedFr.body.error).toMatchObject({ code: 'unreviewed_translations', count: 2, language: 'fr' });
  expect(refusedFr.body.error.message).toContain('2 texte(s) dans cette langue doivent encore être relus');

  // the Dutch annex has nothing machine-translated: printed
  const nl = await server.api('/api/annex.docx?year=2027&lang=nl');
  expect(nl.status).toBe(200);
  expect(nl.headers.get('content-type')).toContain('wordprocessingml');

  // a person confirms the texts: the French annex prints
  const reviewed = await json(
    await server.api(`/api/entries/${entry.body.id}`, { method: 'PATCH', headers: { 'if-match': entry.body.etag }, json: { machineTranslated: [] } }),
  );
  expect(reviewed.status).toBe(200);
  expect((await server.api('/api/annex.docx?year=2027&lang=fr')).status).toBe(200);

  // with 'list' a new unreviewed text does not stop the annex
  const again = await json(
    await server.api(`/api/entries/${entry.body.id}`, {
      method: 'PATCH',
      headers: { 'if-match': reviewed.body.etag },
      json: { machineTranslated: [{ field: 'title', language: 'fr' }] },
    }),
  );
  expect(again.status).toBe(200);
  expect((await server.api('/api/annex.docx?year=2027&lang=fr')).status).toBe(409);
  const listed = await json(
    await server.api(`/api/reports/${template.body.id}`, {
      method: 'PATCH',
      headers: { 'if-match': template.body.etag },
      json: { machineTranslations: 'list' },
    }),
  );
  expect(listed.status).toBe(200);
  expect((await server.api('/api/annex.docx?year=2027&lang=fr')).status).toBe(200);
});

test('a template with another choice is refused, naming the field', async () => {
  const res = await json(
    await server.api('/api/reports', {
      method: 'POST',
      json: { ...presetTemplate('molenbeek-list', { budgetYear: 2028, municipality: { nl: 'Rivelde', fr: 'Rivelde' } }), machineTranslations: 'hide' },
    }),
  );
  expect(res.status).toBe(400);
  expect(JSON.stringify(res.body.error.issues)).toContain('machineTranslations');
});
