import type { SyncStore, SpaceEvent } from '../store/types.ts';

export interface PullPage {
  events: SpaceEvent[];
  /** The position of the last event returned, or `after` when none. */
  last: number;
  more: boolean;
}

/** One page of a space's events after a position: the body of a pull and of each live message. */
export async function pullPage(store: SyncStore, spaceId: string, after: number, limit: number): Promise<PullPage> {
  const { events, more } = await store.readAfter(spaceId, after, limit);
  return { events, last: events.at(-1)?.position ?? after, more };
}
