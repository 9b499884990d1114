import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { type AppConfig, ConfigError, loadConfig, readEnvFiles } from '../src/host';

/**
 * Builds the Teams app package as the Microsoft 365 Agents Toolkit's teamsApp/zipAppPackage does, without
 * a tenant: appPackage/manifest.json with its `${{NAME}}` placeholders filled (+ the nl/fr localisations and
 * the committed icons), zipped into build/appPackage.zip. A placeholder takes the value of the environment
 * variable of that name (env/.env.local, env/.env.<ENV_NAME>, the process — as the toolkit reads
 * env/.env.<environment>), else one derived from the configuration, so `npm run package` works on a fresh
 * machine too.
 *
 *   node dist/scripts/package-app.js   → build/appPackage.zip
 */

export const APP_PACKAGE_DIR = 'appPackage';
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png', 'nl.json', 'fr.json'] as const;
const PLACEHOLDER_GUID = '00000000-0000-0000-0000-000000000000';
/** The toolkit's placeholder syntax: ${{NAME}}, spaces allowed inside the braces. */
const PLACEHOLDER = /\$\{\{ *([a-zA-Z_][a-zA-Z0-9_]*) *\}\}/g;

/** The values the manifest's placeholders take when the environment does not name them. */
export function manifestValues(config: AppConfig, env: Record<string, string | undefined> = {}): { values: Record<string, string>; warnings: string[] } {
  const warnings: string[] = [];
  const endpoint = (env.APP_ENDPOINT || config.publicUrl).replace(/\/$/, '');
  const url = new URL(endpoint);
  if (url.protocol !== 'https:') {
    throw new ConfigError(`PUBLIC_URL (or APP_ENDPOINT) must be the https address Teams reaches (a dev tunnel or your host), not ${endpoint}`);
  }
  const clientId = env.AAD_APP_CLIENT_ID || config.entra.clientId;
  if (!clientId) warnings.push(`CLIENT_ID is not set: the package uses ${PLACEHOLDER_GUID} as bot and SSO app id (fine to validate, not to sideload)`);
  // developer.name allows 32 characters: both names when they fit, else the first.
  const publisher =
    [`${config.municipality.nl} / ${config.municipality.fr}`, config.municipality.nl].find((n) => n.length <= 32) ?? config.municipality.nl.slice(0, 32);
  const derived: Record<string, string> = {
    TEAMS_APP_ID: config.teamsAppId,
    AAD_APP_CLIENT_ID: clientId ?? PLACEHOLDER_GUID,
    // the bot's own app id: the Entra app's, or in Azure its managed identity's (infra/azure.bicep's BOT_ID)
    BOT_ID: env.BOT_ID || clientId || PLACEHOLDER_GUID,
    APP_ENDPOINT: endpoint,
    APP_DOMAIN: url.host,
    PUBLISHER_NAME: publisher,
    APP_NAME_SUFFIX: '',
  };
  const fromEnv = Object.fromEntries(Object.keys(derived).flatMap((name) => (env[name] ? [[name, env[name] as string]] : [])));
  return { values: { ...derived, ...fromEnv }, warnings };
}

/** Replaces ${{NAME}} in every string of the parsed manifest (never by editing JSON text, unlike a plain text fill). */
export function fillPlaceholders<T>(template: T, values: Record<string, string>): T {
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (_whole, name: string) => {
        if (!(name in values)) throw new Error(`the manifest uses \${{${name}}}, which has no value`);
        return values[name];
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    return node;
  };
  return fill(template) as T;
}

/** The names of the placeholders a template uses. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** The app package: deflated entries with a fixed date, so the same inputs give the same zip. */
export function zip(files: ReadonlyArray<{ name: string; data: Buffer }>): Buffer {
  const mtime = new Date(1980, 0, 1);
  return Buffer.from(zipSync(Object.fromEntries(files.map((f) => [f.name, [new Uint8Array(f.data), { level: 9, mtime }]]))));
}

// ------------------------------------------------------------------ the package

export function buildAppPackage(
  config: AppConfig,
  root = process.cwd(),
  env: Record<string, string | undefined> = {},
): { zipFile: string; manifest: Record<string, unknown>; localizations: Record<string, unknown>; warnings: string[] } {
  const dir = path.join(root, APP_PACKAGE_DIR);
  const { values, warnings } = manifestValues(config, env);
  const read = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
  const manifest = fillPlaceholders(read('manifest.json'), values);
  const localizations = { 'nl.json': fillPlaceholders(read('nl.json'), values), 'fr.json': fillPlaceholders(read('fr.json'), values) };
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
    const env = { ...readEnvFiles(process.cwd(), process.env), ...process.env };
    const { zipFile, warnings } = buildAppPackage(loadConfig(), process.cwd(), env);
    for (const w of warnings) console.warn(`[package] WARNING: ${w}`);
    console.log(`[package] Teams app package: ${path.relative(process.cwd(), zipFile)} (upload it in Teams: Apps › Manage your apps › Upload an app)`);
  } catch (error) {
    console.error(`[package] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
