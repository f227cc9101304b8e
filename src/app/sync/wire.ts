import type { EventInput, StoredEvent, StreamBatch } from '../../eventstore/index.ts';
import type { PulledEvent, WireCommit, WireEvent } from '../../domain/sync/protocol.ts';
import { pendingUnits, type PendingUnit } from '../../domain/sync/redecide.ts';

export type { PulledEvent, WireCommit, WireEvent };

/** A pulled event as this device's log holds it, at `seq`. */
export function storedAt(pulled: PulledEvent, seq: number): StoredEvent {
  return { type: pulled.event.type, payload: pulled.event.payload, meta: { ...pulled.event.meta, seq } };
}

export function toWire(event: StoredEvent): WireEvent {
  const { seq: _seq, upcastFrom: _lifted, ...meta } = event.meta;
  return { type: event.type, payload: event.payload, meta };
}

/**
 * A device's pending events as commits, one per command (an opening, a
 * transfer's two halves, one movement, one reaction), each landing on the
 * server all or nothing. One turn of the writer stores its commands' events
 * grouped by stream, so the commits are put back in an order in which every
 * stream's versions rise: the order the commands were decided in.
 */
export function commitsOf(events: readonly StoredEvent[]): WireCommit[] {
  const remaining = pendingUnits(events);
  const next = new Map<string, number>();
  for (const event of events) if (!next.has(event.meta.stream)) next.set(event.meta.stream, event.meta.version);
  const ready = (unit: PendingUnit) => {
    const lowest = new Map<string, number>();
    for (const e of unit.events) lowest.set(e.meta.stream, Math.min(lowest.get(e.meta.stream) ?? Infinity, e.meta.version));
    return [...lowest].every(([stream, version]) => next.get(stream) === version);
  };
  const commits: WireCommit[] = [];
  while (remaining.length > 0) {
    // Events are complete per stream, so some unit always stands first on every stream it touches.
    const at = Math.max(0, remaining.findIndex(ready));
    const [unit] = remaining.splice(at, 1);
    for (const e of unit!.events) next.set(e.meta.stream, Math.max(next.get(e.meta.stream)!, e.meta.version + 1));
    commits.push({ id: unit!.events[0]!.meta.id, events: unit!.events.map(toWire) });
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
