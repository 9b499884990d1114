import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repoRootFrom } from '../src/host/paths';

/**
 * The deployment bundle (build/deploy): what the server reads at run time and nothing else — the compiled
 * server and browser bundles, the static files it serves, the committed configuration defaults and the
 * production dependencies. Azure App Service (m365agents.yml, zipDeploy) and the Dockerfile run it with
 * `node dist/src/server/main.js`. Run after `npm run build` (`npm run bundle` does both).
 *
 *   node dist/scripts/bundle-deploy.js               → build/deploy with `npm install --omit=dev` in it
 *   node dist/scripts/bundle-deploy.js --no-install  → the files only (tests link node_modules themselves)
 */

/** Paths (from the repository root) the running server needs. */
export const RUNTIME_PATHS = [
  'package.json',
  'package-lock.json',
  'dist',
  'src/i18n',
  'addin/web',
  'appPackage',
  'env/.env.local',
] as const;

/** Never shipped: test code compiled alongside, source maps (they would publish the sources), browser sources. */
const LEFT_OUT = [/^dist\/tests(\/|$)/, /\.map$/, /\.entry\.ts$/, /\.test\.js$/];

export function bundleDeploy(root = repoRootFrom(__dirname), options: { install?: boolean } = {}): string {
  const out = path.join(root, 'build', 'deploy');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const relative of RUNTIME_PATHS) {
    const from = path.join(root, relative);
    if (!existsSync(from)) throw new Error(`${relative} is missing: run npm run build first`);
    cpSync(from, path.join(out, relative), {
      recursive: true,
      filter: (source) => {
        const rel = path.relative(root, source).split(path.sep).join('/');
        return !LEFT_OUT.some((pattern) => pattern.test(rel));
      },
    });
  }
  if (options.install ?? true) {
    // Production dependencies only; no install scripts (the pinned `node` dev dependency is not among them).
    execFileSync('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: out, stdio: 'inherit' });
  }
  return out;
}

if (require.main === module) {
  try {
    const out = bundleDeploy(undefined, { install: !process.argv.includes('--no-install') });
    console.log(`[bundle] deployment bundle: ${path.relative(process.cwd(), out)} (start: node dist/src/server/main.js)`);
  } catch (error) {
    console.error(`[bundle] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
