import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openEventStore, type EventStore, type StoredEvent, type StreamBatch } from '../../src/eventstore/index.ts';
import { ledgerProjections } from '../../src/domain/index.ts';
import type { AnyProjection } from '../../src/replay/index.ts';
import { currentShapes } from '../../src/app/currentShapes.ts';
import { toInput } from '../../src/app/parts.ts';

/** Logs of more than one schema version, and a stand-in for the next version of the app, for the tests of reading them. */

const fixtures = join(import.meta.dirname, '..', 'fixtures');

/** The events of a kept export file (test/fixtures/<path>), header left out. */
export function fixtureEvents(path: string): StoredEvent[] {
  return readFileSync(join(fixtures, path), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => JSON.parse(line) as StoredEvent);
}

/** Appends events as they are (older schemas included) in their order, a few hundred per transaction. */
export async function appendAsStored(store: EventStore, events: readonly StoredEvent[]): Promise<void> {
  for (let i = 0; i < events.length; ) {
    const batches: StreamBatch[] = [];
    // One append names each stream once: a stream met again starts the next append, so the order stays.
    const streams = new Set<string>();
    for (let n = 0; i < events.length && n < 300 && !streams.has(events[i]!.meta.stream); ) {
      const stream = events[i]!.meta.stream;
      streams.add(stream);
      const run: StreamBatch = { stream, events: [] };
      for (; i < events.length && events[i]!.meta.stream === stream; i++, n++) run.events.push(toInput(events[i]!));
      batches.push(run);
    }
    await store.appendMany(batches);
  }
}

/** A log named `name` holding `events` as they are. */
export async function storedLog(name: string, events: readonly StoredEvent[]): Promise<EventStore> {
  const store = await openEventStore({ name });
  await appendAsStored(store, events);
  return store;
}

/**
 * A test-only schema change, standing in for the next upcaster: AccountOpened
 * 1 → 2 writes the owner's name in capitals. It changes what the accounts read
 * model holds, so a snapshot made before it would show the old names if reused.
 */
export function capitalOwners<E extends StoredEvent>(event: E): E {
  if (event.type !== 'AccountOpened') return event;
  const payload = event.payload as { owner: string };
  // Its meta is left as it is: stamped schema 2, the registry of this build would take it for a newer version's event.
  return { ...event, payload: { ...payload, owner: payload.owner.toUpperCase() } };
}

/**
 * The log as the next version of the app would read it: today's upcasters
 * (currentShapes), then the test-only one. src/domain/schema has one registry
 * and no way to add an upcaster to it from outside, so the extra step wraps the reads.
 */
export function nextVersionReads(store: EventStore): EventStore {
  const log = currentShapes(store);
  const lift = (events: readonly StoredEvent[]) => events.map(capitalOwners);
  return Object.assign(Object.create(log) as EventStore, {
    readAll: async (...args: Parameters<EventStore['readAll']>) => lift(await log.readAll(...args)),
    readStream: async (...args: Parameters<EventStore['readStream']>) => lift(await log.readStream(...args)),
    subscribe: (fromSeq: number, handler: Parameters<EventStore['subscribe']>[1], onError?: (error: unknown) => void) =>
      log.subscribe(fromSeq, (events) => handler(lift(events)), onError),
  });
}

/** The projections as the next version of the app has them: one more schema generation, so another version for their snapshots. */
export const nextVersionProjections: readonly AnyProjection[] = ledgerProjections.map((p) => ({ ...p, version: p.version + 1000 }));

/** States as plain JSON: persistent maps compare by their entries, not their object layout. */
export function asJson(states: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(states)) as Record<string, unknown>;
}
