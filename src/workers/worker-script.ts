import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** The bundles made in this process, by module file. */
const bundled = new Map<string, string>();

/**
 * The script a worker thread runs for the module at `filename` (its `__filename`): the module itself as compiled
 * (the server runs from dist); when the module is TypeScript (tests run the sources), the same file bundled once per
 * process with esbuild, the project's build tool, into node_modules/.cache so its packages resolve, one file per
 * process because test runners start several processes at once.
 */
export function workerScript(filename: string, name: string): string {
  if (filename.endsWith('.js')) return filename;
  let out = bundled.get(filename);
  if (!out) {
    out = path.join(__dirname, '..', '..', 'node_modules', '.cache', 'synergy-workers', `${name}-${process.pid}.js`);
    mkdirSync(path.dirname(out), { recursive: true });
    (require('esbuild') as typeof import('esbuild')).buildSync({
      entryPoints: [filename],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      logLevel: 'error',
    });
    bundled.set(filename, out);
  }
  return out;
}
