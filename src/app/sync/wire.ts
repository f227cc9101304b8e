import type { EventInput, StoredEvent, StreamBatch } from '../../eventstore/index.ts';

/** An event as it travels to and from the sync server: the stored event without `seq`, which differs per device. */
export type WireEvent = { type: string; payload: StoredEvent['payload']; meta: Omit<StoredEvent['meta'], 'seq' | 'upcastFrom'> };

/** One atomic commit a device pushes: the events one turn of its writer (or one reaction) recorded. */
export interface WireCommit {
  id: string;
  events: WireEvent[];
}

/** A pulled event with the server's position and the device that recorded it. */
export interface PulledEvent {
  position: number;
  device: string;
  event: WireEvent;
}

export function toWire(event: StoredEvent): WireEvent {
  const { seq: _seq, upcastFrom: _lifted, ...meta } = event.meta;
  return { type: event.type, payload: event.payload, meta };
}

/**
 * A device's pending events as commits: a run of consecutive events recorded
 * at the same moment is one command turn (or a transfer's two halves) and
 * lands on the server all or nothing.
 */
export function commitsOf(events: readonly StoredEvent[]): WireCommit[] {
  const commits: WireCommit[] = [];
  let previous: StoredEvent | undefined;
  for (const event of events) {
    const joins = previous !== undefined && previous.meta.at === event.meta.at && previous.meta.seq + 1 === event.meta.seq;
    if (joins) commits[commits.length - 1]!.events.push(toWire(event));
    else commits.push({ id: event.meta.id, events: [toWire(event)] });
    previous = event;
  }
  return commits;
}

/**
 * Pulled events as appends to the local log, one batch per stream (streams in
 * the order they first arrived), each expecting the version before its first event: a
 * stream this device also wrote to meanwhile refuses the append.
 */
export function batchesOf(events: readonly WireEvent[]): StreamBatch[] {
  const byStream = new Map<string, StreamBatch>();
  for (const event of events) {
    const { id, at, causationId, correlationId, schema, sample } = event.meta;
    const input: EventInput = {
      type: event.type,
      payload: event.payload,
      meta: { id, at, ...(causationId !== undefined && { causationId }), ...(correlationId !== undefined && { correlationId }), ...(schema !== undefined && { schema }), ...(sample !== undefined && { sample }) },
    };
    const batch = byStream.get(event.meta.stream);
    if (batch) batch.events.push(input);
    else byStream.set(event.meta.stream, { stream: event.meta.stream, events: [input], expectedVersion: event.meta.version - 1 });
  }
  const batches = [...byStream.values()];
  return batches;
}
