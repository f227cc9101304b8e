import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const UNIT_TESTS = ['test/**/*.test.ts', 'test/**/*.test.tsx'];
const NOT_UNIT = ['test/e2e/**', 'node_modules/**'];

/**
 * Test files that replace a module or a global (vi.mock, vi.stubGlobal…) need modules of their own; every
 * other file shares its worker's modules with the files before it, which halves the run.
 */
const needsOwnModules = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.test\.tsx?$/.test(file) && !file.startsWith('e2e'))
  .map((file) => `test/${file}`)
  .filter((path) => /\bvi\.(mock|doMock|unmock|stubGlobal|stubEnv|resetModules)\(/.test(readFileSync(path, 'utf8')));

// Unit tests: Node with fake-indexeddb. Browser tests live in test/e2e and run in real Chromium.
export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    setupFiles: ['test/setup.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Processes, not threads: Node's BroadcastChannel reaches every thread of a process, so two files' logs of one
    // name would hear each other. One per core: Vitest would otherwise keep one free, half of this 2-core machine.
    pool: 'forks',
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT_TESTS, exclude: [...NOT_UNIT, ...needsOwnModules], isolate: false } },
      { extends: true, test: { name: 'unit-isolated', include: needsOwnModules, exclude: NOT_UNIT } },
    ],
  },
});
