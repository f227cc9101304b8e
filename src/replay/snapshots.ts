import type { EventStore } from '../eventstore/index.ts';
import type { Cursors } from './fold.ts';
import type { AnyProjection } from './projection.ts';

/**
 * The best starting point for each projection at or before `maxSeq`: its newest
 * snapshot of the current projection version, or its initial state. A snapshot
 * that cannot be read, or that does not look like one, is ignored: the state is
 * then rebuilt from events, which is slower but always right.
 */
export async function startingCursors(
  store: EventStore,
  projections: readonly AnyProjection[],
  maxSeq: number,
  onIgnored: (name: string, reason: unknown) => void = () => {},
): Promise<Cursors> {
  const entries = await Promise.all(
    projections.map(async (projection) => {
      try {
        const snapshot = await store.loadSnapshot(projection.name, projection.version, maxSeq);
        if (snapshot && Number.isSafeInteger(snapshot.seq) && snapshot.seq <= maxSeq && snapshot.state !== undefined)
          return [projection.name, { seq: snapshot.seq, state: snapshot.state }] as const;
        if (snapshot) onIgnored(projection.name, new Error(`snapshot at seq ${String(snapshot.seq)} is malformed`));
      } catch (error) {
        onIgnored(projection.name, error);
      }
      return [projection.name, { seq: 0, state: projection.initial }] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** Saves every projection whose state is at `seq`; a failed write is reported, never thrown. */
export async function saveSnapshots(
  store: EventStore,
  projections: readonly AnyProjection[],
  cursors: Cursors,
  onError: (error: unknown) => void = (error) => console.warn('Snapshot not saved', error),
): Promise<void> {
  await Promise.all(
    projections.map(async (projection) => {
      const cursor = cursors[projection.name];
      if (!cursor || cursor.seq === 0) return;
      try {
        await store.saveSnapshot({ name: projection.name, version: projection.version, seq: cursor.seq, state: cursor.state });
      } catch (error) {
        onError(error);
      }
    }),
  );
}
