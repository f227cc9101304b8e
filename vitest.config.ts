import { defineConfig } from 'vitest/config';

// Unit tests: Node with fake-indexeddb. Browser tests live in test/e2e and run in real Chromium.
export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
    environment: 'node',
    // Worker threads start faster than forked processes; every test file still gets its own module graph.
    pool: 'threads',
    testTimeout: 20_000,
  },
});
