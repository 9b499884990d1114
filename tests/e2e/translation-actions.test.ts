import { startTranslatorFake, translatorEnv, type TranslatorFake } from '../fakes/translator-fake';
import { startTestServer, type TestServer } from '../support/server';
import { presetTemplate } from '../../src/domain/template-presets';

/** An action's title or a template's fixed text missing its other language: suggested over HTTP (Translator fake), accepted with an ordinary edit. */

let server: TestServer;
let fake: TranslatorFake;
beforeAll(async () => {
  fake = await startTranslatorFake();
  server = await startTestServer({ demoData: false, env: translatorEnv(fake) });
});
afterAll(async () => {
  await server?.stop();
  await fake?.close();
});

async function json(res: Response) {
  return { status: res.status, body: (await res.json()) as any };
}

test('POST /api/translations/suggest answers a suggestion for an action’s title; the PATCH that accepts it keeps the machine mark', async () => {
  const created = await json(
    await server.api('/api/actions', { method: 'POST', json: { title: 'Offerte vragen aan het OCMW', language: 'nl', owner: { name: 'An Peeters' } } }),
  );
  expect(created.status).toBe(201);
  const answer = await json(
    await server.api('/api/translations/suggest', { method: 'POST', json: { from: 'nl', to: 'fr', texts: [{ actionId: created.body.id, field: 'title' }] } }),
  );
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({
    requests: 1,
    skipped: [],
    suggestions: [{ actionId: created.body.id, field: 'title', source: 'Offerte vragen aan het OCMW' }],
  });
  const text: string = answer.body.suggestions[0].text;
  expect(text).toContain('CPAS');
  expect(fake.requests.at(-1)?.texts).toEqual(['Offerte vragen aan het <mstrans:dictionary translation="CPAS">OCMW</mstrans:dictionary>']);

  const accepted = await json(
    await server.api(`/api/actions/${created.body.id}`, {
      method: 'PATCH',
      headers: { 'if-match': created.body.etag },
      json: { titleTranslations: { fr: text }, titleMachineTranslated: ['fr'] },
    }),
  );
  expect(accepted.status).toBe(200);
  expect(accepted.body).toMatchObject({ title: 'Offerte vragen aan het OCMW', titleTranslations: { fr: text }, titleMachineTranslated: ['fr'] });
  const reviewed = await json(
    await server.api(`/api/actions/${created.body.id}`, {
      method: 'PATCH',
      headers: { 'if-match': accepted.body.etag },
      json: { titleTranslations: { fr: 'Demander un devis au CPAS' }, titleMachineTranslated: [] },
    }),
  );
  expect(reviewed.body).toMatchObject({ titleTranslations: { fr: 'Demander un devis au CPAS' }, titleMachineTranslated: [] });
});

test('bad action texts are a 400 naming the field; an unknown action is skipped', async () => {
  const bad = await json(
    await server.api('/api/translations/suggest', { method: 'POST', json: { from: 'nl', to: 'fr', texts: [{ actionId: 'x', field: 'owner' }] } }),
  );
  expect(bad.status).toBe(400);
  expect(JSON.stringify(bad.body.error.issues)).toContain('texts');
  const badMark = await json(
    await server.api('/api/actions', { method: 'POST', json: { title: 'Iets', owner: { name: 'An' }, titleMachineTranslated: ['de'] } }),
  );
  expect(badMark.status).toBe(400);
  expect(JSON.stringify(badMark.body.error.issues)).toContain('titleMachineTranslated');
  const unknown = await json(
    await server.api('/api/translations/suggest', { method: 'POST', json: { from: 'nl', to: 'fr', texts: [{ actionId: 'nope', field: 'title' }] } }),
  );
  expect(unknown.body).toMatchObject({ suggestions: [], skipped: [{ actionId: 'nope', field: 'title', reason: 'not_found' }] });
});

test("a template's introduction gets a suggestion over HTTP from its saved text; a fixed text outside the list is a 400", async () => {
  const created = await json(
    await server.api('/api/reports', {
      method: 'POST',
      json: {
        ...presetTemplate('molenbeek-list', { budgetYear: 2029, municipality: { nl: 'Rivelde', fr: 'Rivelde' } }),
        introText: { nl: 'Het Overlegcomité vergaderde.' },
      },
    }),
  );
  expect(created.status).toBe(201);
  const answer = await json(
    await server.api('/api/translations/suggest', {
      method: 'POST',
      json: { from: 'nl', to: 'fr', texts: [{ templateId: created.body.id, field: 'introText' }] },
    }),
  );
  expect(answer.status).toBe(200);
  expect(answer.body.suggestions).toEqual([
    { templateId: created.body.id, field: 'introText', source: 'Het Overlegcomité vergaderde.', text: expect.stringContaining('Comité de concertation') },
  ]);
  const bad = await json(
    await server.api('/api/translations/suggest', {
      method: 'POST',
      json: { from: 'nl', to: 'fr', texts: [{ templateId: created.body.id, field: 'blocks' }] },
    }),
  );
  expect(bad.status).toBe(400);
});
