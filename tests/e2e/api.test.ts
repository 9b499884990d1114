import { startTestServer, type TestServer } from '../support/server';
import { entryInput } from '../support/builders';

/** The register's JSON API driven over HTTP on the real server with the demo register. */
describe('register API over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.stop());

  const newEntry = (title: string) =>
    entryInput(title, { title: { nl: title, fr: `${title} (fr)` }, formalisation: 'shared_staff_or_service', startYear: 2026 });

  async function json(res: Response) {
    return { status: res.status, body: (await res.json()) as any };
  }

  it('answers the health check with the store and auth mode', async () => {
    expect(await json(await server.api('/api/health'))).toMatchObject({ status: 200, body: { status: 'ok', store: 'local', auth: 'local' } });
  });

  it('lists the demo register with counts and filters', async () => {
    const all = await json(await server.api('/api/entries'));
    expect(all.body.total).toBe(131);
    expect(all.body.countsByStatus.new).toBe(18);

    const social = await json(await server.api('/api/entries?domain=SOC'));
    expect(social.body.items.every((e: any) => e.domain.startsWith('SOC'))).toBe(true);
    expect(social.body.items.map((e: any) => e.domain)).toEqual(expect.arrayContaining(['SOC.HOUS', 'SOC.EMPL']));

    const text = await json(await server.api(`/api/entries?q=${encodeURIComponent('MAALTIJDCHEQUES')}&status=new`));
    expect(text.body.items.map((e: any) => e.source.slice(0, 8))).toEqual(['MOL23-22', 'MOL23-23']);

    const page = await json(await server.api('/api/entries?offset=10&limit=5'));
    expect(page.body).toMatchObject({ total: 131, offset: 10 });
    expect(page.body.items.map((e: any) => e.id)).toEqual(all.body.items.slice(10, 15).map((e: any) => e.id));
  });

  it('answers 400 naming each bad query parameter', async () => {
    const res = await json(await server.api('/api/entries?year=soon&domain=SPORT'));
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: any) => i.field).sort()).toEqual(['domain', 'year']);
  });

  it('creates, reads, edits with the eTag, and shows the history', async () => {
    const created = await json(await server.api('/api/entries', { method: 'POST', json: newEntry('Gedeelde helpdesk') }));
    expect(created.status).toBe(201);
    const id = created.body.id;

    const edited = await json(
      await server.api(`/api/entries/${id}`, { method: 'PATCH', json: { status: 'decided' }, headers: { 'If-Match': created.body.etag } }),
    );
    expect(edited).toMatchObject({ status: 200, body: { status: 'decided' } });
    expect(edited.body.etag).not.toBe(created.body.etag);

    const history = await json(await server.api(`/api/entries/${id}/history`));
    expect(history.body.items.map((h: any) => [h.kind, h.by.name])).toEqual([
      ['created', 'Lokale ontwikkelaar (local mode)'],
      ['status_changed', 'Lokale ontwikkelaar (local mode)'],
    ]);
  });

  it('answers 409 with the current version when someone saved in between', async () => {
    const created = (await json(await server.api('/api/entries', { method: 'POST', json: newEntry('Conflict') }))).body;
    await server.api(`/api/entries/${created.id}`, { method: 'PATCH', json: { title: { nl: 'Eerste versie' } }, headers: { 'If-Match': created.etag } });
    const second = await json(
      await server.api(`/api/entries/${created.id}`, { method: 'PATCH', json: { title: { nl: 'Tweede versie' }, etag: created.etag } }),
    );
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('conflict');
    expect(second.body.current.title.nl).toBe('Eerste versie');
  });

  it('answers 400 with every bad field and reason, and stores nothing', async () => {
    const before = (await json(await server.api('/api/entries'))).body.total;
    const res = await json(
      await server.api('/api/entries', {
        method: 'POST',
        json: { title: {}, domain: 'ICT', status: 'maybe', kind: 'synergy', formalisation: 'agreement', startYear: 'twee' },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(res.body.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'title', reason: expect.stringMatching(/Dutch, French or English/) }),
        expect.objectContaining({ field: 'status' }),
        expect.objectContaining({ field: 'startYear' }),
      ]),
    );
    expect((await json(await server.api('/api/entries'))).body.total).toBe(before);
  });

  it("words each refused field in the caller's language (Accept-Language or ?lang), keeping field and code", async () => {
    const body = { title: {}, domain: 'ICT', status: 'existing', kind: 'synergy', form: 'joint_procurement', startYear: 1900 };
    const nl = await json(await server.api('/api/entries', { method: 'POST', json: body, headers: { 'accept-language': 'nl-BE,nl;q=0.9,en;q=0.5' } }));
    expect(nl.status).toBe(400);
    expect(nl.body.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'title',
          code: 'needs_text',
          label: 'Titel',
          message: 'Titel: heeft een tekst nodig in het Nederlands, het Frans of het Engels',
        }),
        expect.objectContaining({ field: 'startYear', code: 'too_small', params: { min: 1976 }, message: 'Beginjaar: moet 1976 of meer zijn' }),
      ]),
    );
    expect(nl.body.error.message).toMatch(/^Ongeldige invoer: /);
    const fr = await json(await server.api('/api/entries?lang=fr', { method: 'POST', json: body }));
    expect(fr.body.error.issues.find((i: any) => i.field === 'title').message).toBe(
      'Titre\u00a0: nécessite un texte en néerlandais, en français ou en anglais',
    );
    expect(JSON.stringify(fr.body.error.issues.map((i: any) => i.message))).not.toMatch(/needs|must|required/);
  });

  it('derives the formalisation from the form, refuses a contradiction without the explicit override', async () => {
    const base = { title: { nl: 'Gezamenlijke aankoop papier' }, domain: 'PROC', status: 'existing', kind: 'economy_of_scale', form: 'framework_agreement' };
    const derived = await json(await server.api('/api/entries', { method: 'POST', json: base }));
    expect(derived.status).toBe(201);
    expect(derived.body.formalisation).toBe('joint_procurement');
    const contradiction = await json(
      await server.api('/api/entries', { method: 'POST', json: { ...base, formalisation: 'agreement' }, headers: { 'accept-language': 'nl' } }),
    );
    expect(contradiction.status).toBe(400);
    expect(contradiction.body.error.issues[0]).toMatchObject({
      field: 'formalisation',
      code: 'formalisation_contradicts_form',
      params: { form: 'framework_agreement', expected: 'joint_procurement' },
    });
    const override = await json(
      await server.api('/api/entries', { method: 'POST', json: { ...base, formalisation: 'agreement', formalisationOverride: true } }),
    );
    expect(override.status).toBe(201);
    expect(override.body).toMatchObject({ formalisation: 'agreement', formalisationOverride: true });
    // a new form re-derives the formalisation of an entry that does not override it
    const patched = await json(
      await server.api(`/api/entries/${derived.body.id}`, { method: 'PATCH', json: { form: 'staff_secondment' }, headers: { 'if-match': derived.body.etag } }),
    );
    expect(patched.body.formalisation).toBe('shared_staff_or_service');
    // `form: null` removes the form; the formalisation stays
    const noForm = await json(
      await server.api(`/api/entries/${derived.body.id}`, { method: 'PATCH', json: { form: null }, headers: { 'if-match': patched.body.etag } }),
    );
    expect(noForm.status).toBe(200);
    expect(noForm.body.form).toBeUndefined();
    expect(noForm.body.formalisation).toBe('shared_staff_or_service');
    expect((await json(await server.api(`/api/entries/${derived.body.id}`))).body.form).toBeUndefined();
    const vocabulary = await json(await server.api('/api/vocabulary'));
    expect(vocabulary.body.formalisationOfForm.framework_agreement).toBe('joint_procurement');
  });

  it('answers 400 on a body that is not JSON and 404 on unknown ids and paths', async () => {
    const bad = await server.api('/api/entries', { method: 'POST', body: '{"title":', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.code).toBe('invalid_json');
    expect((await server.api('/api/entries/99999')).status).toBe(404);
    expect((await server.api('/api/entries/99999', { method: 'PATCH', json: {}, headers: { 'If-Match': '*' } })).status).toBe(404);
    expect((await server.api('/api/nothing-here')).status).toBe(404);
  });

  it('stores hostile text exactly and finds it again by free text', async () => {
    const hostile = `<img src=x onerror=alert(1)> O'Brien "quoted" & eq 'x' or 1 eq 1`;
    const created = (await json(await server.api('/api/entries', { method: 'POST', json: newEntry(hostile) }))).body;
    expect((await json(await server.api(`/api/entries/${created.id}`))).body.title.nl).toBe(hostile);
    const found = await json(await server.api(`/api/entries?q=${encodeURIComponent('O\'Brien "quoted"')}`));
    expect(found.body.items.map((e: any) => e.id)).toEqual([created.id]);
  });

  it('lists open and overdue actions by due date and marks one done', async () => {
    const open = (await json(await server.api('/api/actions?open'))).body.items;
    const dates = open.map((a: any) => a.dueDate ?? '9999');
    expect(dates).toEqual([...dates].sort());
    expect(open.every((a: any) => a.status !== 'done')).toBe(true);

    const overdue = (await json(await server.api('/api/actions?overdue=true'))).body.items;
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((a: any) => a.dueDate < new Date().toISOString().slice(0, 10))).toBe(true);

    const mine = (await json(await server.api('/api/actions?mine'))).body.items;
    expect(mine.map((a: any) => a.title)).toEqual(['Verslag over de synergieën opstellen en bespreken in de stuurgroep']);

    const done = await json(await server.api(`/api/actions/${mine[0].id}/done`, { method: 'POST', headers: { 'If-Match': mine[0].etag } }));
    expect(done.body).toMatchObject({ status: 'done', doneDate: new Date().toISOString().slice(0, 10) });
    expect((await json(await server.api('/api/actions?mine&open'))).body.items).toEqual([]);
  });

  it('manages focus groups, meetings and actions of an entry', async () => {
    const groups = (await json(await server.api('/api/focus-groups'))).body.items;
    expect(groups.map((g: any) => g.name.nl)).toContain('Focusgroep IT');

    const meetings = (await json(await server.api('/api/meetings'))).body.items;
    expect(meetings.map((m: any) => m.date)).toEqual(expect.arrayContaining(['2022-09-14', '2022-12-07', '2023-01-19', '2023-01-16']));

    const group = await json(
      await server.api('/api/focus-groups', { method: 'POST', json: { domain: 'CLIM', name: { nl: 'Focusgroep klimaat', fr: 'Groupe climat' } } }),
    );
    expect(group.status).toBe(201);
    const entry = (
      await json(await server.api('/api/entries', { method: 'POST', json: { ...newEntry('Klimaat'), domain: 'CLIM', focusGroupId: group.body.id } }))
    ).body;
    const action = await json(
      await server.api('/api/actions', {
        method: 'POST',
        json: { entryId: entry.id, title: 'Indicatoren kiezen', owner: { name: 'Klimaatcoördinator' }, dueDate: '2027-01-31' },
      }),
    );
    expect(action.status).toBe(201);
    expect((await json(await server.api(`/api/entries/${entry.id}/actions`))).body.items.map((a: any) => a.title)).toEqual(['Indicatoren kiezen']);
    expect((await json(await server.api(`/api/entries?focusGroupId=${group.body.id}`))).body.items.map((e: any) => e.id)).toEqual([entry.id]);

    const badAction = await json(await server.api('/api/actions', { method: 'POST', json: { title: '', owner: {}, dueDate: '31/01/2027' } }));
    expect(badAction.body.error.issues.map((i: any) => i.field).sort()).toEqual(['dueDate', 'owner.name', 'title']);
  });

  it('records a decision and rolls the year over', async () => {
    const entry = (await json(await server.api('/api/entries', { method: 'POST', json: { ...newEntry('Nieuw'), status: 'new' } }))).body;
    const decided = await json(
      await server.api(`/api/entries/${entry.id}/decisions`, {
        method: 'POST',
        json: { body: 'permanent_bureau', date: '2026-11-20', text: { fr: 'Approuvé par le Bureau permanent' }, outcome: 'approved' },
      }),
    );
    expect(decided.status).toBe(201);
    // 2026 is closed by the filed Ukkel report: closing it again adds nothing; 2027 is open
    const filed = await json(await server.api('/api/register/roll-over', { method: 'POST', json: { year: 2026 } }));
    expect(filed.body).toMatchObject({ rolledOver: 0 });
    expect((await json(await server.api(`/api/entries/${entry.id}`))).body).toMatchObject({ status: 'new', mentions: [] });
    const rolled = await json(await server.api('/api/register/roll-over', { method: 'POST', json: { year: 2027 } }));
    expect(rolled.body.rolledOver).toBeGreaterThan(0);
    expect((await json(await server.api(`/api/entries/${entry.id}`))).body).toMatchObject({
      status: 'existing',
      mentions: [{ reportYear: 2027, italic: true }],
    });
    expect((await json(await server.api('/api/register/roll-over', { method: 'POST', json: { year: 'last' } }))).status).toBe(400);
  });
});
