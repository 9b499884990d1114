import { startTranslatorFake, translatorEnv, type TranslatorFake } from '../fakes/translator-fake';
import { entryInput } from '../support/builders';
import { startTestServer, type TestServer } from '../support/server';

async function json(res: Response) {
  return { status: res.status, body: (await res.json()) as any };
}

describe('translation suggestions without a configured service', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demoData: false });
  });
  afterAll(async () => server?.stop());

  it('says they are unavailable and asks nothing of anyone', async () => {
    const settings = await json(await server.api('/api/translations/settings'));
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({ available: false, region: null, charactersUsed: 0 });
    const entry = await json(await server.api('/api/entries', { method: 'POST', json: entryInput('Gezamenlijke aankoop') }));
    const suggest = await json(
      await server.api('/api/translations/suggest', { method: 'POST', json: { from: 'nl', to: 'fr', texts: [{ entryId: entry.body.id, field: 'title' }] } }),
    );
    expect(suggest.status).toBe(503);
    expect(suggest.body.error.code).toBe('translation_unavailable');
  });
});

describe('translation suggestions from Azure AI Translator (local fake of its REST contract)', () => {
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
  beforeEach(() => fake.requests.splice(0));

  const create = async (extra: Record<string, unknown>) =>
    (await json(await server.api('/api/entries', { method: 'POST', json: entryInput('x', extra) }))).body;
  const suggest = (body: unknown) => server.api('/api/translations/suggest', { method: 'POST', json: body }).then(json);

  it('answers suggestions with the glossary applied, saves nothing, and never sends a confidential text', async () => {
    const entry = await create({
      title: { nl: 'Gezamenlijke aankoop van het OCMW' },
      description: { nl: 'Voorgelegd aan het Overlegcomité' },
      qualitativeBenefit: { nl: 'Geheime onderhandeling met leverancier X' },
      confidentialTexts: ['qualitativeBenefit'],
    });
    const answer = await suggest({
      from: 'nl',
      to: 'fr',
      texts: [
        { entryId: entry.id, field: 'title' },
        { entryId: entry.id, field: 'description' },
        { entryId: entry.id, field: 'qualitativeBenefit' },
        { entryId: entry.id, field: 'subheading' },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.suggestions).toEqual([
      { entryId: entry.id, field: 'title', source: 'Gezamenlijke aankoop van het OCMW', text: '[fr] conjointe achat de het CPAS' },
      { entryId: entry.id, field: 'description', source: 'Voorgelegd aan het Overlegcomité', text: '[fr] Voorgelegd aan het Comité de concertation' },
    ]);
    expect(answer.body.skipped).toEqual([
      { entryId: entry.id, field: 'qualitativeBenefit', reason: 'confidential' },
      { entryId: entry.id, field: 'subheading', reason: 'no_source' },
    ]);
    expect(answer.body.requests).toBe(1);
    expect(JSON.stringify(fake.requests)).not.toContain('Geheime');
    expect(fake.requests[0]!.texts[0]).toContain('<mstrans:dictionary translation="CPAS">OCMW</mstrans:dictionary>');
    const stored = await json(await server.api(`/api/entries/${entry.id}`));
    expect(stored.body.title.fr).toBeUndefined();
    // the characters sent are counted for the month
    const settings = await json(await server.api('/api/translations/settings'));
    expect(settings.body).toMatchObject({ available: true, region: 'westeurope', charactersUsed: answer.body.characters });
    expect(answer.body.characters).toBe(fake.requests[0]!.characters);
  });

  it('keeps the mark "machine translation, not reviewed" on an accepted suggestion until a person edits the text', async () => {
    const entry = await create({ title: { nl: 'Gedeelde dienst' }, description: { nl: 'Een dienst' } });
    const accepted = await json(
      await server.api(`/api/entries/${entry.id}`, {
        method: 'PATCH',
        headers: { 'if-match': entry.etag },
        json: {
          title: { nl: 'Gedeelde dienst', fr: 'Service partagé' },
          description: { nl: 'Een dienst', fr: 'Un service' },
          machineTranslated: [
            { field: 'title', language: 'fr' },
            { field: 'description', language: 'fr' },
          ],
        },
      }),
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.machineTranslated).toEqual([
      { field: 'title', language: 'fr' },
      { field: 'description', language: 'fr' },
    ]);
    const other = await json(
      await server.api(`/api/entries/${entry.id}`, { method: 'PATCH', headers: { 'if-match': accepted.body.etag }, json: { status: 'in_progress' } }),
    );
    expect(other.body.machineTranslated).toHaveLength(2);
    const edited = await json(
      await server.api(`/api/entries/${entry.id}`, {
        method: 'PATCH',
        headers: { 'if-match': other.body.etag },
        json: { title: { nl: 'Gedeelde dienst', fr: 'Service commun' } },
      }),
    );
    expect(edited.body.machineTranslated).toEqual([{ field: 'description', language: 'fr' }]);
    const confirmed = await json(
      await server.api(`/api/entries/${entry.id}`, { method: 'PATCH', headers: { 'if-match': edited.body.etag }, json: { machineTranslated: [] } }),
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.machineTranslated).toBeUndefined();
  });

  it('lets the secretary edit the glossary and set a monthly budget, and refuses a suggestion over it', async () => {
    const current = await json(await server.api('/api/translations/settings'));
    const put = await json(
      await server.api('/api/translations/settings', {
        method: 'PUT',
        headers: { 'if-match': current.body.etag ?? '' },
        json: { glossary: [{ nl: 'aankoop', fr: 'acquisition' }], monthlyCharacterBudget: current.body.charactersUsed + 100 },
      }),
    );
    expect(put.status).toBe(200);
    expect(put.body.glossary).toEqual([{ nl: 'aankoop', fr: 'acquisition' }]);
    const entry = await create({ title: { nl: 'aankoop' }, description: { nl: 'Een veel te lange beschrijving voor het budget. '.repeat(4) } });
    const small = await suggest({ from: 'nl', to: 'fr', texts: [{ entryId: entry.id, field: 'title' }] });
    expect(small.status).toBe(200);
    expect(small.body.suggestions[0].text).toBe('[fr] acquisition');
    const over = await suggest({ from: 'nl', to: 'fr', texts: [{ entryId: entry.id, field: 'description' }] });
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('translation_budget_exceeded');
    expect(fake.requests).toHaveLength(1);
    const after = await json(await server.api('/api/translations/settings'));
    expect(after.body.charactersUsed).toBe(current.body.charactersUsed + small.body.characters);
    // no limit of the register's own again, for the next tests
    expect(
      (
        await server.api('/api/translations/settings', {
          method: 'PUT',
          headers: { 'if-match': after.body.etag },
          json: { glossary: after.body.glossary, monthlyCharacterBudget: null },
        })
      ).status,
    ).toBe(200);
  });

  it('refuses a request that names no texts or asks the same language (400 naming the field)', async () => {
    const same = await suggest({ from: 'nl', to: 'nl', texts: [{ entryId: '1', field: 'title' }] });
    expect(same.status).toBe(400);
    expect(same.body.error.issues.map((i: any) => i.field)).toEqual(['to']);
    const none = await suggest({ from: 'nl', to: 'fr', texts: [] });
    expect(none.status).toBe(400);
    expect(none.body.error.issues.map((i: any) => i.field)).toEqual(['texts']);
    const glossary = await json(
      await server.api('/api/translations/settings', { method: 'PUT', json: { glossary: [{ nl: '', fr: 'x' }], monthlyCharacterBudget: null } }),
    );
    expect(glossary.status).toBe(400);
    expect(glossary.body.error.issues.map((i: any) => i.field)).toEqual(['glossary.0.nl']);
  });

  it('says the service’s failure without saving anything (after the client’s own retries of a 429)', async () => {
    const entry = await create({ title: { nl: 'Dienst' } });
    fake.failNext(1, 429, '0');
    const retried = await suggest({ from: 'nl', to: 'fr', texts: [{ entryId: entry.id, field: 'title' }] });
    expect(retried.status).toBe(200);
    fake.failNext(10, 503, '0');
    const failed = await suggest({ from: 'nl', to: 'fr', texts: [{ entryId: entry.id, field: 'title' }] });
    expect(failed.status).toBe(502);
    expect(failed.body.error.code).toBe('translation_failed');
  });
});

describe('the privacy statement on translation suggestions', () => {
  let fake: TranslatorFake;
  const servers: TestServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await fake?.close();
  });

  it('says what is sent and in which Azure region when switched on, and that nothing is sent when off', async () => {
    fake = await startTranslatorFake({ region: 'francecentral' });
    const on = await startTestServer({ demoData: false, env: { TRANSLATOR_ENDPOINT: fake.url, TRANSLATOR_REGION: 'francecentral', TRANSLATOR_KEY: fake.key } });
    const off = await startTestServer({ demoData: false });
    servers.push(on, off);
    const fr = await (await on.api('/legal/privacy?lang=fr')).text();
    expect(fr).toContain('Suggestions de traduction (Azure AI Translator)');
    expect(fr).toContain('dans la région Azure francecentral');
    expect(fr).toContain('Les textes marqués confidentiels ne sont jamais envoyés');
    const nl = await (await off.api('/legal/privacy?lang=nl')).text();
    expect(nl).toContain('Vertaalsuggesties zijn niet ingeschakeld');
  });
});

