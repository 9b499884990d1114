// `npm start`: builds only if a source changed since the last build (scripts/build.mjs), then runs the
// server in this same process, with Node's on-disk compile cache so that loading the server's modules is
// fast from the second start on.
import { createRequire, enableCompileCache } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
enableCompileCache(path.join(root, 'node_modules', '.cache', 'node-compile-cache'));
const { buildIfChanged } = await import('./build.mjs');
buildIfChanged();
createRequire(import.meta.url)(path.join(root, 'dist', 'src', 'server', 'main.js'));
