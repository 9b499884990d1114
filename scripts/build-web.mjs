// Bundles the browser code of each surface: src/tab/web/*.entry.ts -> dist/web/tab/*.js,
// addin/web/*.entry.ts -> dist/web/addin/*.js. One esbuild call, lean IIFE bundles for the browser.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const surfaces = [
  { dir: 'src/tab/web', out: 'dist/web/tab' },
  { dir: 'addin/web', out: 'dist/web/addin' },
];

for (const { dir, out } of surfaces) {
  if (!existsSync(dir)) continue;
  const entryPoints = readdirSync(dir)
    .filter((f) => f.endsWith('.entry.ts'))
    .map((f) => ({ in: path.join(dir, f), out: f.replace(/\.entry\.ts$/, '') }));
  if (entryPoints.length === 0) continue;
  await build({
    entryPoints,
    outdir: out,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}
