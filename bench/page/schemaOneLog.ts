import type { StoredEvent } from '../../src/eventstore/index.ts';

/**
 * The same synthetic log as Rewind 0.1.0 would have stored it, kept beside the
 * app's log for the upcasting measurement: movements without their category
 * and no event with `meta.schema`, so every movement is lifted on every read.
 */
export const SCHEMA_1_LOG = 'rewind-bench-schema-1';

const MOVEMENTS = new Set(['FundsAdded', 'FundsWithdrawn', 'TransferSent', 'TransferReceived']);

export function schemaOneTwin(event: StoredEvent): StoredEvent {
  if (event.meta.schema === undefined) return event;
  const { schema: _schema, ...meta } = event.meta;
  if (!MOVEMENTS.has(event.type)) return { ...event, meta };
  const { category: _category, ...payload } = event.payload as Record<string, unknown>;
  return { ...event, payload: payload as StoredEvent['payload'], meta };
}
