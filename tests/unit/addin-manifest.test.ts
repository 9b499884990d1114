import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { SaxesParser } from 'saxes';
import { execFileSync } from 'node:child_process';
import { addinIdFor, DEFAULT_ADDIN_ID, fillManifest, MANIFEST_TEMPLATE, manifestSsoOf } from '../../addin/manifest';
import { PNG } from 'pngjs';
import { ICON_SIZES } from '../../addin/icons';
import { translator } from '../../addin/web/i18n';
import { buildAddinManifest } from '../../scripts/build-addin-manifest';
import { loadConfig } from '../../src/host/config';

const ROOT = path.resolve(__dirname, '..', '..');
const OFFICE_NS = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const OVERRIDES_NS = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const TENANT = {
  PUBLIC_URL: 'https://synergie.molenbeek.example',
  AUTH_MODE: 'entra',
  TENANT_ID: '99999999-8888-4777-8666-555555555555',
  CLIENT_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  TEAMS_APP_ID: '56565656-7878-4989-8a0a-b1b1b1b1b1b1',
};
const SSO = { clientId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', resource: 'api://synergie.molenbeek.example/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' };

/** The element children of a node, as names. */
const childNames = (node: Element) =>
  Array.from(node.childNodes)
    .filter((n): n is Element => n.nodeType === 1)
    .map((n) => n.localName);

/** Well-formedness with a strict XML parser (saxes, jsdom's); xmldom alone forgives too much. */
function wellFormedErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => errors.push(e.message));
  parser.write(xml).close();
  return errors;
}

function parseStrict(xml: string): Document {
  expect(wellFormedErrors(xml)).toEqual([]);
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      error: (message: string) => errors.push(`error: ${message}`),
      fatalError: (message: string) => errors.push(`fatal: ${message}`),
    },
  }).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  return doc as unknown as Document;
}

