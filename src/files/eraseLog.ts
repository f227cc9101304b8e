import { depsOf, type EventStore } from '../eventstore/index.ts';
import { ScratchLog, lastSeqOf } from '../eventstore/import/index.ts';
import { LogFileError } from './errors.ts';
import { exclusively } from './importLog.ts';

/**
 * Starts the log over: a fresh, empty database becomes the live log in the same
 * switch a replacing import makes, and the log as it was becomes the backup,
 * untouched, so restoring the backup brings it back exactly. Refused, changing
 * nothing, when the log no longer ends at `expectedLastSeq` (the person
 * confirmed erasing that many events). Reopen the store afterwards.
 */
export async function eraseLog(store: EventStore, { expectedLastSeq }: { expectedLastSeq: number }): Promise<void> {
  await exclusively(store, async () => {
    const scratch = await ScratchLog.create(store.name, depsOf(store));
    try {
      await scratch.finish();
      await scratch.promote({
        check: async (live) => {
          if ((await lastSeqOf(live)) !== expectedLastSeq)
            throw new LogFileError('LOG_CHANGED', 'Events were recorded in this log since you chose to erase it. Nothing was erased: look at it again first.');
        },
      });
    } catch (error) {
      await scratch.discard();
      throw error;
    }
  });
}
