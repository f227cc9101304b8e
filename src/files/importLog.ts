import {
  LogReplacedError,
  depsOf,
  readLogRecord,
  tryWithImportLock,
  type EventStore,
  type StoredEvent,
} from '../eventstore/index.ts';
import { DuplicateIdError, ScratchLog, databaseOf, lastSeqOf } from '../eventstore/import/index.ts';
import type { ByteSource } from './byteSource.ts';
import { duplicateId } from './continuity.ts';
import { LogFileError } from './errors.ts';
import { advancedCheckpoints, readerOptions, type ImportContext, type ImportOptions, type ImportResult } from './importTypes.ts';
import { mergeLog } from './mergeImport.ts';
import { readLogFile } from './reader.ts';

export type { ImportMode, ImportOptions, ImportProgress, ImportResult } from './importTypes.ts';

/**
 * Runs `fn` as the only import, restore or backup change of this log in any tab.
 * A second one is refused at once rather than queued: the person started it and
 * should hear that another is running.
 */
export async function exclusively<T>(store: EventStore, fn: () => Promise<T>): Promise<T> {
  const outcome = await tryWithImportLock(store.name, async () => {
    // A store left on a database an import or restore switched away from must not start another switch.
    if ((await readLogRecord(store.name, depsOf(store))).live !== databaseOf(store).name) throw new LogReplacedError(store.name);
    return fn();
  });
  if (!outcome.acquired)
    throw new LogFileError('IMPORT_IN_PROGRESS', 'Another import or restore of this log is running (perhaps in another tab). Wait for it to finish.');
  return outcome.value;
}

/**
 * Imports a log file: all or nothing, in bounded memory. The file is read once,
 * checked line by line and written into a fresh database out of sight of the
 * app; only when the whole file has proved sound does that database become the
 * live log, in one small switch (see src/eventstore/import/registry.ts). A failure, a
 * cancel or a closed tab before the switch leaves the log exactly as it was.
 */
export async function importLog(store: EventStore, source: ByteSource, options: ImportOptions): Promise<ImportResult> {
  return exclusively(store, async () => {
    const context: ImportContext = {
      store,
      options,
      progress: (p) => options.onProgress?.(p),
    };
    if (options.mode === 'merge') return mergeLog(context, source);
    return replaceLog(context, source);
  });
}

/** `empty` and `replace`: the file becomes the log. */
async function replaceLog({ store, options, progress }: ImportContext, source: ByteSource): Promise<ImportResult> {
  const { mode } = options;
  if (mode === 'empty' && (await store.lastSeq()) > 0)
    throw new LogFileError('LOG_NOT_EMPTY', 'This log already holds events. Choose Replace or Merge to import into it.');
  const scratch = await ScratchLog.create(store.name, depsOf(store));
  let firstSeq = 0;
  // The file is a whole log here: seqs run on from line 2 without gaps.
  const lineOf = (seq: number) => seq - firstSeq + 2;
  let writing: Promise<void> = Promise.resolve();
  try {
    const base = readerOptions({ store, options, progress });
    const summary = await readLogFile(source, {
      ...base,
      // The scratch database's unique id index finds a repeated id, without holding every id in memory.
      checkDuplicateIds: false,
      onHeader: (header) => {
        base.onHeader?.(header);
        firstSeq = header.firstSeq;
      },
      onEvents: async (events: StoredEvent[]) => {
        // One batch is written while the next is read and checked.
        await writing;
        writing = scratch.addEvents(events).catch((error: unknown) => {
          throw error instanceof DuplicateIdError ? duplicateId(error.id, lineOf(error.firstSeq), lineOf(error.seq)) : error;
        });
      },
    }).catch(async (error: unknown) => {
      // The batch still being written lies before anything the reader found since: its problem comes first.
      await writing;
      throw error;
    });
    await writing;
    progress({ phase: 'switching', events: summary.eventCount, totalEvents: summary.eventCount, bytesRead: summary.bytes });
    await scratch.finish();
    await scratch.promote({
      check: async (live) => {
        const lastSeq = mode === 'empty' ? 0 : options.expectedLastSeq;
        if (lastSeq !== undefined && (await lastSeqOf(live)) !== lastSeq)
          throw new LogFileError('LOG_CHANGED', 'Events were recorded in this log while the file was being imported. Nothing was imported.');
      },
      afterRetire: async (live) => {
        await scratch.putCheckpoints(await advancedCheckpoints(live, options.processManagers ?? [], 0, summary.lastSeq));
        await scratch.copyDocuments(live, options.documentChanges);
      },
    });
    return { mode, summary, imported: summary.eventCount, skipped: 0, lastSeq: summary.lastSeq, replaced: true };
  } catch (error) {
    await writing.catch(() => undefined);
    await scratch.discard();
    throw error;
  }
}
