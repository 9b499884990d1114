import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The dependency rules (.dependency-cruiser.cjs, run by `npm test` as `npm run lint:deps`) hold on the repository,
 * and they can fail: an upward import is found however it is written — `import`, `require()` or `import()`.
 */
const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

function cruise(cwd: string, folders: string[]): { ok: boolean; output: string } {
  try {
    const output = execFileSync(process.execPath, [CLI, ...folders, '--config', path.join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'err'], {
      cwd,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { ok: true, output };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** A tiny tree shaped like the repository, with one domain file importing the server. */
function treeWith(domainFile: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'deps-'));
  for (const folder of ['src/domain', 'src/server', 'src/i18n']) mkdirSync(path.join(dir, folder), { recursive: true });
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', target: 'ES2022', strict: true } }));
  writeFileSync(path.join(dir, 'src/server/app.ts'), 'export const app = 1;\n');
  writeFileSync(path.join(dir, 'src/i18n/texts.ts'), 'export const texts = 1;\n');
  writeFileSync(path.join(dir, 'src/domain/rule.ts'), domainFile);
  return dir;
}

test('the repository follows its dependency rules', () => {
  const result = cruise(ROOT, ['src', 'bot', 'addin', 'scripts', 'tests']);
  expect(result.output).not.toMatch(/error/);
  expect(result.ok).toBe(true);
}, 120_000);

test.each([
  ['import', "import { app } from '../server/app';\nexport const x = app;\n"],
  ['require()', "const { app } = require('../server/app');\nexport const x = app;\n"],
  ['import()', "export const x = () => import('../server/app');\n"],
])(
  'an upward import written with %s fails the rules',
  (_how, source) => {
    const result = cruise(treeWith(source), ['src']);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('src/domain/rule.ts → src/server/app.ts');
  },
  60_000,
);

test('the domain may not import the message catalogue either', () => {
  const result = cruise(treeWith("import { texts } from '../i18n/texts';\nexport const x = texts;\n"), ['src']);
  expect(result.ok).toBe(false);
  expect(result.output).toContain('src/domain/rule.ts → src/i18n/texts.ts');
}, 60_000);
