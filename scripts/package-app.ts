import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { encodePng } from './lib/png';
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

/** The app package: deflated entries with a fixed date, so the same inputs give the same zip. */
export function zip(files: ReadonlyArray<{ name: string; data: Buffer }>): Buffer {
  const mtime = new Date(1980, 0, 1);
  return Buffer.from(zipSync(Object.fromEntries(files.map((f) => [f.name, [new Uint8Array(f.data), { level: 9, mtime }]]))));
}

// ------------------------------------------------------------------ icons

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
