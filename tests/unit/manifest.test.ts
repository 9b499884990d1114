import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, inflateRawSync, inflateSync } from 'node:zlib';
import { parseCommand } from '../../bot/commands';
import { buildAppPackage, drawIcons, fillTemplate, manifestValues } from '../../scripts/package-app';
import { loadConfig } from '../../src/server/config';

const ROOT = path.resolve(__dirname, '../..');
const CLIENT_ID = '3c6a9d1e-5b7f-4e2a-9c1d-8f0e7a6b5c4d';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'teams-package-'));
  mkdirSync(path.join(dir, 'appPackage'));
  for (const f of ['manifest.template.json', 'nl.json', 'fr.json', 'color.png', 'outline.png']) copyFileSync(path.join(ROOT, 'appPackage', f), path.join(dir, 'appPackage', f));
  copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = (env: Record<string, string> = {}) =>
  loadConfig({ AUTH_MODE: 'local', PUBLIC_URL: 'https://synergie.molenbeek.example', CLIENT_ID, TENANT_ID: '0a1b2c3d-0000-4000-8000-000000000001', ...env }, ROOT);

/**
 * @microsoft/app-manifest pulls ESM-only packages Jest's CommonJS runtime cannot load: validate in a child
 * Node. The manifest with AppManifestUtils; the localisation files with the bundled localisation schema
 * (draft-04) through ajv-draft-04 directly, because its patterns are not valid as unicode regexps.
 */
function validate(manifest: unknown, localizations: Record<string, unknown>): { manifest: string[]; localizations: Record<string, string[]> } {
  const script = `
    const { AppManifestUtils } = require('@microsoft/app-manifest');
    const locSchema = require('@microsoft/app-manifest/build/json-schemas/teams/v1.25/MicrosoftTeams.Localization.schema.json');
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

/** Minimal PNG reader: IHDR, IDAT (inflated, unfiltered) → RGBA rows. Only 8-bit RGBA (colour type 6). */
function decodePng(buf: Buffer): { width: number; height: number; colorType: number; pixels: Buffer } {
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let pos = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    expect(buf.readUInt32BE(pos + 8 + len)).toBe(crc32(buf.subarray(pos + 4, pos + 8 + len)) >>> 0);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8);
      colorType = data[9];
    }
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  expect(colorType).toBe(6);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= 4 ? pixels[y * stride + x - 4] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4] : 0;
      const paeth = () => {
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      };
      const pred = [0, a, b, (a + b) >> 1, paeth()][filter];
      pixels[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, colorType, pixels };
}

/** Minimal zip reader: central directory → name, inflated data (CRC checked). */
function unzip(buf: Buffer): Map<string, Buffer> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let pos = buf.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(pos)).toBe(0x02014b50);
    const method = buf.readUInt16LE(pos + 10);
    const crc = buf.readUInt32LE(pos + 16);
    const size = buf.readUInt32LE(pos + 20);
    const nameLen = buf.readUInt16LE(pos + 28);
    const extraLen = buf.readUInt16LE(pos + 30);
    const commentLen = buf.readUInt16LE(pos + 32);
    const local = buf.readUInt32LE(pos + 42);
    const name = buf.toString('utf8', pos + 46, pos + 46 + nameLen);
    const localNameLen = buf.readUInt16LE(local + 26);
    const localExtra = buf.readUInt16LE(local + 28);
    const start = local + 30 + localNameLen + localExtra;
    const data = buf.subarray(start, start + size);
    const content = method === 8 ? inflateRawSync(data) : data;
    expect(crc32(content) >>> 0).toBe(crc);
    out.set(name, content);
    pos += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

test('the filled manifest and its nl/fr localisations are valid against the bundled Teams schema v1.25', () => {
  const { manifest, localizations, warnings } = buildAppPackage(config(), dir);
  expect(warnings).toEqual([]);
  const result = validate(manifest, localizations);
  expect(result).toEqual({ manifest: [], localizations: { 'nl.json': [], 'fr.json': [] } });
  const m = manifest as any;
  expect(m.manifestVersion).toBe('1.25');
  expect(m.id).toBe(config().teamsAppId);
  expect(m.bots[0]).toMatchObject({ botId: CLIENT_ID, scopes: ['personal', 'team', 'groupChat'] });
  expect(m.staticTabs[0]).toMatchObject({ entityId: 'register', contentUrl: 'https://synergie.molenbeek.example/tab?inTeams=1', scopes: ['personal'] });
  expect(m.configurableTabs[0]).toMatchObject({ configurationUrl: 'https://synergie.molenbeek.example/tab/config', scopes: ['team'] });
  expect(m.webApplicationInfo).toEqual({ id: CLIENT_ID, resource: `api://synergie.molenbeek.example/${CLIENT_ID}` });
  expect(m.validDomains).toEqual(['synergie.molenbeek.example']);
  expect(JSON.stringify(m)).not.toMatch(/\{\{/);
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
    titles.push(...Object.entries(loc).filter(([k]) => /^bots\[0\]\.commandLists\[\d\]\.commands\[\d+\]\.title$/.test(k)).map(([, v]) => v));
  }
  expect(titles).toHaveLength(15);
  for (const title of titles) {
    const parsed = parseCommand(title);
    expect([title, parsed.kind === 'error' && parsed.key !== 'error.missingEntry' ? parsed.key : 'ok']).toEqual([title, 'ok']);
  }
});

test('icons: color 192×192 opaque, outline 32×32 white on transparent; the committed files are what the generator draws', () => {
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
  const drawn = drawIcons();
  expect(drawn.color.equals(readFileSync(path.join(ROOT, 'appPackage/color.png')))).toBe(true);
  expect(drawn.outline.equals(readFileSync(path.join(ROOT, 'appPackage/outline.png')))).toBe(true);
});

test('the zip holds exactly the manifest, both icons and the localisations, intact', () => {
  const { zipFile, manifest } = buildAppPackage(config(), dir);
  const files = unzip(readFileSync(zipFile));
  expect([...files.keys()].sort()).toEqual(['color.png', 'fr.json', 'manifest.json', 'nl.json', 'outline.png']);
  expect(JSON.parse(files.get('manifest.json')!.toString('utf8'))).toEqual(manifest);
  expect(files.get('color.png')!.equals(readFileSync(path.join(ROOT, 'appPackage/color.png')))).toBe(true);
  expect(JSON.parse(files.get('nl.json')!.toString('utf8'))['name.short']).toBe('Synergieregister');
});

test('a non-https public URL is refused; a missing CLIENT_ID is a warning; template values are filled without JSON tricks', () => {
  expect(() => manifestValues(config({ PUBLIC_URL: 'http://localhost:3978' }), '1.0.0')).toThrow(/https/);
  const noClient = loadConfig({ AUTH_MODE: 'local', PUBLIC_URL: 'https://x.example' }, ROOT);
  expect(manifestValues({ ...noClient, entra: { ...noClient.entra, clientId: undefined } }, '1.0.0').warnings[0]).toMatch(/CLIENT_ID/);
  expect(fillTemplate({ a: ['{{X}}/tab'] }, { X: 'a"b' })).toEqual({ a: ['a"b/tab'] });
  expect(() => fillTemplate({ a: '{{MISSING}}' }, {})).toThrow(/MISSING/);
});
