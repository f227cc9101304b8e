// The one door the screens use (src/main.tsx and src/ui import only this file), including types of the layers beneath.
import type * as IncomingBranch from './whatif/incomingBranch.ts';

export type { EventLogQueries, LogCategories } from './queries/eventLogQueries.ts';
export { openLedger, type Ledger } from './ledger.ts';
export { asLedgerStates, type LedgerStates } from './ledgerStates.ts';
export type { HistoryBranch, HistoryCursor, HistoryOrigin } from './queries/accountHistory.ts';
export { BranchRuleError, ViewingPastError } from './errors.ts';
export type { MemoryImage } from './image/memoryImage.ts';
export type { BranchPlan } from './whatif/whatIfBranch.ts';
export type { DispatchOptions, DispatchResult } from './commands/commandHandler.ts';
export { categoryOf, isFiltered, NEWER_VERSION_TYPE, NO_FILTERS, type LogFilters } from './queries/logFilters.ts';
export { injectedEvent, injectionSlots, rowAt, type LogRow } from './queries/logRows.ts';
export { MAX_SCENARIO_NAME, type SavedScenario } from './whatif/savedScenarios.ts';
export type { InjectKind } from './whatif/branchInjection.ts';
export type { StoredEvent, StoreHealth } from '../eventstore/index.ts';
export { HYPOTHETICAL_ID_PREFIX, type Injection, type ReplayProgress } from '../replay/index.ts';
export { LogFileError, MergeConflictError } from '../files/errors.ts';
export type { BackupInfo, ExportProgress, ImportMode, ImportProgress, ImportResult, LogSelection } from '../files/index.ts';
export { pwaStore, startPwa, type PwaState } from '../serviceworker/index.ts';
export type { LedgerSync, SyncStatus, SyncConflict, SyncPhase, CompetingChange } from './sync/types.ts';
export { parsePairingLink } from './sync/pairingLink.ts';

/** A merge's refused events as a what-if branch; loaded with the import that offers it, off the boot path. */
export const incomingBranchPlan: typeof IncomingBranch.incomingBranchPlan = async (...args) =>
  (await import('./whatif/incomingBranch.ts')).incomingBranchPlan(...args);
