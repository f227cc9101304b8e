import { resolve } from 'node:path';
import { preview } from 'vite';
import { projectRoot, startPreview, type PreviewServer } from '../test/e2e/support/preview.ts';

/**
 * The bench is served on a fixed port: IndexedDB belongs to an origin, port
 * included, so a cached seeded profile only fits the same port. When the port
 * is taken, any free one does (and the profiles are seeded anew).
 */
export async function startBenchServer(siteDir: string, port: number): Promise<PreviewServer> {
  try {
    const server = await preview({
      root: projectRoot,
      logLevel: 'warn',
      build: { outDir: resolve(projectRoot, siteDir) },
      preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    });
    return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
  } catch {
    return startPreview(siteDir);
  }
}
