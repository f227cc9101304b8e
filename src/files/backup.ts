import { discardBackupDatabase, switchLiveDatabase } from '../eventstore/import/index.ts';
import { depsOf, readLogRecord, type EventStore } from '../eventstore/index.ts';
import { LogFileError } from './errors.ts';
import { exclusively } from './importLog.ts';

export interface BackupInfo {
  available: boolean;
  /** When the backup stopped being the live log (ISO-8601 UTC). */
  since?: string;
}

/** Whether the log has a backup from its last import (or restore) to go back to. */
export async function describeBackup(store: EventStore): Promise<BackupInfo> {
  const record = await readLogRecord(store.name, depsOf(store));
  return record.backup ? { available: true, since: record.backupSince } : { available: false };
}

/**
 * Makes the backup the live log again. The log it replaces becomes the backup in
 * turn, so a restore can itself be undone. Like an import, it switches databases:
 * reopen the store afterwards (every tab gets onLogReplaced).
 */
export async function restoreBackup(store: EventStore): Promise<void> {
  await exclusively(store, async () => {
    const deps = depsOf(store);
    const record = await readLogRecord(store.name, deps);
    if (!record.backup) throw new LogFileError('NO_BACKUP', 'There is no backup to restore: no import or start over has replaced this log.');
    await switchLiveDatabase(store.name, record.backup, deps, 'restore');
  });
}

/** Deletes the backup, freeing its space; the live log is untouched. */
export async function discardBackup(store: EventStore): Promise<void> {
  await exclusively(store, () => discardBackupDatabase(store.name, depsOf(store)));
}
