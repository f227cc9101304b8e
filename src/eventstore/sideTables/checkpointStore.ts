import type { Connection } from '../storage/connection.ts';
import type { RewindDatabase } from '../storage/database.ts';
import type { CheckpointStore } from '../interfaces.ts';

/** Checkpoints beside the log; an append may also set one in its own transaction (AppendManyOptions.checkpoint). */
export function checkpointStore(db: RewindDatabase, run: Connection['run']): CheckpointStore {
  return {
    getCheckpoint: (name) => run(async () => (await db.checkpoints.get(name))?.seq ?? 0, 'read'),
    setCheckpoint: async (name, seq) => {
      await run(() => db.checkpoints.put({ name, seq }), 'write');
    },
  };
}
