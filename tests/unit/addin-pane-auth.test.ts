import { createPaneApi, officeTokenSource, readPaneBoot, SSO_OPTIONS, ssoError } from '../../addin/web/api';
import { translator } from '../../addin/web/i18n';
import { AddinError } from '../../addin/word/operations';

/**
 * The task pane's sign-in (tenant mode) with a stubbed `Office` global: a fresh Office SSO token before every
 * API call, sent as a Bearer header; Office's documented error codes turned into NL/FR/EN messages.
 */

type Stub = { auth?: { getAccessToken?: jest.Mock } };
const globals = globalThis as unknown as { Office?: Stub };

function fakeFetch(respond: (path: string) => Response = () => Response.json({ ok: true })) {
  return jest.fn(async (path: string, _init?: RequestInit) => respond(path));
}
const headersOf = (call: unknown[]) => (call[1] as RequestInit).headers as Record<string, string>;

async function failure(promise: Promise<unknown>): Promise<AddinError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AddinError);
  return error as AddinError;
}

const message = (lang: 'nl' | 'fr' | 'en', error: AddinError) => translator(lang)(error.code, { detail: error.message });

afterEach(() => {
  delete globals.Office;
});

describe('task pane sign-in (Office SSO)', () => {
  test('tenant mode: asks Office for a token before EVERY call and sends it as Authorization: Bearer', async () => {
    const getAccessToken = jest.fn().mockResolvedValueOnce('token-one').mockResolvedValueOnce('token-two');
    globals.Office = { auth: { getAccessToken } };
    const fetch = fakeFetch();
    const api = createPaneApi(
      officeTokenSource(readPaneBoot('{"authMode":"entra"}'), () => true),
      fetch,
    );

    await api.getJson('/api/annex/options');
    await api.getJson('/api/annex?year=2023');

    expect(getAccessToken).toHaveBeenCalledTimes(2);
    expect(getAccessToken).toHaveBeenNthCalledWith(1, { allowSignInPrompt: true, allowConsentPrompt: true });
    expect(SSO_OPTIONS).toEqual({ allowSignInPrompt: true, allowConsentPrompt: true });
    expect(fetch.mock.calls.map((c) => [c[0], headersOf(c).authorization])).toEqual([
      ['/api/annex/options', 'Bearer token-one'],
      ['/api/annex?year=2023', 'Bearer token-two'],
    ]);
  });

  test('the .docx is fetched with the token too, as a Blob named by the server', async () => {
    globals.Office = { auth: { getAccessToken: jest.fn().mockResolvedValue('token-docx') } };
    const fetch = fakeFetch(
      () => new Response(new Uint8Array([80, 75, 3, 4]), { headers: { 'content-disposition': 'attachment; filename="synergieverslag-2023-nl.docx"' } }),
    );
    const api = createPaneApi(
      officeTokenSource({ authMode: 'entra' }, () => true),
      fetch,
    );
    const file = await api.getFile('/api/annex.docx?year=2023&lang=nl');
    expect(file.fileName).toBe('synergieverslag-2023-nl.docx');
    expect(file.blob.size).toBe(4);
    expect(headersOf(fetch.mock.calls[0]).authorization).toBe('Bearer token-docx');
  });

  test('13001 (not signed in): no API call is made and the message says so in NL, FR and EN', async () => {
    const getAccessToken = jest.fn().mockRejectedValue({ code: 13001, name: 'Error', message: 'The user is not signed in.' });
    globals.Office = { auth: { getAccessToken } };
    const fetch = fakeFetch();
    const api = createPaneApi(
      officeTokenSource({ authMode: 'entra' }, () => true),
      fetch,
    );

    const error = await failure(api.getJson('/api/annex/options'));
    expect(error.code).toBe('sso_not_signed_in');
    expect(fetch).not.toHaveBeenCalled();
    expect(message('nl', error)).toMatch(/^U bent niet aangemeld bij Office\. Meld u aan met uw werkaccount/);
    expect(message('fr', error)).toMatch(/^Vous n’êtes pas connecté à Office\. Connectez-vous avec votre compte professionnel/);
    expect(message('en', error)).toMatch(/^You are not signed in to Office\. Sign in with your work account/);
  });

  test.each([
    [13000, 'sso_unsupported'],
    [13001, 'sso_not_signed_in'],
    [13002, 'sso_cancelled'],
    [13003, 'sso_account'],
    [13004, 'sso_configuration'],
    [13005, 'sso_configuration'],
    [13006, 'sso_client_error'],
    [13007, 'sso_configuration'],
    [13008, 'sso_busy'],
    [13010, 'sso_browser_zones'],
    [13012, 'sso_unsupported'],
    [13013, 'sso_busy'],
    [50001, 'sso_unsupported'],
    [99999, 'sso_failed'],
  ])('getAccessToken error %i → %s', async (code, expected) => {
    globals.Office = { auth: { getAccessToken: jest.fn().mockRejectedValue({ code, message: `office says ${code}` }) } };
    const error = await failure(officeTokenSource({ authMode: 'entra' }, () => true)());
    expect(error.code).toBe(expected);
    for (const lang of ['nl', 'fr', 'en'] as const) {
      const text = message(lang, error);
      expect(text).not.toMatch(/\{\w+\}/);
      // the code is shown where the user has to report it (configuration, client errors, unsupported, unknown)
      if (!['sso_not_signed_in', 'sso_cancelled', 'sso_account'].includes(expected)) expect(text).toContain(String(code));
    }
  });

  test('the messages point to the right way out: consent/config for 13006/13007, the .docx export or a newer Word for 13012', () => {
    const text = (code: number, lang: 'nl' | 'fr' | 'en') => message(lang, ssoError({ code }));
    expect(text(13007, 'nl')).toMatch(/beheerder.*app-registratie.*vooraf gemachtigde client.*beheerderstoestemming/);
    expect(text(13007, 'fr')).toMatch(/administrateur.*inscription de l’application.*pré-autorisé.*consentement administrateur/);
    expect(text(13007, 'en')).toMatch(/administrator.*app registration.*pre-authorised.*admin consent/);
    expect(text(13006, 'nl')).toMatch(/Meld u af.*beheerder.*toestemming/);
    expect(text(13006, 'fr')).toMatch(/Déconnectez-vous.*administrateur.*consentement/);
    expect(text(13006, 'en')).toMatch(/Sign out.*administrator.*consent/);
    expect(text(13012, 'nl')).toMatch(/\.docx-export in de Teams-tab.*recente Word/);
    expect(text(13012, 'fr')).toMatch(/export \.docx dans l’onglet Teams.*Word récent/);
    expect(text(13012, 'en')).toMatch(/\.docx export in the register’s Teams tab.*recent Word/);
    expect(text(13002, 'fr')).toMatch(/annulé/);
    // a code given as a string (as some hosts do) is understood the same way
    expect(ssoError({ code: '13002' }).code).toBe('sso_cancelled');
    expect(ssoError(new Error('boom'))).toMatchObject({ code: 'sso_failed', message: 'boom' });
  });

  test('local mode: Office is never asked and no Authorization header is sent', async () => {
    const getAccessToken = jest.fn().mockResolvedValue('never');
    globals.Office = { auth: { getAccessToken } };
    const fetch = fakeFetch();
    const api = createPaneApi(
      officeTokenSource(readPaneBoot('{"authMode":"local"}'), () => true),
      fetch,
    );
    await api.getJson('/api/annex/options');
    expect(getAccessToken).not.toHaveBeenCalled();
    expect(headersOf(fetch.mock.calls[0]).authorization).toBeUndefined();
    // an unreadable or missing boot block is local mode
    expect(readPaneBoot('not json')).toEqual({ authMode: 'local' });
    expect(readPaneBoot(undefined)).toEqual({ authMode: 'local' });
    expect(readPaneBoot('{"authMode":"something"}')).toEqual({ authMode: 'local' });
  });

  test('tenant mode outside Word, or an Office without Office.auth: a clear message, no call', async () => {
    const getAccessToken = jest.fn().mockResolvedValue('x');
    globals.Office = { auth: { getAccessToken } };
    const fetch = fakeFetch();
    const outside = await failure(
      createPaneApi(
        officeTokenSource({ authMode: 'entra' }, () => false),
        fetch,
      ).getJson('/api/annex/options'),
    );
    expect(outside.code).toBe('sso_outside_word');
    expect(message('nl', outside)).toMatch(/open dit paneel in Word.*\.docx-export in de Teams-tab/);
    expect(getAccessToken).not.toHaveBeenCalled();

    globals.Office = {};
    const old = await failure(officeTokenSource({ authMode: 'entra' }, () => true)());
    expect(old.code).toBe('sso_unsupported');
    expect(fetch).not.toHaveBeenCalled();
  });

  test('a token the register refuses (401) is reported as a refused sign-in, not as an unreachable register', async () => {
    globals.Office = { auth: { getAccessToken: jest.fn().mockResolvedValue('stale') } };
    const fetch = fakeFetch(() =>
      Response.json({ error: { code: 'unauthorized', message: 'The sign-in token was refused: jwt audience invalid' } }, { status: 401 }),
    );
    const error = await failure(
      createPaneApi(
        officeTokenSource({ authMode: 'entra' }, () => true),
        fetch,
      ).getJson('/api/annex/options'),
    );
    expect(error.code).toBe('sign_in_refused');
    expect(message('en', error)).toBe(
      'The register refuses your sign-in (HTTP 401: The sign-in token was refused: jwt audience invalid). Ask the administrator to check the app registration and the server’s settings.',
    );
    // without a token (local mode) a 401 stays "unreachable", as before
    const local = await failure(createPaneApi(async () => undefined, fetch).getJson('/api/annex/options'));
    expect(local).toMatchObject({ code: 'register_unreachable', message: 'HTTP 401' });
  });
});
