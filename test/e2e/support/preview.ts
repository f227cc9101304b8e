import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { preview } from 'vite';

export interface PreviewServer {
  /** Origin with a trailing slash, e.g. http://127.0.0.1:41234/ */
  url: string;
  close(): Promise<void>;
}

export const projectRoot = resolve(import.meta.dirname, '..', '..', '..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  if (address === null || typeof address === 'string') throw new Error('Could not find a free port.');
  return address.port;
}

/** Serves a built app folder with `vite preview` (the project's vite.config.ts) on a free localhost port. */
export async function startPreview(outDir: string): Promise<PreviewServer> {
  const port = await freePort();
  const server = await preview({
    root: projectRoot,
    logLevel: 'warn',
    build: { outDir: resolve(projectRoot, outDir) },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}
