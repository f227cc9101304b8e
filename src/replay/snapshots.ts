import type { SnapshotStore } from '../eventstore/index.ts';
import type { Cursors } from './fold.ts';
import type { AnyProjection } from './projection.ts';

/**
 * A state as a snapshot record keeps it: JSON text. Read states are plain data
 * of many small objects (persistent maps), which Chromium rebuilds from
 * IndexedDB's structured clone more slowly than JSON.parse rebuilds them from
 * one string; and a string is copied out of IndexedDB almost for free. Reload
 * and every time-travel jump start with these reads.
 */
interface EncodedState {
  encoding: 'json';
  json: string;
}

export function encodeState(state: unknown): EncodedState {
  return { encoding: 'json', json: JSON.stringify(state) };
}

/** The state a snapshot record holds; a record without the JSON form holds the state itself. */
export function decodeState(stored: unknown): unknown {
  const encoded = stored as Partial<EncodedState> | null;
  if (typeof encoded === 'object' && encoded !== null && encoded.encoding === 'json' && typeof encoded.json === 'string')
    return JSON.parse(encoded.json);
  return stored;
}

/** Told of a snapshot a replay passed over: the projection's name, why, and the snapshot's seq when it could be read. */
export type SnapshotIgnored = (name: string, reason: unknown, seq?: number) => void;

/**
 * The best starting point for each projection at or before `maxSeq`: its newest
 * snapshot of the current projection version, or its initial state. A snapshot
 * that cannot be read, or that does not look like one, is ignored (and
 * reported, for the caller to remove: a replay only reads): the state is then
 * rebuilt from events, which is slower but always right.
 */
export async function startingCursors(
  store: SnapshotStore,
  projections: readonly AnyProjection[],
  maxSeq: number,
  onIgnored: SnapshotIgnored = () => {},
): Promise<Cursors> {
  const entries = await Promise.all(
    projections.map(async (projection) => {
      let seq: number | undefined;
      try {
        const snapshot = await store.loadSnapshot(projection.name, projection.version, maxSeq);
        seq = snapshot?.seq;
        if (snapshot && Number.isSafeInteger(snapshot.seq) && snapshot.seq <= maxSeq && snapshot.state !== undefined)
          return [projection.name, { seq: snapshot.seq, state: decodeState(snapshot.state) }] as const;
        if (snapshot) onIgnored(projection.name, new Error(`snapshot at seq ${String(snapshot.seq)} is malformed`), seq);
      } catch (error) {
        onIgnored(projection.name, error, seq);
      }
      return [projection.name, { seq: 0, state: projection.initial }] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** Saves every projection whose state is at `seq`; a failed write is reported, never thrown. */
export async function saveSnapshots(
  store: SnapshotStore,
  projections: readonly AnyProjection[],
  cursors: Cursors,
  onError: (error: unknown) => void = (error) => console.warn('Snapshot not saved', error),
): Promise<void> {
  await Promise.all(
    projections.map(async (projection) => {
      const cursor = cursors[projection.name];
      if (!cursor || cursor.seq === 0) return;
      try {
        await store.saveSnapshot({ name: projection.name, version: projection.version, seq: cursor.seq, state: encodeState(cursor.state) });
      } catch (error) {
        onError(error);
      }
    }),
  );
}
