import type { EventMeta, JsonValue } from '../../eventstore/types.ts';

// The shapes both ends of sync agree on: the app's sync client and the server (docs/sync.md, "The protocol").

export type { JsonValue };

/** The longest device name, in characters: the app asks for one no longer, and the server refuses a push naming a longer one. */
export const MAX_DEVICE_NAME = 60;

/** A stored event's meta without `seq`, which differs per device. */
export type WireMeta = Omit<EventMeta, 'seq' | 'upcastFrom'>;

/** An event as it travels to and from the sync server. */
export interface WireEvent {
  type: string;
  payload: JsonValue;
  meta: WireMeta;
}

/** One atomic commit a device pushes: the events one command (or one reaction) recorded. */
export interface WireCommit {
  id: string;
  events: WireEvent[];
}

/** An event as a space holds it: its position in the space's order and the device that recorded it. */
export interface PulledEvent {
  position: number;
  device: string;
  event: WireEvent;
}
