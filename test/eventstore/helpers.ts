import { expect, vi } from 'vitest';
import { openEventStore, type EventInput, type EventStore, type OpenEventStoreOptions, type StoredEvent } from '../../src/eventstore/index.ts';

export const T0 = '2026-01-01T00:00:00.000Z';

/** A clock that starts at `start` and moves `stepMs` forward each time it is read. */
export function steppingClock(start = T0, stepMs = 60_000): () => Date {
  let t = Date.parse(start);
  return () => {
    const now = new Date(t);
    t += stepMs;
    return now;
  };
}

/** Ids evt-1, evt-2, … so tests can name the events they expect. */
export function sequentialIds(prefix = 'evt'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

const opened: EventStore[] = [];

/**
 * Opens a store on the current `globalThis.indexedDB` (test/setup.ts makes a fresh
 * one per test). Handed to Dexie explicitly so a property run can swap in its own.
 */
export async function openStore(options: Partial<OpenEventStoreOptions> = {}): Promise<EventStore> {
  const store = await openEventStore({
    name: 'rewind-test',
    clock: steppingClock(),
    // A second store (another tab) gets its own ids, as a second random source would.
    newId: sequentialIds(opened.length === 0 ? 'evt' : `tab${opened.length + 1}-evt`),
    dexie: { indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange },
    ...options,
  });
  opened.push(store);
  return store;
}

/** Closes every store the test opened (BroadcastChannels would keep the worker alive). */
export function closeStores(): void {
  for (const store of opened.splice(0)) store.close();
}

/** Everything a failed call could have touched, to compare before and after. */
export async function logState(store: EventStore) {
  return {
    lastSeq: await store.lastSeq(),
    events: await store.readAll(),
    streams: (await store.listStreams()).sort((a, b) => a.stream.localeCompare(b.stream)),
  };
}

/** Asserts that `action` rejects with an error of that name and leaves the log exactly as it was. */
export async function expectRejectsUnchanged(store: EventStore, action: () => Promise<unknown>, errorName: string) {
  const before = await logState(store);
  const error = await action().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the call should have been rejected').toBeInstanceOf(Error);
  expect((error as Error).name).toBe(errorName);
  expect((error as Error).message.length).toBeGreaterThan(10);
  expect(await logState(store)).toEqual(before);
  return error as Error;
}

export const seqs = (events: StoredEvent[]) => events.map((e) => e.meta.seq);
export const versions = (events: StoredEvent[]) => events.map((e) => e.meta.version);
export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Subscribes and records what arrives; `until(n)` waits for n events in all. */
export function record(store: EventStore, fromSeq: number) {
  const batches: StoredEvent[][] = [];
  const errors: unknown[] = [];
  const stop = store.subscribe(
    fromSeq,
    (events) => {
      batches.push(events);
    },
    (error) => errors.push(error),
  );
  const received = () => batches.flat();
  const until = (count: number) =>
    vi.waitFor(() => expect(received().length).toBeGreaterThanOrEqual(count), { timeout: 5_000, interval: 2 });
  return { batches, errors, stop, received, until };
}

/** Lets every queued IndexedDB request, BroadcastChannel message and timer of this turn run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** T0 plus `seconds`, as an ISO time. */
export const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();

/** `count` events on streams s0..s2 in runs of 50, each recorded one second after the one before; id-n lands at seq n. */
export function numberedInputs(count: number, start = 0): { stream: string; event: EventInput }[] {
  return range(start + 1, start + count).map((n) => ({
    stream: `s${Math.floor((n - 1) / 50) % 3}`,
    event: { type: n % 2 ? 'Odd' : 'Even', payload: { n, note: `é ${'x'.repeat(n % 7)}` }, meta: { id: `id-${n}`, at: at(n) } },
  }));
}

/** Appends the inputs in order, in commits of at most `size` events (a commit names each stream once), and waits for the seals. */
export async function appendInCommits(store: EventStore, all: { stream: string; event: EventInput }[], size: number): Promise<void> {
  let batches: { stream: string; events: EventInput[] }[] = [];
  let count = 0;
  const commit = async () => {
    if (batches.length > 0) await store.appendMany(batches);
    batches = [];
    count = 0;
  };
  for (const { stream, event } of all) {
    const current = batches[batches.length - 1];
    if (count === size || (current?.stream !== stream && batches.some((b) => b.stream === stream))) await commit();
    const open = batches[batches.length - 1];
    if (open?.stream === stream) open.events.push(event);
    else batches.push({ stream, events: [event] });
    count += 1;
  }
  await commit();
  await store.settled();
}
