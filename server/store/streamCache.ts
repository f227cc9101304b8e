import type { SpaceEvent } from './types.ts';

/** Events kept in all, across spaces: enough for the busy streams of many spaces, bounded whatever the data. */
const MAX_CACHED_EVENTS = 200_000;

/**
 * The stored events of recently touched streams, so a commit judges its streams without
 * reading their whole history again. Exact while this process is the only writer of its
 * spaces (as the id index is); least recently used streams are dropped first.
 */
export class StreamCache {
  private readonly streams = new Map<string, SpaceEvent[]>();
  private size = 0;

  constructor(private readonly limit = MAX_CACHED_EVENTS) {}

  get(spaceId: string, stream: string): SpaceEvent[] | undefined {
    const key = `${spaceId}\n${stream}`;
    const events = this.streams.get(key);
    if (events) {
      this.streams.delete(key);
      this.streams.set(key, events);
    }
    return events;
  }

  set(spaceId: string, stream: string, events: SpaceEvent[]): void {
    this.drop(spaceId, stream);
    this.streams.set(`${spaceId}\n${stream}`, events);
    this.size += events.length;
    for (const [key, oldest] of this.streams) {
      if (this.size <= this.limit) break;
      this.streams.delete(key);
      this.size -= oldest.length;
    }
  }

  /** Adds a stored event to a cached stream (a stream not cached stays so). */
  append(spaceId: string, stream: string, event: SpaceEvent): void {
    const events = this.streams.get(`${spaceId}\n${stream}`);
    if (!events) return;
    events.push(event);
    this.size += 1;
  }

  drop(spaceId: string, stream: string): void {
    const key = `${spaceId}\n${stream}`;
    const events = this.streams.get(key);
    if (!events) return;
    this.streams.delete(key);
    this.size -= events.length;
  }
}
