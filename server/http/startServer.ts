import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SyncStore } from '../store/types.ts';
import { SpaceNotifier } from './live.ts';
import { CORS_HEADERS, HttpError, sendError } from './respond.ts';
import { route } from './routes.ts';

export interface StartOptions {
  store: SyncStore;
  port?: number;
  host?: string;
}

export interface RunningServer {
  url: string;
  /** Stops taking requests, ends live streams and closes the store. */
  close(): Promise<void>;
}

/** The sync server on node:http: CORS for the app's origin, the JSON error for every refusal, a 500 that says nothing of the inside. */
export async function startServer({ store, port = 0, host = '127.0.0.1' }: StartOptions): Promise<RunningServer> {
  const context = { store, notifier: new SpaceNotifier() };
  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return;
    }
    route(context, req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.end();
      if (error instanceof HttpError) return sendError(res, error);
      console.error('sync server:', error);
      sendError(res, new HttpError(500, 'SERVER_ERROR', 'The server could not answer this request; nothing was stored. Try again later.'));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
