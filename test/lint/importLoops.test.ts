import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * No module of src/ imports itself through others. A loop makes load order
 * decide which half sees the other's exports as undefined. Type-only imports
 * and `import()` are left out: they do not run at load time.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

const VALUE_IMPORT = /^(?:import|export)(?!\s+type\b)[^'";]*?from\s+'(\.{1,2}\/[^']+)'/gm;

/** Each file's relative value imports, resolved to paths like the keys. */
function importGraph(sources: Map<string, string>): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [file, text] of sources) {
    const targets = [...text.matchAll(VALUE_IMPORT)].map((m) => normalize(join(dirname(file), m[1]!)));
    graph.set(file, targets.filter((t) => sources.has(t)));
  }
  return graph;
}

/** Every loop found by a depth-first walk, each as the files along it. */
function importLoops(sources: Map<string, string>): string[][] {
  const graph = importGraph(sources);
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const loops: string[][] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') loops.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return loops;
}

function sourcesUnder(folder: string): Map<string, string> {
  const sources = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) sources.set(relative(root, path), readFileSync(path, 'utf8'));
    }
  };
  walk(join(root, folder));
  return sources;
}

describe('import loops', () => {
  it('finds a loop through three files, and none where imports are types or import()', () => {
    const sources = new Map([
      ['a/x.ts', "import { y } from './y.ts';\n"],
      ['a/y.ts', "export { z } from '../b/z.ts';\n"],
      ['b/z.ts', "import { x } from '../a/x.ts';\nimport type { y } from '../a/y.ts';\n"],
      ['b/w.ts', "import type { z } from './z.ts';\nexport const v = () => import('./v.ts');\n"],
      ['b/v.ts', "import { w } from './w.ts';\n"],
    ]);
    expect(importLoops(sources)).toEqual([['a/x.ts', 'a/y.ts', 'b/z.ts', 'a/x.ts']]);
  });

  it('src/ has none', () => {
    expect(importLoops(sourcesUnder('src')).map((loop) => loop.join(' -> '))).toEqual([]);
  });
});
