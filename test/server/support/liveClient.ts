import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { Space } from './client.ts';

export interface LiveStream {
  /** The next `events` message, parsed; waits for it. */
  next(): Promise<{ id: string; body: { events: { position: number; event: { meta: { id: string } } }[]; last: number; more: boolean } }>;
  close(): void;
}

/** Reads `GET /spaces/:id/live` as the app does: fetch streaming with the bearer secret, never EventSource. */
export async function openLive(url: string, space: Space, from: { after?: number; lastEventId?: number } = {}): Promise<LiveStream> {
  const abort = new AbortController();
  const headers: Record<string, string> = { authorization: `Bearer ${space.secret}` };
  if (from.lastEventId !== undefined) headers['last-event-id'] = String(from.lastEventId);
  const query = from.after === undefined ? '' : `?after=${from.after}`;
  const response = await fetch(`${url}/spaces/${space.spaceId}/live${query}`, { headers, signal: abort.signal });
  if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/event-stream')) throw new Error(`live answered ${response.status}`);
  const queue: EventSourceMessage[] = [];
  const waiting: ((message: EventSourceMessage) => void)[] = [];
  const parser = createParser({
    onEvent(message) {
      const wake = waiting.shift();
      if (wake) wake(message);
      else queue.push(message);
    },
  });
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) parser.feed(decoder.decode(chunk, { stream: true }));
    } catch {
      // aborted by close()
    }
  })();
  return {
    async next() {
      const message = queue.shift() ?? (await new Promise<EventSourceMessage>((resolve) => waiting.push(resolve)));
      if (message.event !== 'events') throw new Error(`unexpected live message ${message.event}`);
      return { id: message.id!, body: JSON.parse(message.data) };
    },
    close: () => abort.abort(),
  };
}
