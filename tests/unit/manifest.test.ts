import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { CommandRegistry } from '../../bot/commands/registry';
import { buildAppPackage, fillPlaceholders, manifestValues } from '../../scripts/package-app';
import { loadConfig } from '../../src/host/config';

const ROOT = path.resolve(__dirname, '../..');
const CLIENT_ID = '3c6a9d1e-5b7f-4e2a-9c1d-8f0e7a6b5c4d';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'teams-package-'));
  mkdirSync(path.join(dir, 'appPackage'));
  for (const f of ['manifest.json', 'nl.json', 'fr.json', 'color.png', 'outline.png'])
    copyFileSync(path.join(ROOT, 'appPackage', f), path.join(dir, 'appPackage', f));
  copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = (env: Record<string, string> = {}) =>
  loadConfig(
    { AUTH_MODE: 'local', PUBLIC_URL: 'https://synergie.molenbeek.example', CLIENT_ID, TENANT_ID: '0a1b2c3d-0000-4000-8000-000000000001', ...env },
    ROOT,
  );

/** The Teams manifest schema of the Agents Toolkit's current templates, as @microsoft/app-manifest bundles it (validated offline). */
const SCHEMA_VERSION = '1.29';

/**
 * @microsoft/app-manifest pulls ESM-only packages Jest's CommonJS runtime cannot load: validate in a child
 * Node. The manifest with AppManifestUtils; the localisation files with the bundled localisation schema
 * (draft-04) through ajv-draft-04 directly, because its patterns are not valid as unicode regexps.
 */
function validate(manifest: unknown, localizations: Record<string, unknown>): { manifest: string[]; localizations: Record<string, string[]> } {
  const script = `
    const { AppManifestUtils } = require('@microsoft/app-manifest');
    const locSchema = require('@microsoft/app-manifest/build/json-schemas/teams/v${SCHEMA_VERSION}/MicrosoftTeams.Localization.schema.json');
    (async () => {
      const input = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
      const manifest = await AppManifestUtils.validateAgainstSchema(input.manifest);
      const localizations = {};
      const Ajv = require('ajv-draft-04');
      const addFormats = require('ajv-formats');
      const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
      addFormats(ajv);
      const check = ajv.compile(locSchema);
      for (const [file, json] of Object.entries(input.localizations)) {
        localizations[file] = check(json) ? [] : check.errors.map((e) => e.instancePath + ' ' + e.message);
      }
      process.stdout.write(JSON.stringify({ manifest, localizations }));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const out = execFileSync(process.execPath, ['-e', script], { cwd: ROOT, input: JSON.stringify({ manifest, localizations }), encoding: 'utf8' });
  return JSON.parse(out);
}

/** A PNG decoded by pngjs: size and RGBA pixels. */
function decodePng(buf: Buffer): { width: number; height: number; pixels: Buffer } {
  const png = PNG.sync.read(buf);
  return { width: png.width, height: png.height, pixels: png.data };
}

test('the filled manifest and its nl/fr localisations are valid against the toolkit templates’ Teams schema (v1.29, bundled)', () => {
  expect(existsSync(path.join(ROOT, `node_modules/@microsoft/app-manifest/build/json-schemas/teams/v${SCHEMA_VERSION}/MicrosoftTeams.schema.json`))).toBe(true);
  const { manifest, localizations, warnings } = buildAppPackage(config(), dir);
  expect(warnings).toEqual([]);
  const result = validate(manifest, localizations);
  expect(result).toEqual({ manifest: [], localizations: { 'nl.json': [], 'fr.json': [] } });
  const m = manifest as any;
  expect(m.manifestVersion).toBe(SCHEMA_VERSION);
  expect(m.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${SCHEMA_VERSION}/MicrosoftTeams.schema.json`);
  expect(m.id).toBe(config().teamsAppId);
  expect(m.bots[0]).toMatchObject({ botId: CLIENT_ID, scopes: ['personal', 'team', 'groupChat'] });
  expect(m.staticTabs[0]).toMatchObject({ entityId: 'register', contentUrl: 'https://synergie.molenbeek.example/tab?inTeams=1', scopes: ['personal'] });
  expect(m.configurableTabs[0]).toMatchObject({ configurationUrl: 'https://synergie.molenbeek.example/tab/config', scopes: ['team'] });
  expect(m.webApplicationInfo).toEqual({ id: CLIENT_ID, resource: `api://synergie.molenbeek.example/${CLIENT_ID}` });
  expect(m.validDomains).toEqual(['synergie.molenbeek.example']);
  expect(JSON.stringify(m)).not.toMatch(/\{\{/);
  expect(m.developer).toMatchObject({
    privacyUrl: 'https://synergie.molenbeek.example/legal/privacy',
    termsOfUseUrl: 'https://synergie.molenbeek.example/legal/terms',
  });
  expect(m.version).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
});

test('the toolkit’s environment values win over the configuration (as teamsApp/zipAppPackage fills them)', () => {
  const env = {
    TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
    AAD_APP_CLIENT_ID: '66666666-7777-4888-9999-aaaaaaaaaaaa',
    APP_ENDPOINT: 'https://synergy-dev.azurewebsites.net',
    APP_DOMAIN: 'synergy-dev.azurewebsites.net',
    PUBLISHER_NAME: 'Gemeente Ukkel',
  };
  const m = buildAppPackage(config(), dir, env).manifest as any;
  expect(m.id).toBe(env.TEAMS_APP_ID);
  expect(m.bots[0].botId).toBe(env.AAD_APP_CLIENT_ID);
  expect(m.webApplicationInfo).toEqual({ id: env.AAD_APP_CLIENT_ID, resource: `api://synergy-dev.azurewebsites.net/${env.AAD_APP_CLIENT_ID}` });
  expect(m.staticTabs[0].contentUrl).toBe('https://synergy-dev.azurewebsites.net/tab?inTeams=1');
  expect(m.developer.name).toBe('Gemeente Ukkel');
  // in Azure the bot is the web app's managed identity (BOT_ID from infra/azure.bicep), SSO stays the Entra app
  const managed = buildAppPackage(config(), dir, { ...env, BOT_ID: '77777777-8888-4999-8aaa-bbbbbbbbbbbb' }).manifest as any;
  expect([managed.bots[0].botId, managed.webApplicationInfo.id]).toEqual(['77777777-8888-4999-8aaa-bbbbbbbbbbbb', env.AAD_APP_CLIENT_ID]);
});

