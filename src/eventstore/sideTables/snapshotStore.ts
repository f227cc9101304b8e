import type { Connection } from '../storage/connection.ts';
import type { RewindDatabase } from '../storage/database.ts';
import type { SnapshotStore } from '../interfaces.ts';
import { pruneKeyframes } from './keyframes.ts';

/**
 * The snapshots beside the log: projection states by name, version and
 * seq, kept as keyframes (at most `keyframes` per projection version, spread
 * over the history: see keyframes.ts). They never touch the log's tables.
 */
export function snapshotStore(db: RewindDatabase, run: Connection['run'], clock: () => Date, keyframes: number): SnapshotStore {
  return {
    saveSnapshot: async (snapshot) => {
      const savedAt = clock().toISOString();
      await run(() => db.transaction('rw', db.snapshots, async () => {
        await db.snapshots.put({ ...snapshot, savedAt });
        const seqs = (await db.snapshots
          .where('[name+version+seq]')
          .between([snapshot.name, snapshot.version, 0], [snapshot.name, snapshot.version, Infinity], true, true)
          .primaryKeys()) as [string, number, number][];
        const drop = pruneKeyframes(
          seqs.map((k) => k[2]),
          keyframes,
        );
        await db.snapshots.bulkDelete(drop.map((seq) => [snapshot.name, snapshot.version, seq] as [string, number, number]));
      }), 'write');
    },
    loadSnapshot: (snapshotName, version, maxSeq = Number.MAX_SAFE_INTEGER) =>
      run(
        () =>
          db.snapshots
            .where('[name+version+seq]')
            .between([snapshotName, version, 0], [snapshotName, version, maxSeq], true, true)
            .last(),
        'read',
      ),
    snapshotSeq: async (snapshotName, version, maxSeq = Number.MAX_SAFE_INTEGER) => {
      const key = (await run(
        () =>
          db.snapshots
            .where('[name+version+seq]')
            .between([snapshotName, version, 0], [snapshotName, version, maxSeq], true, true)
            .lastKey(),
        'read',
      )) as [string, number, number] | undefined;
      return key?.[2];
    },
    deleteSnapshots: async (snapshotName) => {
      await run(async () => {
        if (snapshotName === undefined) await db.snapshots.clear();
        else await db.snapshots.where('[name+version+seq]').between([snapshotName, 0, 0], [snapshotName, Infinity, Infinity]).delete();
      }, 'write');
    },
    deleteSnapshot: async (snapshotName, version, seq) => {
      await run(() => db.snapshots.delete([snapshotName, version, seq]), 'write');
    },
    pruneSnapshots: (keep) =>
      run(
        () =>
          db.transaction('rw', db.snapshots, async () => {
            const kept = new Set(keep.map((k) => JSON.stringify([k.name, k.version])));
            // Keys only: the states of a million-event log's snapshots run to megabytes each.
            const keys = (await db.snapshots.toCollection().primaryKeys()) as [string, number, number][];
            const stale = keys.filter(([name, version]) => !kept.has(JSON.stringify([name, version])));
            await db.snapshots.bulkDelete(stale);
            return stale.length;
          }),
        'write',
      ),
  };
}