describe('who may do what with translation suggestions', () => {
  let fake: TranslatorFake;
  let editor: TestServer;
  beforeAll(async () => {
    fake = await startTranslatorFake();
    editor = await startTestServer({
      demoData: false,
      env: { LOCAL_ROLE: 'editor', TRANSLATOR_ENDPOINT: fake.url, TRANSLATOR_REGION: fake.region, TRANSLATOR_KEY: fake.key },
    });
  });
  afterAll(async () => {
    await editor?.stop();
    await fake?.close();
  });

  it('an editor asks for suggestions; the glossary and the budget are the secretary’s', async () => {
    const entry = (await json(await editor.api('/api/entries', { method: 'POST', json: entryInput('Dienst') }))).body;
    const answer = await json(
      await editor.api('/api/translations/suggest', { method: 'POST', json: { from: 'nl', to: 'fr', texts: [{ entryId: entry.id, field: 'title' }] } }),
    );
    expect(answer.status).toBe(200);
    const put = await json(await editor.api('/api/translations/settings', { method: 'PUT', json: { glossary: [], monthlyCharacterBudget: 0 } }));
    expect(put.status).toBe(403);
    expect((await json(await editor.api('/api/translations/settings'))).body.glossary).toEqual(expect.arrayContaining([{ nl: 'OCMW', fr: 'CPAS' }]));
  });
});
