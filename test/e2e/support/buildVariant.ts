import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';
import { checkPrecache } from '../../../scripts/check-precache.ts';
import { projectRoot } from './preview.ts';

/** Marks a build so a test can tell which version a tab runs: <meta name="rewind-build" content=LABEL>. */
function buildLabel(label: string): Plugin {
  return {
    name: 'e2e:build-label',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { name: 'rewind-build', content: label }, injectTo: 'head' }],
  };
}

/**
 * Builds the app as a production deploy labelled LABEL into OUTDIR (relative to the project), so a test can
 * serve one version and then another. Also proves that build's precache is complete.
 */
export async function buildVariant(outDir: string, label: string): Promise<string> {
  const dir = resolve(projectRoot, outDir);
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: projectRoot,
      mode: 'production',
      logLevel: 'warn',
      define: { __APP_VERSION__: JSON.stringify(label) },
      build: { outDir: dir, emptyOutDir: true, sourcemap: false },
      plugins: [buildLabel(label)],
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const problems = checkPrecache(dir);
  if (problems.length > 0) throw new Error(`Build ${label} is not fully precached:\n${problems.join('\n')}`);
  return dir;
}

/** The label of the version a tab is running. */
export const BUILD_LABEL_SELECTOR = 'meta[name="rewind-build"]';
