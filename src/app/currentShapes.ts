import { upcastAll } from '../domain/index.ts';
import type { EventStore } from '../eventstore/index.ts';

/**
 * The log as the tab reads it: every event an older version of Rewind recorded
 * comes out of `readAll`, `readStream` and `subscribe` in its type's current
 * shape (src/domain/schema), so the memory image, time travel, what-if, the
 * process managers and the screens see one shape per type. Nothing stored is
 * touched: `readLines`, and the files code, which is handed the store itself,
 * see events exactly as they were written, so an export keeps them byte for byte.
 */
export function currentShapes(store: EventStore): EventStore {
  return Object.assign(Object.create(store) as EventStore, {
    readAll: async (...args: Parameters<EventStore['readAll']>) => upcastAll(await store.readAll(...args)) as never,
    readStream: async (...args: Parameters<EventStore['readStream']>) => upcastAll(await store.readStream(...args)) as never,
    subscribe: (fromSeq: number, handler: Parameters<EventStore['subscribe']>[1], onError?: (error: unknown) => void) =>
      store.subscribe(fromSeq, (events) => handler(upcastAll(events) as never), onError),
  });
}
