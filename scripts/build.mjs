// Builds the server (tsc, incremental) and the browser bundles (esbuild) — only when a source changed since
// the last build. `npm start` and `npm run build` use it, so a start with nothing changed goes straight to
// the server. `--force` builds anyway.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', '.build-stamp');
/** What the build reads: sources of the server and the pages, their configuration, the dependencies. */
const INPUTS = ['src', 'bot', 'addin', 'scripts', 'tests/fakes', 'tests/support', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];

function newestIn(file) {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a removed or renamed file changes its folder's time
  for (const entry of readdirSync(file)) newest = Math.max(newest, newestIn(path.join(file, entry)));
  return newest;
}

export function buildIfChanged({ force = false } = {}) {
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const changed = INPUTS.reduce((newest, input) => Math.max(newest, newestIn(path.join(root, input))), 0);
  if (!force && built > changed) return false;
  const started = Date.now();
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', 'dist/.tsbuildinfo'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  execFileSync(process.execPath, [path.join(root, 'scripts/build-web.mjs')], { cwd: root, stdio: 'inherit' });
  // stamped with the time the build started: a source saved during the build still counts as changed
  writeFileSync(stamp, new Date(started).toISOString());
  utimesSync(stamp, new Date(started), new Date(started));
  console.log(`[build] built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!buildIfChanged({ force: process.argv.includes('--force') })) console.log('[build] nothing changed since the last build');
}