test('the validator does fail on a broken manifest (the test can fail)', () => {
  const { manifest, localizations } = buildAppPackage(config(), dir);
  const m = manifest as any;
  const broken = { ...m, id: 'not-a-guid', developer: { ...m.developer, name: 'x'.repeat(33) } };
  const brokenLoc = { ...localizations, 'nl.json': { ...(localizations['nl.json'] as object), 'name.short': 'y'.repeat(31) } };
  const result = validate(broken, brokenLoc);
  expect(result.manifest.join('\n')).toMatch(/\/id/);
  expect(result.manifest.join('\n')).toMatch(/developer\/name/);
  expect(result.localizations['nl.json'].join('\n')).toMatch(/name\.short/);
});

test('every command in the command lists, in English, Dutch and French, is one the bot understands', () => {
  const { manifest, localizations } = buildAppPackage(config(), dir);
  const commands = (manifest as any).bots[0].commandLists.flatMap((l: any) => l.commands);
  const titles = [...commands.map((c: any) => c.title)];
  for (const loc of Object.values(localizations) as Array<Record<string, string>>) {
    titles.push(
      ...Object.entries(loc)
        .filter(([k]) => /^bots\[0\]\.commandLists\[\d\]\.commands\[\d+\]\.title$/.test(k))
        .map(([, v]) => v),
    );
  }
  expect(titles).toHaveLength(15);
  const registry = new CommandRegistry();
  for (const title of titles) {
    const parsed = registry.match(title, 'en');
    const verdict =
      parsed.kind === 'command' || (parsed.kind === 'refused' && parsed.key === 'error.missingEntry')
        ? 'ok'
        : parsed.kind === 'refused'
          ? parsed.key
          : parsed.kind;
    expect([title, verdict]).toEqual([title, 'ok']);
  }
});

test('icons: color 192×192 opaque, outline 32×32 white on transparent', () => {
  const color = decodePng(readFileSync(path.join(ROOT, 'appPackage/color.png')));
  expect([color.width, color.height]).toEqual([192, 192]);
  for (let i = 3; i < color.pixels.length; i += 4) expect(color.pixels[i]).toBe(255);
  const outline = decodePng(readFileSync(path.join(ROOT, 'appPackage/outline.png')));
  expect([outline.width, outline.height]).toEqual([32, 32]);
  let transparent = 0;
  let ink = 0;
  for (let i = 0; i < outline.pixels.length; i += 4) {
    const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
    if (a === 0) transparent++;
    else {
      ink++;
      expect([r, g, b]).toEqual([255, 255, 255]);
    }
  }
  expect(transparent).toBeGreaterThan(32 * 32 * 0.5);
  expect(ink).toBeGreaterThan(50);
});

test('the zip holds exactly the manifest, both icons and the localisations, intact', () => {
  const { zipFile, manifest } = buildAppPackage(config(), dir);
  const files = unzipSync(new Uint8Array(readFileSync(zipFile)));
  expect(Object.keys(files).sort()).toEqual(['color.png', 'fr.json', 'manifest.json', 'nl.json', 'outline.png']);
  expect(JSON.parse(strFromU8(files['manifest.json']))).toEqual(manifest);
  expect(Buffer.from(files['color.png']).equals(readFileSync(path.join(ROOT, 'appPackage/color.png')))).toBe(true);
  expect(JSON.parse(strFromU8(files['nl.json']))['name.short']).toBe('Synergieregister');
});

test('a non-https public URL is refused; a missing CLIENT_ID is a warning; placeholders are filled without JSON tricks', () => {
  expect(() => manifestValues(config({ PUBLIC_URL: 'http://localhost:3978' }))).toThrow(/https/);
  expect(() => manifestValues(config(), { APP_ENDPOINT: 'http://tunnel.example' })).toThrow(/https/);
  const noClient = loadConfig({ AUTH_MODE: 'local', PUBLIC_URL: 'https://x.example' }, ROOT);
  expect(manifestValues({ ...noClient, entra: { ...noClient.entra, clientId: undefined } }).warnings[0]).toMatch(/CLIENT_ID/);
  expect(fillPlaceholders({ a: ['${{X}}/tab', '${{ X }}'] }, { X: 'a"b' })).toEqual({ a: ['a"b/tab', 'a"b'] });
  expect(() => fillPlaceholders({ a: '${{MISSING}}' }, {})).toThrow(/MISSING/);
});

test('building the package needs no secret: a tenant configuration on the SharePoint store without CLIENT_SECRET packages', () => {
  const tenant = loadConfig(
    {
      AUTH_MODE: 'entra',
      TENANT_ID: '0a1b2c3d-0000-4000-8000-000000000001',
      CLIENT_ID,
      STORE: 'graph',
      GRAPH_SITE_ID: 'contoso.sharepoint.com,a,b',
      PUBLIC_URL: 'https://synergie.molenbeek.example',
    },
    ROOT,
  );
  expect(buildAppPackage(tenant, dir).warnings).toEqual([]);
});
