import { RewindDatabase } from '../storage/database.ts';
import { announceReplaced, definedDeps, emptyTrash, readLogRecord, updateRecord, warnTrash, type DatabaseDeps, type LogRecord, type LogReplacedInfo } from './registry.ts';
import { LogReplacedError, isRetired, retireDatabase, reinstateDatabase } from '../log/retiredLog.ts';

/*
 * The registry's writes that only imports and restores make: scratch
 * databases, the switch of the live database, the backup. Apart from
 * registry.ts, which every start of the app needs, so the boot bundle does not carry them.
 */

/** Deletes the backup database, if there is one. */
export async function discardBackupDatabase(log: string, deps: DatabaseDeps): Promise<void> {
  await updateRecord(log, deps, (r) => {
    if (!r.backup) return r;
    const { backup, backupSince: _since, ...rest } = r;
    return { ...rest, trash: [...r.trash, backup] };
  });
  await emptyTrash(log, deps);
}

/** Names a new, empty database for an import of `log` and records it as pending. */
export async function registerScratchDatabase(log: string, deps: DatabaseDeps): Promise<string> {
  const physical = `${log}@${crypto.randomUUID()}`;
  await updateRecord(log, deps, (r) => ({ ...r, pending: [...r.pending, physical] }));
  return physical;
}

/** Deletes an import's scratch database that will not become live. */
export async function dropScratchDatabase(log: string, physical: string, deps: DatabaseDeps): Promise<void> {
  await updateRecord(log, deps, (r) => ({ ...r, pending: r.pending.filter((p) => p !== physical), trash: [...r.trash, physical] }));
  await emptyTrash(log, deps);
}

export interface SwitchHooks {
  /** Runs inside the transaction that retires the current live database; throw to refuse the switch. */
  check?: (live: RewindDatabase) => Promise<void>;
  /** Runs once the live database is retired (its log can no longer change), before the switch; throw to refuse. */
  afterRetire?: (live: RewindDatabase) => Promise<void>;
}

/**
 * Makes `target` the live database of `log`; the current live one becomes the
 * backup (retired, so no append can land in it any more).
 */
export async function switchLiveDatabase(
  log: string,
  target: string,
  deps: DatabaseDeps,
  reason: LogReplacedInfo['reason'],
  hooks: SwitchHooks = {},
): Promise<LogRecord> {
  const before = await readLogRecord(log, deps);
  const live = new RewindDatabase(before.live, definedDeps(deps));
  const next = new RewindDatabase(target, definedDeps(deps));
  try {
    const targetWasRetired = await isRetired(next);
    await retireDatabase(live, hooks.check);
    let record: LogRecord;
    try {
      await hooks.afterRetire?.(live);
      if (targetWasRetired) await reinstateDatabase(next);
      record = await updateRecord(log, deps, (r) => {
        if (r.live !== before.live) throw new LogReplacedError(log);
        const trash = r.backup && r.backup !== target ? [...r.trash, r.backup] : r.trash;
        const backupSince = new Date().toISOString();
        return { ...r, live: target, backup: r.live, backupSince, pending: r.pending.filter((p) => p !== target), trash };
      });
    } catch (error) {
      await reinstateDatabase(live);
      if (targetWasRetired) await retireDatabase(next);
      throw error;
    }
    announceReplaced({ log, live: record.live, backup: record.backup, reason });
    return record;
  } finally {
    live.close();
    next.close();
    await emptyTrash(log, deps).catch(warnTrash(log));
  }
}

