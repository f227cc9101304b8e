export { openLedger, type Ledger, type LedgerOptions } from './ledger.ts';
export { asLedgerStates, type LedgerStates } from './ledgerStates.ts';
export {
  readAccountHistory,
  readWholeAccountHistory,
  type AccountHistoryBatch,
  type HistoryBranch,
  type HistoryCursor,
  type HistoryOrigin,
  type HistoryReader,
} from './queries/accountHistory.ts';
export { BranchRuleError, ViewingPastError } from './errors.ts';
export type { ImageState, BootInfo, MemoryImage } from './image/memoryImage.ts';
export type { TimeTravel, TimeTravelState, PastView } from './timetravel/timeTravel.ts';
export type { WhatIfBranch, WhatIfState, BranchPlan } from './whatif/whatIfBranch.ts';
export { createMemoryImage } from './image/memoryImage.ts';
export { createTimeTravel } from './timetravel/timeTravel.ts';
export { createWhatIfBranch } from './whatif/whatIfBranch.ts';
export { electLeader, type Leadership } from './locks/leadership.ts';
export { cryptoRandom, cryptoUuid, systemClock } from './runtime.ts';
export {
  createCommandHandler,
  type CommandHandler,
  type CommandHandlerOptions,
  type CommandLog,
  type DispatchOptions,
  type DispatchResult,
} from './commands/commandHandler.ts';
export type { DecisionSource, DecisionView } from './commands/decisionSource.ts';
export { startProcessManagers, type ProcessManagerLog, type ProcessManagerOptions, type ProcessManagerRunner } from './processes/runner.ts';
export { markHandledThrough } from './processes/markHandled.ts';
export { PROCESS_MANAGER_LOCK, webLockRequest, type LockRequest } from './locks/locks.ts';
export { appendGenerated, toInput } from './sample/appendGenerated.ts';

// The rest of what the screens use, including types of the layers beneath: src/ui imports only this file.
export type { LedgerQueries, LogSearchOptions } from './queries/ledgerQueries.ts';
export type { EventBatches } from './queries/eventBatches.ts';
export type { LogSearch } from './queries/logSearch.ts';
export { isFiltered, NO_FILTERS, type LogFilters } from './queries/logFilters.ts';
export { injectedEvent, injectionSlots, rowAt, type LogRow, type Slot } from './queries/logRows.ts';
export type { LedgerFiles, LedgerImportOptions } from './files.ts';
export type { SavedScenarios } from './whatif/savedScenarios.ts';
export { MAX_SCENARIO_NAME, type SavedScenario } from './whatif/savedScenarios.ts';
export type { InjectDraft, InjectKind } from './whatif/branchInjection.ts';
export { incomingBranchPlan } from './whatif/incomingBranch.ts';
export type { StoredEvent, StoreHealth } from '../eventstore/index.ts';
export { HYPOTHETICAL_ID_PREFIX, type Injection, type ReplayProgress, type WhatIfResult } from '../replay/index.ts';
export { LogFileError, MergeConflictError } from '../files/index.ts';
export type { BackupInfo, ExportProgress, ImportMode, ImportProgress, ImportResult, LogSelection } from '../files/index.ts';
export { pwaStore, startPwa, type PwaState } from '../serviceworker/index.ts';
