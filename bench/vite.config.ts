import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const benchDir = import.meta.dirname;

/**
 * The bench page: the app's real modules (src/) built for production, served
 * under /bench/ beside the app so both share one origin, hence one IndexedDB.
 */
export default defineConfig({
  root: benchDir,
  base: '/bench/',
  logLevel: 'warn',
  define: { __APP_VERSION__: JSON.stringify('bench') },
  build: {
    // bench/run.ts passes the outDir of its run (bench/out/site/bench, or per port).
    outDir: resolve(benchDir, 'out', 'site', 'bench'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Readable names in CPU profiles (--profile); minifying changes load time, not how fast the code runs.
    minify: false,
  },
});
