import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { type AppConfig, ConfigError, loadConfig } from '../src/server/config';

/**
 * Builds the Teams app package: appPackage/manifest.template.json (+ nl/fr localisation, icons) filled
 * with values from env/ (loadConfig) and zipped into build/appPackage.zip, with Node only.
 *
 *   node dist/scripts/package-app.js           → build/appPackage.zip
 *   node dist/scripts/package-app.js --icons   → (re)draws appPackage/color.png and outline.png
 */

export const APP_PACKAGE_DIR = 'appPackage';
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png', 'nl.json', 'fr.json'] as const;
const PLACEHOLDER_GUID = '00000000-0000-0000-0000-000000000000';

export interface ManifestValues {
  VERSION: string;
  TEAMS_APP_ID: string;
  BOT_ID: string;
  CLIENT_ID: string;
  PUBLIC_URL: string;
  PUBLIC_HOST: string;
  MUNICIPALITY: string;
}

/** Values from the configuration; the public URL must be https (Teams loads tabs and calls the bot there). */
export function manifestValues(config: AppConfig, version: string): { values: ManifestValues; warnings: string[] } {
  const warnings: string[] = [];
  const url = new URL(config.publicUrl);
  if (url.protocol !== 'https:') {
    throw new ConfigError(`PUBLIC_URL must be the https address Teams reaches (a dev tunnel or your host), not ${config.publicUrl}`);
  }
  const clientId = config.entra.clientId;
  if (!clientId) warnings.push(`CLIENT_ID is not set: the package uses ${PLACEHOLDER_GUID} as bot and SSO app id (fine to validate, not to sideload)`);
  return {
    values: {
      VERSION: version,
      TEAMS_APP_ID: config.teamsAppId,
      BOT_ID: clientId ?? PLACEHOLDER_GUID,
      CLIENT_ID: clientId ?? PLACEHOLDER_GUID,
      PUBLIC_URL: config.publicUrl.replace(/\/$/, ''),
      PUBLIC_HOST: url.host,
      // developer.name allows 32 characters: both names when they fit, else the first.
      MUNICIPALITY: [`${config.municipality.nl} / ${config.municipality.fr}`, config.municipality.nl].find((n) => n.length <= 32) ?? config.municipality.nl.slice(0, 32),
    },
    warnings,
  };
}

/** Replaces {{NAME}} in every string of the parsed template (never by editing JSON text). */
export function fillTemplate<T>(template: T, values: Record<string, string>): T {
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
        if (!(name in values)) throw new Error(`the manifest template uses {{${name}}}, which has no value`);
        return values[name];
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    return node;
  };
  return fill(template) as T;
}

// ------------------------------------------------------------------ zip (deflate, no dependencies)

export function zip(files: ReadonlyArray<{ name: string; data: Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  // 1980-01-01 00:00, fixed: the same inputs give the same zip.
  const dosTime = 0;
  const dosDate = (0 << 9) | (1 << 5) | 1;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const compressed = deflateRawSync(file.data, { level: 9 });
    const crc = crc32(file.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(file.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

// ------------------------------------------------------------------ icons (a tiny PNG encoder)

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA pixels (row-major, 4 bytes each) → PNG, colour type 6, 8 bits per channel. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw, { level: 9 })), pngChunk('IEND', Buffer.alloc(0))]);
}

/** Draws by coverage: `inside(x, y)` in [0,1]² says whether a point is ink; 4×4 samples per pixel. */
function raster(size: number, inside: (x: number, y: number) => boolean, ink: [number, number, number], background: [number, number, number, number]): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < n; sy++) for (let sx = 0; sx < n; sx++) if (inside((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)) hits++;
      const a = hits / (n * n);
      const i = (py * size + px) * 4;
      const bgA = background[3] / 255;
      const outA = a + bgA * (1 - a);
      for (let c = 0; c < 3; c++) out[i + c] = outA === 0 ? 0 : Math.round((ink[c] * a + background[c] * bgA * (1 - a)) / outA);
      out[i + 3] = Math.round(outA * 255);
    }
  }
  return out;
}

/** Two overlapping rings: two administrations working together. */
function rings(x: number, y: number, r: number, width: number): boolean {
  const ring = (cx: number) => Math.abs(Math.hypot(x - cx, y - 0.5) - r) <= width / 2;
  return ring(0.38) || ring(0.62);
}

export function drawIcons(): { color: Buffer; outline: Buffer } {
  const teal: [number, number, number, number] = [15, 110, 110, 255];
  const color = raster(192, (x, y) => rings(x, y, 0.2, 0.07), [255, 255, 255], teal);
  const outline = raster(32, (x, y) => rings(x, y, 0.24, 0.1), [255, 255, 255], [0, 0, 0, 0]);
  return { color: encodePng(192, 192, color), outline: encodePng(32, 32, outline) };
}

// ------------------------------------------------------------------ the package

export function buildAppPackage(config: AppConfig, root = process.cwd()): { zipFile: string; manifest: Record<string, unknown>; localizations: Record<string, unknown>; warnings: string[] } {
  const dir = path.join(root, APP_PACKAGE_DIR);
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const { values, warnings } = manifestValues(config, version);
  const read = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
  const manifest = fillTemplate(read('manifest.template.json'), { ...values });
  const localizations = { 'nl.json': fillTemplate(read('nl.json'), { ...values }), 'fr.json': fillTemplate(read('fr.json'), { ...values }) };
  const json = (v: unknown) => Buffer.from(`${JSON.stringify(v, null, 2)}\n`, 'utf8');
  const files = [
    { name: 'manifest.json', data: json(manifest) },
    { name: 'color.png', data: readFileSync(path.join(dir, 'color.png')) },
    { name: 'outline.png', data: readFileSync(path.join(dir, 'outline.png')) },
    { name: 'nl.json', data: json(localizations['nl.json']) },
    { name: 'fr.json', data: json(localizations['fr.json']) },
  ];
  const outDir = path.join(root, 'build');
  mkdirSync(outDir, { recursive: true });
  const zipFile = path.join(outDir, 'appPackage.zip');
  writeFileSync(zipFile, zip(files));
  writeFileSync(path.join(outDir, 'manifest.json'), json(manifest));
  return { zipFile, manifest, localizations, warnings };
}

if (require.main === module) {
  try {
    if (process.argv.includes('--icons')) {
      const { color, outline } = drawIcons();
      writeFileSync(path.join(APP_PACKAGE_DIR, 'color.png'), color);
      writeFileSync(path.join(APP_PACKAGE_DIR, 'outline.png'), outline);
      console.log(`[package] icons written to ${APP_PACKAGE_DIR}/color.png (192×192) and outline.png (32×32)`);
    } else {
      const { zipFile, warnings } = buildAppPackage(loadConfig());
      for (const w of warnings) console.warn(`[package] WARNING: ${w}`);
      console.log(`[package] Teams app package: ${path.relative(process.cwd(), zipFile)} (upload it in Teams: Apps › Manage your apps › Upload an app)`);
    }
  } catch (error) {
    console.error(`[package] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
