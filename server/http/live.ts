import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SyncStore } from '../store/types.ts';
import { CORS_HEADERS } from './respond.ts';
import { pullPage } from './pull.ts';

/** Wakes the open live streams of a space after each stored commit (in this process). */
export class SpaceNotifier {
  private readonly listeners = new Map<string, Set<() => void>>();

  listen(spaceId: string, wake: () => void): () => void {
    let set = this.listeners.get(spaceId);
    if (!set) this.listeners.set(spaceId, (set = new Set()));
    set.add(wake);
    return () => {
      set.delete(wake);
      if (set.size === 0) this.listeners.delete(spaceId);
    };
  }

  notify(spaceId: string): void {
    for (const wake of this.listeners.get(spaceId) ?? []) wake();
  }
}

export const KEEPALIVE_MS = 15_000;
/** How soon to look again when the store has a newer position than a read returned (PostgreSQL shows a commit once older transactions end). */
const RETRY_MS = 50;
const LIVE_BATCH = 1000;

/**
 * `GET /spaces/:id/live`: Server-Sent Events. Everything after `after` (or Last-Event-ID)
 * in batches, then each new commit as it is stored; `: keepalive` every 15 s.
 */
export function serveLive(store: SyncStore, notifier: SpaceNotifier, spaceId: string, after: number, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { ...CORS_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  res.flushHeaders();
  let sent = after;
  let closed = false;
  let pumping = false;
  let again = false;
  let retry: NodeJS.Timeout | undefined;

  const pump = async (): Promise<void> => {
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        for (let more = true; more && !closed; ) {
          const page = await pullPage(store, spaceId, sent, LIVE_BATCH);
          if (page.count > 0) {
            res.write(`id: ${page.last}\nevent: events\ndata: ${page.json}\n\n`);
            sent = page.last;
          }
          more = page.more;
        }
        if (!closed && (await store.lastPosition(spaceId)) > sent) {
          clearTimeout(retry);
          retry = setTimeout(() => void pump(), RETRY_MS);
        }
      } while (again && !closed);
    } catch (error) {
      console.error('live stream:', error);
      res.end();
    } finally {
      pumping = false;
    }
  };

  const stop = notifier.listen(spaceId, () => void pump());
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  const close = () => {
    closed = true;
    stop();
    clearInterval(keepalive);
    clearTimeout(retry);
  };
  req.on('close', close);
  res.on('close', close);
  void pump();
}