describe('Word add-in manifest (XML, checked offline)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'addin-manifest-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('build/word-addin.xml is filled from the env/ configuration and well-formed', () => {
    {
      const out = buildAddinManifest(ROOT, { ...TENANT, WORD_ADDIN_ID: '11111111-2222-4333-8444-555555555555' }).file;
      const xml = readFileSync(out, 'utf8');
      expect(xml).not.toMatch(/\{\{/);
      const doc = parseStrict(xml);
      const root = doc.documentElement;
      expect(root.namespaceURI).toBe(OFFICE_NS);
      expect(root.getElementsByTagName('Id')[0].textContent).toBe('11111111-2222-4333-8444-555555555555');
      expect(root.getElementsByTagName('SourceLocation')[0].getAttribute('DefaultValue')).toBe('https://synergie.molenbeek.example/addin/taskpane.html');
      // where a user finds who runs the service (the terms name the municipality), not the pane itself
      expect(root.getElementsByTagName('SupportUrl')[0].getAttribute('DefaultValue')).toBe('https://synergie.molenbeek.example/legal/terms');
      expect(root.getElementsByTagName('Host')[0].getAttribute('Name')).toBe('Document');
      const set = root.getElementsByTagName('Set')[0];
      expect([set.getAttribute('Name'), set.getAttribute('MinVersion')]).toEqual(['WordApi', '1.3']);
    }
  });

  test('build/word-addin.xml carries Office SSO in tenant mode, with the Application ID URI the API accepts', () => {
    const doc = parseStrict(readFileSync(buildAddinManifest(ROOT, TENANT).file, 'utf8'));
    const info = doc.getElementsByTagName('WebApplicationInfo')[0];
    expect(info.getElementsByTagName('Id')[0].textContent).toBe(SSO.clientId);
    expect(info.getElementsByTagName('Resource')[0].textContent).toBe(SSO.resource);
    // each install its own add-in id, derived from its Teams app id (the toolkit generates one per install)
    const ids = [TENANT, { ...TENANT, TEAMS_APP_ID: '12121212-3434-4565-8787-909090909090' }].map(
      (env) => parseStrict(readFileSync(buildAddinManifest(ROOT, env).file, 'utf8')).getElementsByTagName('Id')[0].textContent,
    );
    expect(new Set([...ids, DEFAULT_ADDIN_ID]).size).toBe(3);
    expect(ids[0]).toBe(addinIdFor(TENANT.TEAMS_APP_ID));
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('refuses local mode (its pane cannot sign in within a tenant) and http', () => {
    expect(() => buildAddinManifest(ROOT, { PUBLIC_URL: 'https://synergie.molenbeek.example', AUTH_MODE: 'local' })).toThrow(
      /^AUTH_MODE=local: a Word manifest for a tenant needs tenant mode/,
    );
    expect(() => buildAddinManifest(ROOT, { ...TENANT, PUBLIC_URL: 'http://localhost:3978' })).toThrow(/^PUBLIC_URL: Word loads add-ins over https only/);
  });

  test('before the toolkit’s provision it says what is missing and where it comes from', () => {
    expect(() =>
      buildAddinManifest(ROOT, { NODE_ENV: 'production', APP_ENDPOINT: 'https://synergie.molenbeek.example', TEAMS_APP_ID: TENANT.TEAMS_APP_ID }),
    ).toThrow(
      "CLIENT_ID: not set; run the toolkit's provision for this environment first (it writes AAD_APP_CLIENT_ID), or set CLIENT_ID\nTENANT_ID: not set; run the toolkit's provision for this environment first (it writes AAD_APP_TENANT_ID), or set TENANT_ID",
    );
  });

  test('after the toolkit’s provision its variables stand in for the server’s (ENV_NAME=dev needs nothing else)', () => {
    const env = {
      NODE_ENV: 'production',
      AAD_APP_CLIENT_ID: SSO.clientId,
      AAD_APP_TENANT_ID: TENANT.TENANT_ID,
      APP_ENDPOINT: 'https://synergie.molenbeek.example',
      TEAMS_APP_ID: TENANT.TEAMS_APP_ID,
    };
    const info = parseStrict(readFileSync(buildAddinManifest(ROOT, env).file, 'utf8')).getElementsByTagName('WebApplicationInfo')[0];
    expect(info.getElementsByTagName('Resource')[0].textContent).toBe(SSO.resource);
  });

  test('the well-formedness check can fail', () => {
    expect(wellFormedErrors('<OfficeApp><Id></OfficeApp>')).not.toEqual([]);
    expect(wellFormedErrors('<a>&</a>')).not.toEqual([]);
  });

  test('the default local configuration gives a well-formed manifest too', () => {
    const config = loadConfig({}, ROOT);
    const xml = fillManifest(readFileSync(MANIFEST_TEMPLATE(ROOT), 'utf8'), { publicUrl: config.publicUrl });
    parseStrict(xml);
    expect(xml).toContain(`${config.publicUrl}/addin/taskpane.html`);
  });

  test('an XML-breaking URL is escaped or refused, never pasted raw', () => {
    const template = readFileSync(MANIFEST_TEMPLATE(ROOT), 'utf8');
    expect(() => fillManifest(template, { publicUrl: 'javascript:alert(1)' })).toThrow(/http/);
    expect(() => fillManifest(template, { publicUrl: 'https://x.example', addinId: '"><x/>' })).toThrow(/GUID/);
    const xml = fillManifest(template, { publicUrl: 'https://x.example/a&b' });
    parseStrict(xml);
    expect(xml).toContain('https://x.example/a&amp;b/addin/taskpane.html');
  });

  /**
   * The converter and @microsoft/app-manifest pull in ESM-only packages (strip-bom) that Jest's CommonJS
   * runtime cannot load; plain Node 20.19+ can. So both run in a child Node process, as a user would run them.
   */
  function convertAndValidate(xmlFile: string, outDir: string, mutate = ''): { json: Record<string, any>; errors: string[] } {
    const script = `
      const { convert } = require('office-addin-manifest-converter');
      const { AppManifestUtils } = require('@microsoft/app-manifest');
      const fs = require('node:fs');
      (async () => {
        await convert(process.argv[1], process.argv[2], false);
        const json = JSON.parse(fs.readFileSync(process.argv[2] + '/manifest.json', 'utf8'));
        // The converter labels its output v1.17 but emits "getStartedMessages", which the bundled schemas
        // only know from v1.25 on: validate against v1.25, a bundled version, as the tooling notes advise.
        const m = { ...json, $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.25/MicrosoftTeams.schema.json', manifestVersion: '1.25' };
        ${mutate}
        const errors = await AppManifestUtils.validateAgainstSchema(m);
        process.stdout.write(JSON.stringify({ json, errors }));
      })().catch((e) => { console.error(e); process.exit(1); });`;
    const out = execFileSync(process.execPath, ['-e', script, xmlFile, outDir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(out);
  }

  test('office-addin-manifest-converter turns it into a unified manifest that the bundled schema accepts', () => {
    const xmlFile = path.join(dir, 'word-addin.xml');
    const xml = fillManifest(readFileSync(MANIFEST_TEMPLATE(ROOT), 'utf8'), { publicUrl: 'https://synergie.molenbeek.example' });
    writeFileSync(xmlFile, xml);
    const { json, errors } = convertAndValidate(xmlFile, path.join(dir, 'json'));
    expect(errors).toEqual([]);
    expect(json.extensions[0].requirements.capabilities).toEqual([{ name: 'WordApi', minVersion: '1.3' }]);
    expect(json.extensions[0].requirements.scopes).toEqual(['document']);
    expect(JSON.stringify(json)).toContain('https://synergie.molenbeek.example/addin/taskpane.html');
    expect(json.description.short).not.toMatch(/TRUNCATED/);
    // the validation can fail: a manifest with a broken extension is reported
    const broken = convertAndValidate(xmlFile, path.join(dir, 'json2'), "m.extensions = [{ ...m.extensions[0], requirements: { scopes: ['not-a-scope'] } }];");
    expect(broken.errors.length).toBeGreaterThan(0);
  });

  test('tenant mode: <WebApplicationInfo> is the last child of VersionOverrides, filled from the configuration', () => {
    const config = loadConfig(
      { AUTH_MODE: 'entra', TENANT_ID: '11111111-2222-3333-4444-555555555555', CLIENT_ID: SSO.clientId, PUBLIC_URL: 'https://synergie.molenbeek.example' },
      ROOT,
    );
    const sso = manifestSsoOf(config);
    // the Application ID URI the API accepts as audience: Office must ask for exactly that token
    expect(sso).toEqual(SSO);
    expect(config.auth.mode === 'entra' && config.auth.audiences[0]).toBe(SSO.resource);
    const xml = fillManifest(readFileSync(MANIFEST_TEMPLATE(ROOT), 'utf8'), { publicUrl: config.publicUrl, sso });
    expect(xml).not.toMatch(/\{\{/);
    const doc = parseStrict(xml);
    const overrides = doc.getElementsByTagNameNS(OVERRIDES_NS, 'VersionOverrides')[0];
    expect(overrides.getAttribute('xsi:type')).toBe('VersionOverridesV1_0');
    // the task pane VersionOverrides V1_0 sequence: ... Hosts, Resources, then WebApplicationInfo
    expect(childNames(overrides)).toEqual(['Hosts', 'Resources', 'WebApplicationInfo']);
    const info = doc.getElementsByTagNameNS(OVERRIDES_NS, 'WebApplicationInfo')[0];
    expect(childNames(info)).toEqual(['Id', 'Resource', 'Scopes']);
    expect(info.getElementsByTagNameNS(OVERRIDES_NS, 'Id')[0].textContent).toBe(SSO.clientId);
    expect(info.getElementsByTagNameNS(OVERRIDES_NS, 'Resource')[0].textContent).toBe(SSO.resource);
    expect(Array.from(info.getElementsByTagNameNS(OVERRIDES_NS, 'Scope')).map((s) => s.textContent)).toEqual(['openid', 'profile', 'offline_access']);
  });

  test('local mode: no <WebApplicationInfo> and no trace of the SSO block', () => {
    const config = loadConfig({}, ROOT);
    expect(config.auth.mode).toBe('local');
    expect(manifestSsoOf(config)).toBeUndefined();
    const xml = fillManifest(readFileSync(MANIFEST_TEMPLATE(ROOT), 'utf8'), { publicUrl: config.publicUrl, sso: manifestSsoOf(config) });
    const doc = parseStrict(xml);
    expect(doc.getElementsByTagNameNS(OVERRIDES_NS, 'WebApplicationInfo').length).toBe(0);
    expect(xml).not.toMatch(/\{\{|<WebApplicationInfo|<Scope>|offline_access|api:\/\//);
    expect(childNames(doc.getElementsByTagNameNS(OVERRIDES_NS, 'VersionOverrides')[0])).toEqual(['Hosts', 'Resources']);
  });

  test('SSO values that would break the manifest or Office SSO are refused or escaped', () => {
    const template = readFileSync(MANIFEST_TEMPLATE(ROOT), 'utf8');
    expect(() => fillManifest(template, { publicUrl: 'https://x.example', sso: { ...SSO, clientId: '</Id><x/>' } })).toThrow(/GUID/);
    expect(() => fillManifest(template, { publicUrl: 'https://x.example', sso: { ...SSO, resource: 'https://x.example/app' } })).toThrow(/api:\/\//);
    const xml = fillManifest(template, { publicUrl: 'https://x.example', sso: { ...SSO, resource: `api://x.example/a&b/${SSO.clientId}` } });
    parseStrict(xml);
    expect(xml).toContain(`<Resource>api://x.example/a&amp;b/${SSO.clientId}</Resource>`);
    expect(() => fillManifest(template.replace('<!--{{/SSO}}-->', ''), { publicUrl: 'https://x.example' })).toThrow(/markers/);
  });

  test('with and without SSO, the converter gives unified manifests the bundled schema accepts; a broken one is reported', () => {
    const template = readFileSync(MANIFEST_TEMPLATE(ROOT), 'utf8');
    const withSso = path.join(dir, 'word-addin-sso.xml');
    writeFileSync(withSso, fillManifest(template, { publicUrl: 'https://synergie.molenbeek.example', sso: SSO }));
    const tenant = convertAndValidate(withSso, path.join(dir, 'json-sso'));
    expect(tenant.errors).toEqual([]);
    expect(tenant.json.webApplicationInfo).toEqual({ id: SSO.clientId, resource: SSO.resource });

    const withoutSso = path.join(dir, 'word-addin-local.xml');
    writeFileSync(withoutSso, fillManifest(template, { publicUrl: 'https://synergie.molenbeek.example' }));
    const local = convertAndValidate(withoutSso, path.join(dir, 'json-local'));
    expect(local.errors).toEqual([]);
    expect(local.json.webApplicationInfo).toBeUndefined();

    // the validation can fail on this block: an id that is not a GUID is reported
    const broken = convertAndValidate(withSso, path.join(dir, 'json-sso-broken'), "m.webApplicationInfo = { ...m.webApplicationInfo, id: 'not-a-guid' };");
    expect(broken.errors.length).toBeGreaterThan(0);
  });

  test('the ribbon speaks English by default, Dutch and French where Word does, and the pane names that same button', () => {
    const doc = parseStrict(readFileSync(MANIFEST_TEMPLATE(ROOT), 'utf8'));
    expect(doc.getElementsByTagName('DefaultLocale')[0].textContent).toBe('en-US');
    const label = Array.from(doc.getElementsByTagNameNS('*', 'String')).find((e) => e.getAttribute('id') === 'Button.Label')!;
    const overrides = Object.fromEntries(
      Array.from(label.getElementsByTagNameNS('*', 'Override')).map((o) => [o.getAttribute('Locale'), o.getAttribute('Value')]),
    );
    const labels = { en: label.getAttribute('DefaultValue')!, nl: overrides['nl-BE'], fr: overrides['fr-BE'] };
    expect(labels).toEqual({ en: 'Synergy annex', nl: 'Synergiebijlage', fr: 'Annexe synergies' });
    expect(overrides['nl-NL']).toBe(labels.nl);
    expect(overrides['fr-FR']).toBe(labels.fr);
    for (const language of ['en', 'nl', 'fr'] as const) expect(translator(language)('officeAbsent')).toContain(labels[language]);
  });

  test('the icons are real PNGs of the sizes the manifest names, with a picture on them', () => {
    for (const size of ICON_SIZES) {
      const png = PNG.sync.read(readFileSync(path.join(ROOT, 'appPackage', `addin-icon-${size}.png`)));
      expect([png.width, png.height]).toEqual([size, size]);
      const colours = new Set<number>();
      for (let i = 0; i < png.data.length; i += 4) if (png.data[i + 3] > 0) colours.add(png.data.readUInt32BE(i));
      expect(colours.size).toBeGreaterThan(2);
    }
  });
});
