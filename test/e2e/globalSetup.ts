import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from './support/chromium.ts';
import { projectRoot, startPreview } from './support/preview.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built app (dist/) served by vite preview, with a trailing slash. */
    baseURL: string;
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject) {
  const chromiumPath = findChromium(process.env, 'headless-shell');
  // REWIND_E2E_DIST lets two checkouts' worth of work share one tree: each builds and serves its own folder.
  const dist = process.env.REWIND_E2E_DIST ?? 'dist';
  if (!existsSync(join(projectRoot, dist, 'index.html'))) {
    throw new Error(`${dist}/ holds no build: run \`npm run test:e2e\`, which builds the app first.`);
  }
  const server = await startPreview(dist);
  project.provide('chromiumPath', chromiumPath);
  project.provide('baseURL', server.url);
  return () => server.close();
}
