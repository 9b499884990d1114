import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRootFrom } from '../src/host';

/**
 * The deployment bundle (build/deploy): what the server reads at run time and nothing else — the compiled
 * server and browser bundles, the static files it serves and the production dependencies, installed from the
 * lockfile. No configuration file travels with it: the host (App Service's settings, `docker run -e`) gives
 * every setting. Azure App Service (m365agents.yml, zipDeploy) and the Dockerfile run it with
 * `node dist/src/server/main.js`. Run after `npm run build` (`npm run bundle` does both).
 *
 *   node dist/scripts/bundle-deploy.js                 → build/deploy, with `npm ci --omit=dev` in it
 *   node dist/scripts/bundle-deploy.js --out <folder>  → the same bundle in another folder
 *   node dist/scripts/bundle-deploy.js --no-install    → the files only
 */

/** Paths (from the repository root) the running server reads, each with what inside it is left out. */
export const RUNTIME_PATHS: ReadonlyArray<{ path: string; leaveOut?: RegExp }> = [
  { path: 'package.json' },
  { path: 'package-lock.json' },
  // the server's compiled code and the browser bundles; never the build scripts, the compiled test helpers,
  // the incremental-build state, nor source maps (they would publish the sources)
  { path: 'dist', leaveOut: /^dist\/(scripts|tests)(\/|$)|^dist\/\.|\.map$/ },
  // the pane's static pages and styles; its TypeScript sources are compiled into dist/web/addin
  { path: 'addin/web', leaveOut: /\.ts$/ },
  // the add-in's icons and manifest template; not the Teams package's build output
  { path: 'appPackage', leaveOut: /^appPackage\/build(\/|$)/ },
];

export interface BundleOptions {
  /** the bundle's folder (default build/deploy); emptied first */
  out?: string;
  /** install the production dependencies from the lockfile (default true) */
  install?: boolean;
}

export function bundleDeploy(root = repoRootFrom(__dirname), options: BundleOptions = {}): string {
  const out = path.resolve(root, options.out ?? path.join('build', 'deploy'));
  if (!existsSync(path.join(root, 'dist', 'src', 'server', 'main.js'))) throw new Error('dist/src/server/main.js is missing: run npm run build first');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const { path: relative, leaveOut } of RUNTIME_PATHS) {
    const from = path.join(root, relative);
    if (!existsSync(from)) throw new Error(`${relative} is missing: run npm run build first`);
    cpSync(from, path.join(out, relative), {
      recursive: true,
      filter: (source) => !leaveOut?.test(path.relative(root, source).split(path.sep).join('/')),
    });
  }
  // the bundle's own `npm start` runs the server (the repository's builds first, which the bundle cannot)
  const manifestFile = path.join(out, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { scripts?: Record<string, string> };
  writeFileSync(manifestFile, `${JSON.stringify({ ...manifest, scripts: { start: 'node dist/src/server/main.js' } }, null, 2)}\n`);
  if (options.install ?? true) {
    // Exactly the lockfile's production dependencies; no install scripts (none of them needs one).
    execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: out, stdio: 'inherit' });
  }
  return out;
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

if (require.main === module) {
  try {
    const out = bundleDeploy(undefined, { out: argument('--out'), install: !process.argv.includes('--no-install') });
    console.log(`[bundle] deployment bundle: ${path.relative(process.cwd(), out) || '.'} (start: node dist/src/server/main.js)`);
  } catch (error) {
    console.error(`[bundle] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
