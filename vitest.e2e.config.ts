import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium through playwright-core against the built app (dist/, built by `npm run test:e2e`).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/globalSetup.ts'],
    environment: 'node',
    // Two files at a time: a browser test mostly waits (reloads, storage, the service worker), so a second
    // one fills the gaps; every test must hold on a busy machine anyway.
    maxWorkers: 2,
    // The support code and the app modules the tests read are loaded once per worker, not once per file.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
