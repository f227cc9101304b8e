// The app layer's inner parts, for tests and the bench only: the screens use index.ts.
export type { LedgerOptions } from './ledger.ts';
export {
  readAccountHistory,
  readNewerHistory,
  readWholeAccountHistory,
  type AccountHistoryBatch,
  type HistoryReader,
} from './queries/accountHistory.ts';
export type { ImageState, BootInfo } from './image/memoryImage.ts';
export type { TimeTravel, TimeTravelState, PastView } from './timetravel/timeTravel.ts';
export type { WhatIfBranch, WhatIfState } from './whatif/whatIfBranch.ts';
export { createMemoryImage } from './image/memoryImage.ts';
export { createTimeTravel } from './timetravel/timeTravel.ts';
export { LATER_READ_MODELS } from './laterReadModels.ts';
export { createWhatIfBranch } from './whatif/whatIfBranch.ts';
export { electLeader, type Leadership } from './locks/leadership.ts';
export { cryptoRandom, cryptoUuid, systemClock } from './systemSources.ts';
export { createCommandHandler, type CommandHandler, type CommandHandlerOptions, type CommandLog } from './commands/commandHandler.ts';
export type { DecisionSource, DecisionView } from './commands/decisionSource.ts';
export { startProcessManagers, type ProcessManagerLog, type ProcessManagerOptions, type ProcessManagerRunner } from './processes/runner.ts';
export { markHandledThrough } from './processes/markHandled.ts';
export { PROCESS_MANAGER_LOCK, webLockRequest, type LockRequest } from './locks/locks.ts';
export { appendGenerated, toInput } from './sample/appendGenerated.ts';
export type { LedgerQueries } from './queries/ledgerQueries.ts';
export type { EventLogQueries, LogSearchOptions } from './queries/eventLogQueries.ts';
export type { EventBatches } from './queries/eventBatches.ts';
export type { LogSearch } from './queries/logSearch.ts';
export type { Slot } from './queries/logRows.ts';
export type { LedgerFiles, LedgerImportOptions } from './files.ts';
export type { SavedScenarios } from './whatif/savedScenarios.ts';
export type { InjectDraft } from './whatif/branchInjection.ts';
export type { WhatIfResult } from '../replay/index.ts';
