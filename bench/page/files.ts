import { openEventStore } from '../../src/eventstore/index.ts';
import { LEDGER_EVENT_TYPES, PROCESS_MANAGER_CHECKPOINTS } from '../../src/domain/index.ts';
import { exportLog as exportLogFile, importLog as importLogFile, verifyLogFile } from '../../src/files/index.ts';
import { deleteDatabase } from './idb.ts';
import { ms, withLog } from './log.ts';
import type { ExportRun, ImportRun } from './protocol.ts';

/** A separate log the import goes into, so the seeded one stays as it is for the other measurements. */
const IMPORT_LOG = 'bench-import';

let exported: Blob | undefined;

/** Exports the whole log as the Data screen does; the file is kept for the import. */
export async function exportLog(): Promise<ExportRun> {
  return withLog(async (store) => {
    const t = performance.now();
    const result = await exportLogFile(store);
    const elapsed = ms(t);
    exported = result.blob;
    return { events: result.header.eventCount, bytes: result.blob.size, ms: elapsed };
  });
}

/**
 * Times a file read that reports its progress. Past `budgetMs` it is cancelled
 * through its signal (the app's own cancel) and the rate is taken over the
 * events done by then.
 */
async function timedFileRun(
  budgetMs: number,
  run: (signal: AbortSignal, onProgress: (progress: { events: number }) => void) => Promise<number>,
): Promise<ImportRun> {
  const budget = new AbortController();
  const timer = setTimeout(() => budget.abort(new Error('time budget')), budgetMs);
  let done = 0;
  let doneAt = 0;
  const t = performance.now();
  try {
    const events = await run(budget.signal, (progress) => {
      done = progress.events;
      doneAt = ms(t);
    });
    return { events, ms: ms(t), partial: false };
  } catch (error) {
    if (!budget.signal.aborted) throw error;
    return { events: done, ms: doneAt, partial: true };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads and checks the exported file without writing it anywhere: the part of
 * an import that is not IndexedDB, so the rate an import could reach were
 * writes free.
 */
export async function verifyLog({ budgetMs }: { budgetMs: number }): Promise<ImportRun> {
  const file = exported;
  if (!file) throw new Error('Export first: the check reads the exported file.');
  return timedFileRun(budgetMs, async (signal, onProgress) => {
    const summary = await verifyLogFile(file, { knownTypes: LEDGER_EVENT_TYPES, signal, onProgress });
    return summary.eventCount;
  });
}

async function dropImportDatabases(): Promise<void> {
  const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n === IMPORT_LOG || n.startsWith(`${IMPORT_LOG}@`));
  for (const name of names) await deleteDatabase(name);
}

/** Imports the exported file into an empty log, as a fresh device would. */
export async function importLog({ budgetMs }: { budgetMs: number }): Promise<ImportRun> {
  const file = exported;
  if (!file) throw new Error('Export first: the import reads the exported file.');
  exported = undefined;
  await dropImportDatabases();
  const target = await openEventStore({ name: IMPORT_LOG });
  try {
    return await timedFileRun(budgetMs, async (signal, onProgress) => {
      const result = await importLogFile(target, file, {
        mode: 'empty',
        knownTypes: LEDGER_EVENT_TYPES,
        processManagers: [...PROCESS_MANAGER_CHECKPOINTS],
        signal,
        onProgress,
      });
      return result.imported;
    });
  } finally {
    target.close();
    await dropImportDatabases();
  }
}
