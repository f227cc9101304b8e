export { openLedger, type Ledger, type LedgerOptions } from './ledger.ts';
export { asLedgerStates, type LedgerStates } from './ledgerStates.ts';
export {
  readAccountHistory,
  readWholeAccountHistory,
  type AccountHistoryPage,
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
