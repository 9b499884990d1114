/**
 * The dependency rules, checked by `npm test` (`npm run lint:deps`): imports point downward. Each folder below
 * lists the folders it may import besides itself and its own subfolders; anything else (written with `import`,
 * `require()` or `import()`) fails. A more specific folder (src/annex/model) has its own row and is not covered by
 * its parent's (src/annex).
 */
const { readdirSync, statSync } = require('node:fs');
const path = require('node:path');

const PRODUCT = ['src', 'bot', 'addin'];

/** Every folder of product code: each has an index.ts, its public face. */
function productFolders(dir) {
  const entries = readdirSync(dir);
  const own = entries.some((name) => name.endsWith('.ts')) ? [dir] : [];
  return [...own, ...entries.filter((name) => statSync(path.join(dir, name)).isDirectory()).flatMap((name) => productFolders(path.join(dir, name)))];
}
const FOLDERS = PRODUCT.flatMap((root) => productFolders(path.join(__dirname, root)).map((dir) => path.relative(__dirname, dir).split(path.sep).join('/')));
const escaped = (folder) => folder.replace(/\//g, '\\/');
const API_ANSWER_TYPES = ['src/register', 'src/import', 'src/changes', 'src/store', 'src/translate'];

/** folder → the folders it may import (value imports) */
const ALLOWED = {
  'src/domain': [],
  'src/workers': [],
  'src/i18n': ['src/domain'],
  'src/annex/model': ['src/domain', 'src/i18n'],
  'src/store': ['src/domain', 'src/i18n'],
  'src/register': ['src/domain', 'src/i18n', 'src/annex/model', 'src/store'],
  'src/changes': ['src/domain', 'src/i18n', 'src/annex/model', 'src/register'],
  'src/export': ['src/domain', 'src/i18n', 'src/register', 'src/store'],
  'src/import': ['src/domain', 'src/i18n', 'src/annex/model', 'src/register', 'src/store', 'src/workers'],
  'src/annex': ['src/domain', 'src/i18n', 'src/annex/model', 'src/register', 'src/workers'],
  'src/seed': ['src/domain', 'src/i18n', 'src/store', 'src/register'],
  'src/host': ['src/domain', 'src/i18n', 'src/register', 'src/store'],
  'src/translate': ['src/domain', 'src/i18n', 'src/register', 'src/store'],
  'src/legal': ['src/domain', 'src/i18n', 'src/host'],
  'src/tab/web': ['src/domain', 'src/i18n', 'src/annex/model'],
  'src/tab': ['src/domain', 'src/i18n', 'src/host', 'src/tab/web'],
  'addin/word': ['src/domain', 'src/i18n', 'src/annex/model'],
  'addin/web': ['src/domain', 'src/i18n', 'src/annex/model', 'addin/word'],
  addin: ['src/domain', 'src/i18n', 'src/host', 'addin/web'],
  bot: ['src/domain', 'src/i18n', 'src/annex/model', 'src/register', 'src/changes', 'src/store', 'src/host'],
  'src/server': ['src', 'bot', 'addin'],
  'scripts/bench': ['src', 'bot', 'addin', 'scripts', 'tests/fakes', 'tests/support', 'tests/fixtures'],
  scripts: ['src', 'bot', 'addin', 'scripts/bench'],
  tests: ['src', 'bot', 'addin', 'scripts', 'tests'],
};
/** browser code reads the API's answers: it may name their types (erased from the bundle), never run that code */
const TYPE_ONLY = { 'src/tab/web': [...API_ANSWER_TYPES, 'src/tab'], 'addin/web': API_ANSWER_TYPES };

const folders = Object.keys(ALLOWED);
const under = (f) => `^${f}/`;
const alternatives = (list) => `^(${list.map((f) => f.replace(/\//g, '\\/')).join('|')})(/|$)`;
/** the more specific folders inside `folder` that have rows of their own */
const nested = (folder) => folders.filter((f) => f !== folder && f.startsWith(`${folder}/`));
const fromOf = (folder) => ({ path: under(folder), ...(nested(folder).length ? { pathNot: nested(folder).map(under) } : {}) });
/** a folder's own files, except nested folders with their own row that it does not list */
const selfOf = (folder) => ({
  path: under(folder),
  ...(nested(folder).filter((n) => !ALLOWED[folder].includes(n)).length
    ? {
        pathNot: nested(folder)
          .filter((n) => !ALLOWED[folder].includes(n))
          .map(under),
      }
    : {}),
});

module.exports = {
  allowedSeverity: 'error',
  allowed: [
    // packages and Node's own modules (which ones product code may use: see `forbidden`)
    {
      from: {},
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'core', 'type-only', 'aliased', 'unknown'],
        pathNot: '^(src|bot|addin|scripts|tests)/',
      },
    },
    ...folders.map((folder) => ({ from: fromOf(folder), to: selfOf(folder) })),
    ...folders.filter((f) => ALLOWED[f].length).map((folder) => ({ from: fromOf(folder), to: { path: alternatives(ALLOWED[folder]) } })),
    ...Object.entries(TYPE_ONLY).map(([folder, targets]) => ({ from: fromOf(folder), to: { path: alternatives(targets), dependencyTypes: ['type-only'] } })),
  ],
  forbidden: [
    {
      name: 'no-dev-dependency-in-product',
      comment: 'The deploy bundle installs production dependencies only: product code never imports a devDependency.',
      severity: 'error',
      from: { path: `^(${PRODUCT.join('|')})/`, pathNot: '^(src/tab/web|addin/web)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-without-frameworks',
      comment: 'The domain is pure rules: no HTTP, Teams, Word, Graph or storage library.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'core'], pathNot: 'node_modules/(zod|luxon)/' },
    },
    { name: 'not-to-unresolvable', severity: 'error', from: {}, to: { couldNotResolve: true } },
    // a folder's index.ts is its public face: from outside the folder nothing else of it is imported (tests may
    // reach any module they test)
    ...FOLDERS.map((folder) => ({
      name: 'through-the-index',
      comment: `${folder} is imported through its index.ts from outside it`,
      severity: 'error',
      from: { path: '^(src|bot|addin|scripts)/', pathNot: `^${escaped(folder)}/` },
      to: { path: `^${escaped(folder)}/[^/]+$`, pathNot: `^${escaped(folder)}/index\\.ts$` },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|build|node_modules|test-artifacts)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.json', '.d.ts'],
    },
    moduleSystems: ['cjs', 'es6', 'tsd'],
  },
};
