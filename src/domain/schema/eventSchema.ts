import type { EventMeta } from '../../eventstore/index.ts';
import { isPlainObject } from '../../lib/isPlainObject.ts';
import { UPCASTERS } from './upcasters.ts';

/** An event as any reader holds it: stored, from a file, or injected into a what-if branch. */
interface AnyEvent {
  type: string;
  payload?: unknown;
  meta?: Partial<Pick<EventMeta, 'schema' | 'upcastFrom'>>;
}

/** The schema version this app writes for each event type it knows. */
const CURRENT = new Map<string, number>(Object.entries(UPCASTERS).map(([type, steps]) => [type, steps.length + 1]));

/** Grows by one with every upcaster added: what a projection is shown of the log changes with it. */
export const SCHEMA_GENERATION = Object.values(UPCASTERS).reduce((sum, steps) => sum + steps.length, 0);

/**
 * A projection's version as snapshots and keyframes are kept under: its own
 * version (below 1000: bumped when its code changes) and the schema generation
 * of the events it reads. A snapshot made before an upcaster was added is then
 * of another version, so it is passed over and the state rebuilt from events.
 */
export function readerVersion(own: number): number {
  return own + 1000 * SCHEMA_GENERATION;
}

/** The schema version this app writes for `type`; undefined for a type it does not know. */
export function currentSchema(type: string): number | undefined {
  return CURRENT.get(type);
}

/** The event's schema version as recorded; an event without `meta.schema` is at version 1. */
export function schemaOf(event: AnyEvent): number {
  return event.meta?.schema ?? 1;
}

/** What a writer puts in an event's meta about its schema: nothing at version 1, so logs from before versions existed read the same. */
export function schemaMeta(type: string): { schema?: number } {
  const current = CURRENT.get(type) ?? 1;
  return current > 1 ? { schema: current } : {};
}

/**
 * Recorded by a newer version of Rewind: a type this app does not know, or a
 * schema version beyond the one it writes. Such an event is kept, counted,
 * exported and shown as it is, and never read as if this app understood it.
 */
export function isNewerEvent(event: AnyEvent): boolean {
  const current = CURRENT.get(event.type);
  return current === undefined || schemaOf(event) > current;
}

/**
 * The event in its type's current shape: an older one goes through its type's
 * upcasters in turn, with `meta.schema` set to the current version and
 * `meta.upcastFrom` to the version it was stored in. An event already current,
 * or newer than this app, is returned as it is (the same object, so reading a
 * current log costs one lookup per event); so is a damaged one whose payload is no object. The event passed in is never changed.
 */
export function upcast<E extends AnyEvent>(event: E): E {
  const current = CURRENT.get(event.type);
  if (current === undefined) return event;
  const from = event.meta?.schema ?? 1;
  // A payload that is not an object is damaged, not old: left as it is for the checks to name.
  if (from >= current || !isPlainObject(event.payload)) return event;
  const steps = UPCASTERS[event.type as keyof typeof UPCASTERS];
  let payload = event.payload;
  for (let version = from; version < current; version++) payload = steps[version - 1]!(payload);
  return { ...event, payload, meta: { ...event.meta, schema: current, upcastFrom: from } };
}

/** Every event in its current shape; the same array when none needed lifting. */
export function upcastAll<E extends AnyEvent>(events: readonly E[]): readonly E[] {
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    if (upcast(event) === event) continue;
    const lifted = events.slice(0, i);
    for (let j = i; j < events.length; j++) lifted.push(upcast(events[j]!));
    return lifted;
  }
  return events;
}
