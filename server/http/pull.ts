import type { SyncStore } from '../store/types.ts';

/** One page of a space's events after a position, as the JSON text of a pull's body and of each live message. */
export interface PullPage {
  /** `{"events":[…],"last":…,"more":…}`: the feed's lines joined, never parsed here. */
  json: string;
  count: number;
  /** The position of the last event in the page, or `after` when none. */
  last: number;
  more: boolean;
}

export async function pullPage(store: SyncStore, spaceId: string, after: number, limit: number): Promise<PullPage> {
  const { lines, last, more } = await store.readFeed(spaceId, after, limit);
  return { json: `{"events":[${lines.join(',')}],"last":${last},"more":${more}}`, count: lines.length, last, more };
}
