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
} from './accountHistory.ts';
export { BranchRuleError, ViewingPastError } from './errors.ts';
export type { ImageState, BootInfo, MemoryImage } from './memoryImage.ts';
export type { TimeTravel, TimeTravelState, PastView } from './timeTravel.ts';
export type { WhatIfBranch, WhatIfState, BranchPlan } from './whatIfBranch.ts';
export { createMemoryImage } from './memoryImage.ts';
export { createTimeTravel } from './timeTravel.ts';
export { createWhatIfBranch } from './whatIfBranch.ts';
export { electLeader, type Leadership } from './leadership.ts';
