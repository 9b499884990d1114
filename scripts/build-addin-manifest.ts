/**
 * Writes the Word add-in's XML manifest for this environment: appPackage/word-addin.template.xml with
 * PUBLIC_URL from the configuration (env/.env.local, env/.env.<ENV_NAME>, the environment), Office SSO in
 * tenant mode, and the add-in GUID from WORD_ADDIN_ID (or the default) -> build/word-addin.xml. The icons are the
 * committed appPackage/addin-icon-*.png.
 *   npx tsc -p tsconfig.build.json && node dist/scripts/build-addin-manifest.js
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { manifestFor } from '../addin/manifest';
import { loadConfig } from '../src/host/config';

export function buildAddinManifest(root = process.cwd(), env: Record<string, string | undefined> = process.env): string {
  const config = loadConfig(env, root);
  const xml = manifestFor(config, root, env.WORD_ADDIN_ID);
  const out = path.join(root, 'build', 'word-addin.xml');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, xml);
  return out;
}

if (require.main === module) {
  const out = buildAddinManifest();
  const url = loadConfig().publicUrl;
  console.log(`Word add-in manifest written to ${out} for ${url}`);
  if (!url.startsWith('https://')) {
    console.warn('Note: Word loads add-ins over https only. Set PUBLIC_URL to an https address (e.g. a dev tunnel to port 3978) and run this again.');
  }
}
