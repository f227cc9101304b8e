/**
 * The bulk side of the event store: a scratch database an import fills and
 * switches to, appends of already positioned events (merge), the switch of the
 * live database and its backup (restore), and the database behind an open
 * store for that bulk work. Only the file edges and the bench's seeding use
 * it, so it is not exported from index.ts, which the app loads before its
 * first render (the boot bundle).
 */
export { DuplicateIdError, ScratchLog } from './scratchLog.ts';
export { appendPositioned } from '../log/appendPositioned.ts';
export { lastSeqOf } from '../storage/pageReads.ts';
export { discardBackupDatabase, switchLiveDatabase, type SwitchHooks } from './switchLive.ts';
export { databaseOf } from '../storage/databaseOf.ts';
export type { RewindDatabase } from '../storage/database.ts';
