import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium through playwright-core against the built app (dist/, built by `npm run test:e2e`).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/globalSetup.ts'],
    environment: 'node',
    // One Chromium at a time fits two cores and keeps service-worker timing predictable.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
