import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { addinSurface } from '../../addin/surface';
import { APP_ID_URI, CLIENT_ID, type LocalEntra, startLocalEntra } from '../support/entra';
import { startTestServer, type TestServer } from '../support/server';

/**
 * The Word add-in's server side in tenant mode (AUTH_MODE=entra, tokens from the local JWKS stand-in):
 * the annex API needs the pane's SSO token, the pane's page and manifest do not, and tell Office how to sign in.
 */
const SECRET = 'do-not-leak-this-client-secret';

let entra: LocalEntra;
let server: TestServer;

const get = (path: string, bearer?: string) => server.api(path, bearer ? { headers: { Authorization: `Bearer ${bearer}` } } : {});

beforeAll(async () => {
  entra = await startLocalEntra();
  // only the add-in surface: it is the one under test, and a client secret must never reach its pages
  server = await startTestServer({ env: { ...entra.env, CLIENT_SECRET: SECRET }, surfaces: [addinSurface] });
});

afterAll(async () => {
  await server?.stop();
  await entra?.close();
});

describe('Word add-in in tenant mode (AUTH_MODE=entra)', () => {
  test('/api/annex.docx answers 401 with a Bearer challenge without a token, or with a refused one', async () => {
    const none = await get('/api/annex.docx?year=2023&lang=nl');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(none.headers.get('content-type')).toContain('application/json');
    expect((await none.json()).error.code).toBe('unauthorized');
    expect((await get('/api/annex.docx?year=2023&lang=nl', entra.token({}, { key: entra.impostor.privateKey }))).status).toBe(401);
    expect((await get('/api/annex.docx?year=2023&lang=nl', entra.token({ aud: 'api://elsewhere.example/x' }))).status).toBe(401);
    expect((await get('/api/annex?year=2023&lang=nl')).status).toBe(401);
    expect((await get('/api/annex/options')).status).toBe(401);
  });

  test('/api/annex.docx with a valid token downloads the .docx', async () => {
    const res = await get('/api/annex.docx?year=2023&lang=fr', entra.token());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="rapport-synergies-2023-fr.docx"');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(strFromU8(files['word/document.xml'])).toContain('SYNERGIES');
    // the JSON the pane reads works with the same token
    expect((await get('/api/annex/options', entra.token())).status).toBe(200);
    expect((await (await get('/api/annex?year=2023&lang=nl', entra.token())).json()).meta.year).toBe(2023);
  });

  test('the pane loads without a token and is told to sign in; no secret on the page', async () => {
    const page = await server.api('/addin/taskpane.html');
    expect(page.status).toBe(200);
    const html = await page.text();
    const boot = /<script id="addin-boot" type="application\/json">([^<]*)<\/script>/.exec(html);
    expect(boot).not.toBeNull();
    expect(JSON.parse(boot![1])).toEqual({ authMode: 'entra' });
    expect(html).not.toContain(SECRET);
    expect((await server.api('/addin/taskpane.js')).status).toBe(200);
  });

  test('the served manifest carries <WebApplicationInfo> for Office SSO with the audience the API accepts', async () => {
    const res = await server.api('/addin/manifest.xml');
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xml).not.toContain(SECRET);
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const [info] = Array.from(doc.getElementsByTagName('WebApplicationInfo'));
    expect(info.parentNode?.nodeName).toBe('VersionOverrides');
    const text = (name: string) => info.getElementsByTagName(name)[0]?.textContent;
    expect(text('Id')).toBe(CLIENT_ID);
    expect(text('Resource')).toBe(APP_ID_URI);
    expect(text('Resource')).toBe(server.config.auth.mode === 'entra' ? server.config.auth.audiences[0] : 'not entra');
    expect(Array.from(info.getElementsByTagName('Scope')).map((s) => s.textContent)).toEqual(['openid', 'profile', 'offline_access']);
  });
});
