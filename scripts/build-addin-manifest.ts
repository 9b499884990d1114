/**
 * Writes the Word add-in's XML manifest for a tenant: appPackage/word-addin.template.xml with the public URL,
 * Office SSO (<WebApplicationInfo>: the Entra app's client id and Application ID URI) and the add-in id ->
 * build/word-addin.xml, for the admin to upload in Microsoft 365 admin center › Integrated apps. The settings
 * come from env/.env.<ENV_NAME> and the environment; after the toolkit's `provision` its variables stand in
 * for the server's (AAD_APP_CLIENT_ID for CLIENT_ID, AAD_APP_TENANT_ID for TENANT_ID, APP_ENDPOINT for
 * PUBLIC_URL), so `ENV_NAME=dev npm run addin:manifest` needs nothing else. Local mode is refused: its pane
 * cannot sign in within a tenant (the local server serves its own manifest at /addin/manifest.xml).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { manifestFor } from '../addin';
import { ConfigError, loadConfig, readEnvFiles } from '../src/host';

/** The toolkit's names for the settings the manifest needs (m365agents.yml writes them to env/.env.<environment>). */
const TOOLKIT_NAMES = { CLIENT_ID: 'AAD_APP_CLIENT_ID', TENANT_ID: 'AAD_APP_TENANT_ID', PUBLIC_URL: 'APP_ENDPOINT' } as const;

export function buildAddinManifest(root = process.cwd(), env: Record<string, string | undefined> = process.env): { file: string; publicUrl: string } {
  const known = { ...readEnvFiles(root, env), ...env };
  const fromToolkit = Object.fromEntries(
    Object.entries(TOOLKIT_NAMES).flatMap(([name, toolkitName]) => (!known[name] && known[toolkitName] ? [[name, known[toolkitName]]] : [])),
  );
  const merged = { ...known, ...fromToolkit };
  if (merged.AUTH_MODE !== 'local') {
    const missing = (['CLIENT_ID', 'TENANT_ID'] as const).filter((name) => !merged[name]);
    if (missing.length) {
      throw new ConfigError(
        missing.map((name) => `${name}: not set; run the toolkit's provision for this environment first (it writes ${TOOLKIT_NAMES[name]}), or set ${name}`),
      );
    }
  }
  const config = loadConfig({ ...fromToolkit, ...env }, root);
  if (config.auth.mode !== 'entra') {
    throw new ConfigError(
      'AUTH_MODE=local: a Word manifest for a tenant needs tenant mode, or the pane cannot sign in there (no <WebApplicationInfo>). ' +
        'Run it for your environment (ENV_NAME=dev after the toolkit’s provision, or ENV_NAME=tenant); for this machine, sideload /addin/manifest.xml of the running server.',
    );
  }
  if (!config.publicUrl.startsWith('https://')) throw new ConfigError(`PUBLIC_URL: Word loads add-ins over https only, not ${config.publicUrl}`);
  const file = path.join(root, 'build', 'word-addin.xml');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, manifestFor(config, root));
  return { file, publicUrl: config.publicUrl };
}

if (require.main === module) {
  try {
    const { file, publicUrl } = buildAddinManifest();
    console.log(`[addin:manifest] Word add-in manifest with Office SSO written to ${path.relative(process.cwd(), file)} for ${publicUrl}`);
  } catch (error) {
    const problems = error instanceof ConfigError ? error.problems : [error instanceof Error ? error.message : String(error)];
    for (const problem of problems) console.error(`[addin:manifest] ${problem}`);
    process.exit(1);
  }
}
