import { PROCESS_MANAGER_CHECKPOINTS } from '../domain/index.ts';
import type { EventStore } from '../eventstore/index.ts';
import type {
  BackupInfo,
  ByteSource,
  ExportOptions,
  ExportProgress,
  ImportOptions,
  ImportResult,
  LogExport,
} from '../files/index.ts';
import type { WhatIfResult } from '../replay/index.ts';
import type { BranchPlan } from './whatif/whatIfBranch.ts';
import type { StartOverScope, StartOverViews } from './startOver.ts';
import { SETTINGS_ID } from './sync/syncState.ts';

/**
 * The process managers are filled in, and the reader knows Rewind's own event types and schema versions:
 * an event recorded by a newer version is kept and named in the result, never a reason to refuse the file.
 */
export type LedgerImportOptions = Omit<ImportOptions, 'knownTypes' | 'unknownTypes' | 'processManagers' | 'expectedLastSeq' | 'documentChanges'>;

/**
 * The log's files: export, import, the backup an import leaves, and what-if
 * scenario files. The exports ask where to save first, so call them from the
 * click itself (a save picker opens only within the person's gesture); they
 * resolve to undefined when the person cancels.
 */
export interface LedgerFiles {
  exportLog(options?: ExportOptions): Promise<LogExport | undefined>;
  /** The open branch as a hypothetical log file, its header naming the base point and the scenario. */
  exportScenario(result: WhatIfResult, name: string | undefined, onProgress?: (progress: ExportProgress) => void): Promise<LogExport | undefined>;
  /** Checks every line first: nothing changes unless the whole file is sound. */
  importLog(file: ByteSource, options: LedgerImportOptions): Promise<ImportResult>;
  describeBackup(): Promise<BackupInfo>;
  restoreBackup(): Promise<void>;
  discardBackup(): Promise<void>;
  /** How many events the log holds and whether every one is sample data, for "Erase this ledger" or "Remove the sample data". */
  startOverScope(): Promise<StartOverScope>;
  /**
   * Erases the ledger: an empty log becomes live and this one the backup, which restoreBackup brings back exactly.
   * Refused, changing nothing, while viewing the past or a what-if branch, or when the log no longer holds
   * `expectedEvents` (what the person confirmed). Reload afterwards, as after an import.
   */
  startOver(expectedEvents: number): Promise<void>;
  /** The branch a scenario file describes on this log, and the scenario's name; refused for a file made on another log. */
  scenarioPlan(file: ByteSource): Promise<{ plan: BranchPlan; name?: string }>;
}

// All of it loads on first use, off the boot path: a screen's click waits for a cached chunk, not the network.
// `views` are what starting over must not happen under (the past, a branch).
const files = () => import('../files/index.ts');

export function ledgerFiles(store: EventStore, views: StartOverViews): LedgerFiles {
  return {
    exportLog: async (options) => (await files()).exportLogToFile(store, options),
    exportScenario: async (result, name, onProgress) =>
      (await import('../files/scenarioToFile.ts')).exportScenarioToFile(store, result, name, onProgress),
    importLog: async (file, options) =>
      (await files()).importLog(store, file, {
        ...options,
        processManagers: [...PROCESS_MANAGER_CHECKPOINTS],
        // Another ledger becomes the log: this device leaves its sync space rather than push that ledger into it.
        ...(options.mode === 'replace' && { documentChanges: { remove: [SETTINGS_ID] } }),
      }),
    describeBackup: async () => (await files()).describeBackup(store),
    restoreBackup: async () => (await files()).restoreBackup(store),
    discardBackup: async () => (await files()).discardBackup(store),
    startOverScope: async () => (await import('./startOver.ts')).startOverScope(store),
    startOver: async (expectedEvents) => (await import('./startOver.ts')).startOver(store, views, expectedEvents),
    scenarioPlan: async (file) => {
      const { plan, header } = await (await import('./whatif/scenarioFile.ts')).scenarioPlanOf(store, file);
      return { plan, name: header.scenario };
    },
  };
}
