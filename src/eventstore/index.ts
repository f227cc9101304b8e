export { openEventStore } from './eventStore.ts';
export type {
  CheckpointStore,
  DocumentInput,
  DocumentStore,
  EventLog,
  EventStore,
  OpenEventStoreOptions,
  ReadLinesOptions,
  SnapshotInput,
  SnapshotStore,
  StoreLifecycle,
} from './interfaces.ts';
export { DamagedEventError, DuplicateEventError, EventStoreClosedError, InvalidEventError, WrongExpectedVersionError } from './errors.ts';
export { StorageFullError, StorageUnavailableError, isConnectionFault, isQuotaError } from './storage/faults.ts';
export { isFinal, type StoreHealth, type HealthState } from './storage/health.ts';
export type { SnapshotRecord, CheckpointRecord, DocumentRecord } from './storage/database.ts';
export { MAX_EVENT_BYTES, eventInputProblem, jsonProblem } from './log/validate.ts';
export { checkExpectedVersion, expectedVersionMatches } from './log/expectedVersion.ts';
export type { EventLines } from './storage/pageReads.ts';
export { canonicalJson } from './pages/canonicalJson.ts';
export { EVENTS_PER_PAGE, type LinesPart } from './pages/pageCodec.ts';
export type * from './types.ts';
export { LogReplacedError } from './log/retiredLog.ts';
export { onLogReplaced, readLogRecord, depsOf } from './import/registry.ts';
export type { LogRecord, LogReplacedInfo, DatabaseDeps } from './import/registry.ts';
export { tryWithImportLock } from './import/importLock.ts';
