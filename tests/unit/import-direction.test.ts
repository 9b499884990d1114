import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Imports point downward (domain ← register ← store/server ← surfaces): the domain stands alone, the register
 * and the stores know nothing of the server or a surface (the server composes them: src/server/store.ts), the
 * Word add-in does not reach into the tab or the build scripts, and no product code imports tests or scripts.
 */

const ROOT = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sources(rel);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** Repository-relative targets of a file's relative imports. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => path.normalize(path.join(path.dirname(file), m[1])));
}

function violations(dir: string, forbidden: string[]): string[] {
  return sources(dir).flatMap((file) => importsOf(file).filter((target) => forbidden.some((f) => target === f || target.startsWith(`${f}/`))).map((target) => `${file} → ${target}`));
}

test('the domain imports nothing but the domain', () => {
  expect(violations('src/domain', ['src/register', 'src/store', 'src/server', 'src/tab', 'src/seed', 'src/legal', 'bot', 'addin', 'scripts', 'tests'])).toEqual([]);
});

test('the register and the stores import neither the server nor a surface', () => {
  const upward = ['src/server', 'src/tab', 'src/legal', 'src/seed', 'src/import', 'bot', 'addin', 'scripts', 'tests'];
  expect([...violations('src/register', upward), ...violations('src/store', upward)]).toEqual([]);
});

test('the Word add-in imports neither the tab nor the build scripts nor tests', () => {
  expect(violations('addin', ['src/tab', 'scripts', 'tests'])).toEqual([]);
});

test('product code imports no test code and no script', () => {
  expect([...violations('src', ['tests', 'scripts']), ...violations('bot', ['tests', 'scripts'])]).toEqual([]);
});

test('the check can fail: it sees an upward import', () => {
  expect(violations('src/server', ['src/store'])).not.toEqual([]);
});
