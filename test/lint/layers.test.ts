import { readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Each layer rule in eslint.config.js fails on a deliberate violation and lets its
 * allowed counterpart through. Snippets are linted as if they lived at a path inside
 * src/, so the config's globs and the plugin's folder map apply. Imports name real
 * files (found at run time, so renames elsewhere do not break the test), because
 * the boundaries plugin judges the file an import resolves to.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.js') });

/** Some file of the given kind directly inside a folder of src/. */
function someFile(folder: string, extension: RegExp = /\.tsx?$/): string {
  const dir = join(root, folder);
  const name = readdirSync(dir)
    .sort()
    .find((entry) => extension.test(entry) && statSync(join(dir, entry)).isFile());
  if (!name) throw new Error(`no ${extension} file in ${folder}`);
  return `${folder}/${name}`;
}

const hasFiles = (folder: string) => {
  try {
    return readdirSync(join(root, folder)).some((entry) => /\.tsx?$/.test(entry));
  } catch {
    return false;
  }
};

/** The import specifier a file at `from` writes to reach `target`. */
function specifier(from: string, target: string): string {
  const path = posix.relative(posix.dirname(from), target);
  return path.startsWith('.') ? path : `./${path}`;
}

const imports = (from: string, ...targets: string[]) =>
  targets.map((target, i) => `import * as m${i} from '${specifier(from, target)}';\nexport { m${i} };\n`).join('');
const importsType = (from: string, target: string) =>
  `import type * as T from '${specifier(from, target)}';\nexport type { T };\n`;
const loads = (from: string, target: string) =>
  `export const load = async () => await import('${specifier(from, target)}');\n`;
const reExports = (from: string, target: string) => `export * from '${specifier(from, target)}';\n`;
const importsPackage = (name: string) => `import * as m from '${name}';\nexport { m };\n`;

async function lint(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result!.messages.map((m) => ({ ruleId: m.ruleId, message: m.message }));
}

type Case = { name: string; file: string; code: string; rule?: string; says?: string };
const layer = 'boundaries/dependencies';

/** Each rule: the violation (with the rule that must report it) and what is allowed. */
function check(cases: Case[]) {
  it.each(cases)('$name', async ({ file, code, rule, says }) => {
    const messages = await lint(file, code);
    if (rule) {
      expect(messages.map((m) => m.ruleId)).toContain(rule);
      if (says) expect(messages.find((m) => m.ruleId === rule)?.message).toContain(says);
    } else {
      expect(messages).toEqual([]);
    }
  });
}

const eventstore = 'src/eventstore/index.ts';
const replay = 'src/replay/index.ts';
const domain = 'src/domain/index.ts';
const app = 'src/app/index.ts';
const files = 'src/files/index.ts';
const serviceworker = 'src/serviceworker/index.ts';
const uiApp = 'src/ui/App.tsx';
const main = 'src/main.tsx';

describe('layers import one way', () => {
  check([
    { name: 'eventstore importing replay fails', file: 'src/eventstore/x.ts', code: imports('src/eventstore/x.ts', replay), rule: layer },
    { name: 'replay importing eventstore passes', file: 'src/replay/x.ts', code: imports('src/replay/x.ts', eventstore) },
    { name: 'replay importing domain fails', file: 'src/replay/x.ts', code: imports('src/replay/x.ts', domain), rule: layer },
    { name: 'domain importing replay passes', file: 'src/domain/x.ts', code: imports('src/domain/x.ts', replay) },
    { name: 'domain importing app fails', file: 'src/domain/x.ts', code: imports('src/domain/x.ts', app), rule: layer },
    { name: 'app importing domain, files and serviceworker passes', file: 'src/app/x.ts', code: imports('src/app/x.ts', domain, files, serviceworker) },
    { name: 'app importing ui fails', file: 'src/app/x.ts', code: imports('src/app/x.ts', uiApp), rule: layer },
    { name: 'app importing main fails', file: 'src/app/x.ts', code: imports('src/app/x.ts', main), rule: layer },
    { name: 'files importing domain passes', file: 'src/files/x.ts', code: imports('src/files/x.ts', domain) },
    { name: 'files importing app fails', file: 'src/files/x.ts', code: imports('src/files/x.ts', app), rule: layer },
    { name: 'serviceworker importing app fails', file: 'src/serviceworker/x.ts', code: imports('src/serviceworker/x.ts', app), rule: layer },
    { name: 'serviceworker importing eventstore fails', file: 'src/serviceworker/x.ts', code: imports('src/serviceworker/x.ts', eventstore), rule: layer },
    { name: 'lib importing any layer fails', file: 'src/lib/x.ts', code: imports('src/lib/x.ts', domain), rule: layer, says: 'src/lib imports nothing' },
    { name: 'main importing ui, app and serviceworker passes', file: main, code: imports(main, uiApp, app, serviceworker) },
    { name: 'main importing domain fails', file: main, code: imports(main, domain), rule: layer },
    { name: 'ui importing main fails', file: 'src/ui/data/x.ts', code: imports('src/ui/data/x.ts', main), rule: layer },
    { name: 'a file in no layer fails', file: 'src/elsewhere/x.ts', code: 'export const x = 1;\n', rule: 'boundaries/no-unknown-files' },
    { name: 'the sync server importing domain passes', file: 'server/x.ts', code: imports('server/x.ts', domain) },
    { name: 'the sync server importing app fails', file: 'server/x.ts', code: imports('server/x.ts', app), rule: layer },
    { name: 'the sync server importing eventstore fails', file: 'server/x.ts', code: imports('server/x.ts', eventstore), rule: layer },
    { name: 'app importing the sync server fails', file: 'src/app/x.ts', code: imports('src/app/x.ts', 'server/main.ts'), rule: layer },
  ]);

  it.skipIf(!hasFiles('src/lib'))('every layer may import lib', async () => {
    const lib = hasFiles('src/lib') ? someFile('src/lib', /\.ts$/) : '';
    for (const from of ['src/eventstore/x.ts', 'src/domain/x.ts', 'src/app/x.ts', 'src/ui/data/x.ts', 'src/serviceworker/x.ts']) {
      expect(await lint(from, imports(from, lib))).toEqual([]);
    }
  });
});

describe('dynamic import() and re-exports are checked like static imports', () => {
  check([
    { name: 'ui loading eventstore with import() fails', file: 'src/ui/data/x.ts', code: loads('src/ui/data/x.ts', eventstore), rule: layer },
    { name: 'ui loading app with import() passes', file: 'src/ui/data/x.ts', code: loads('src/ui/data/x.ts', app) },
    { name: 'domain loading eventstore with import() fails', file: 'src/domain/x.ts', code: loads('src/domain/x.ts', eventstore), rule: layer },
    { name: 'ui re-exporting replay fails', file: 'src/ui/data/x.ts', code: reExports('src/ui/data/x.ts', replay), rule: layer },
    { name: 'ui loading dexie with import() fails', file: 'src/ui/data/x.ts', code: "export const load = () => import('dexie');\n", rule: layer, says: 'Dexie' },
  ]);
});

describe('the UI goes through app and sees domain types only', () => {
  const from = 'src/ui/data/x.ts';
  check([
    { name: 'ui importing app passes', file: from, code: imports(from, app) },
    { name: 'ui importing domain passes', file: from, code: imports(from, domain) },
    { name: 'ui importing a module inside app fails', file: from, code: imports(from, someFile('src/app/queries')), rule: layer, says: 'door' },
    { name: 'ui importing eventstore fails', file: from, code: imports(from, eventstore), rule: layer, says: 'the one door' },
    { name: 'ui importing a type from eventstore fails', file: from, code: importsType(from, eventstore), rule: layer },
    { name: 'ui importing replay fails', file: from, code: imports(from, replay), rule: layer },
    { name: 'ui importing files fails', file: from, code: imports(from, files), rule: layer },
    { name: 'ui importing serviceworker fails', file: 'src/ui/shell/x.ts', code: imports('src/ui/shell/x.ts', serviceworker), rule: layer },
  ]);
});

describe('UI features do not import each other', () => {
  const from = 'src/ui/data/x.ts';
  const eventlog = someFile('src/ui/eventlog');
  const eventlogCss = someFile('src/ui/eventlog', /\.css$/);
  const components = someFile('src/ui/components');
  check([
    { name: 'ui/data importing ui/eventlog fails', file: from, code: imports(from, eventlog), rule: layer, says: 'src/ui/data may not import src/ui/eventlog' },
    { name: "ui/data importing ui/eventlog's CSS fails", file: from, code: `import '${specifier(from, eventlogCss)}';\n`, rule: layer },
    { name: 'ui/data importing ui/components passes', file: from, code: imports(from, components) },
    { name: 'ui/data importing its own files passes', file: from, code: imports(from, someFile('src/ui/data')) },
    { name: 'ui/components importing a feature fails', file: 'src/ui/components/x.ts', code: imports('src/ui/components/x.ts', eventlog), rule: layer },
    { name: 'ui/App.tsx importing a feature passes', file: uiApp, code: imports(uiApp, eventlog) },
    { name: 'ui/shell importing a feature passes', file: 'src/ui/shell/x.ts', code: imports('src/ui/shell/x.ts', eventlog) },
    { name: 'a feature importing ui/shell fails', file: from, code: imports(from, someFile('src/ui/shell')), rule: layer },
  ]);
});

describe('packages stay in their layer', () => {
  check([
    { name: 'dexie in app fails', file: 'src/app/x.ts', code: importsPackage('dexie'), rule: layer, says: 'Only src/eventstore sees Dexie' },
    { name: 'dexie in domain fails', file: 'src/domain/x.ts', code: importsPackage('dexie'), rule: layer },
    { name: 'dexie in eventstore passes', file: 'src/eventstore/x.ts', code: importsPackage('dexie') },
    { name: 'react in app fails', file: 'src/app/x.ts', code: importsPackage('react'), rule: layer, says: 'React lives in src/ui' },
    { name: 'react-dom in serviceworker fails', file: 'src/serviceworker/x.ts', code: importsPackage('react-dom'), rule: layer },
    { name: 'react in ui passes', file: 'src/ui/data/x.tsx', code: importsPackage('react') },
    { name: 'react in main passes', file: main, code: importsPackage('react') },
    { name: 'zustand in domain fails', file: 'src/domain/x.ts', code: importsPackage('zustand'), rule: layer },
    { name: 'zustand in eventstore fails', file: 'src/eventstore/x.ts', code: importsPackage('zustand'), rule: layer },
    { name: 'zustand in app, ui and serviceworker passes', file: 'src/app/x.ts', code: importsPackage('zustand') },
    { name: 'zustand in serviceworker passes', file: 'src/serviceworker/x.ts', code: importsPackage('zustand') },
    { name: 'other packages pass', file: 'src/domain/x.ts', code: importsPackage('@noble/hashes/sha2.js') },
  ]);
});

describe('the domain is pure', () => {
  const from = 'src/domain/x.ts';
  check([
    { name: 'domain importing a type from eventstore passes', file: from, code: importsType(from, eventstore) },
    { name: 'domain importing a value from eventstore fails', file: from, code: imports(from, eventstore), rule: layer, says: 'import type' },
    { name: 'navigator.locks fails', file: from, code: 'export const locks = () => navigator.locks;\n', rule: 'no-restricted-globals', says: 'src/app' },
    { name: 'crypto fails', file: from, code: 'export const id = () => crypto.randomUUID();\n', rule: 'no-restricted-globals' },
    { name: 'globalThis.crypto fails', file: from, code: 'export const id = () => globalThis.crypto.randomUUID();\n', rule: 'no-restricted-properties' },
    { name: 'window fails', file: from, code: 'export const w = () => window;\n', rule: 'no-restricted-globals' },
    { name: 'document fails', file: from, code: 'export const d = () => document.title;\n', rule: 'no-restricted-globals' },
    { name: 'indexedDB fails', file: from, code: "export const open = () => indexedDB.open('x');\n", rule: 'no-restricted-globals' },
    { name: 'localStorage fails', file: from, code: "export const get = () => localStorage.getItem('x');\n", rule: 'no-restricted-globals' },
    { name: 'sessionStorage fails', file: from, code: "export const get = () => sessionStorage.getItem('x');\n", rule: 'no-restricted-globals' },
    { name: 'fetch fails', file: from, code: "export const get = () => fetch('/x');\n", rule: 'no-restricted-globals' },
    { name: 'setTimeout fails', file: from, code: 'export const later = (f: () => void) => setTimeout(f, 1);\n', rule: 'no-restricted-globals' },
    { name: 'setInterval fails', file: from, code: 'export const every = (f: () => void) => setInterval(f, 1);\n', rule: 'no-restricted-globals' },
    { name: 'performance fails', file: from, code: 'export const now = () => performance.now();\n', rule: 'no-restricted-globals' },
    { name: 'BroadcastChannel fails', file: from, code: "export const channel = () => new BroadcastChannel('x');\n", rule: 'no-restricted-globals' },
    { name: 'Date.now fails', file: from, code: 'export const now = () => Date.now();\n', rule: 'no-restricted-properties', says: 'take a clock' },
    { name: 'new Date() fails', file: from, code: 'export const now = () => new Date();\n', rule: 'no-restricted-syntax', says: 'take a clock' },
    { name: 'new Date(x) passes', file: from, code: 'export const at = (x: number) => new Date(x);\n' },
    { name: 'Math.random fails', file: from, code: 'export const roll = () => Math.random();\n', rule: 'no-restricted-properties', says: 'random source' },
    { name: 'a clock passed in passes', file: from, code: 'export const stamp = (clock: { now(): number }) => clock.now();\n' },
  ]);
});

describe('replay keeps its purity rules', () => {
  const from = 'src/replay/x.ts';
  check([
    { name: 'Date.now in replay fails', file: from, code: 'export const now = () => Date.now();\n', rule: 'no-restricted-properties' },
    { name: 'new Date() in replay fails', file: from, code: 'export const now = () => new Date();\n', rule: 'no-restricted-syntax' },
    { name: 'Math.random in replay fails', file: from, code: 'export const roll = () => Math.random();\n', rule: 'no-restricted-properties' },
    { name: 'new Date(x) in replay passes', file: from, code: 'export const at = (x: number) => new Date(x);\n' },
  ]);
});

describe('react-hooks rules still apply to the UI', () => {
  check([
    {
      name: 'a hook called conditionally fails',
      file: 'src/ui/data/x.tsx',
      code: "import { useState } from 'react';\nexport function C({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}\n",
      rule: 'react-hooks/rules-of-hooks',
    },
  ]);
});

// An import that resolves nowhere is reported too, so a failing case would pass for the wrong reason.
it('imports only files that exist', () => {
  for (const path of [eventstore, replay, domain, app, files, serviceworker, uiApp, main]) {
    expect(statSync(join(root, path)).isFile(), path).toBe(true);
  }
});
