import { createPaneApi } from '../../addin/web/api';
import { translator } from '../../addin/web/i18n';
import { AddinError } from '../../addin/word/errors';
import { APP_ROLE_VALUES } from '../../src/domain/authorization';
import { type LocalEntra, startLocalEntra } from '../support/entra';
import { startTestServer, type TestServer } from '../support/server';

/**
 * The Word pane applies the same roles: it only reads the register (insert and refresh write to the document,
 * never to the register), so a reader may do everything it offers; a signed-in person without a role is told
 * that, and whom to ask, instead of a sign-in error. Against the real server in tenant mode.
 */
let entra: LocalEntra;
let server: TestServer;

beforeAll(async () => {
  entra = await startLocalEntra();
  server = await startTestServer({ demoData: true, env: entra.env });
});
afterAll(async () => {
  await server?.stop();
  await entra?.close();
});

const paneAs = (roles: string[]) =>
  createPaneApi(
    async () => entra.token({ roles }),
    (path, init) => fetch(`${server.url}${path}`, init),
  );

test('a reader reads the options, the annex and the .docx: everything the pane does', async () => {
  const pane = paneAs([APP_ROLE_VALUES.reader]);
  const options = await pane.getJson<{ years: unknown[] }>('/api/annex/options');
  expect(options.years.length).toBeGreaterThan(0);
  expect(await pane.getJson('/api/annex?year=2023&lang=nl')).toBeTruthy();
  const { blob } = await pane.getFile('/api/annex.docx?year=2023&lang=nl');
  expect(blob.size).toBeGreaterThan(1000);
});

test('no role: the pane says so in the person’s language (not "sign-in refused")', async () => {
  const error = await paneAs([])
    .getJson('/api/annex/options')
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AddinError);
  expect((error as AddinError).code).toBe('no_role');
  expect(translator('fr')('no_role', {})).toBe(
    'Vous êtes connecté, mais vous n’avez pas de rôle dans le registre\u00a0: ce volet ne peut donc pas le lire. Demandez à votre administrateur de vous attribuer le rôle Lecteur\u00a0; le document n’a pas été modifié.',
  );
  // a token the register does not accept at all is still a sign-in problem
  const bad = await createPaneApi(
    async () => 'not-a-token',
    (path, init) => fetch(`${server.url}${path}`, init),
  )
    .getJson('/api/annex/options')
    .catch((e: unknown) => e);
  expect((bad as AddinError).code).toBe('sign_in_refused');
});
