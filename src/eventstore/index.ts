export { openEventStore } from './eventStore.ts';
export type { EventStore, OpenEventStoreOptions, SnapshotInput } from './eventStore.ts';
export { DuplicateEventError, EventStoreClosedError, InvalidEventError, WrongExpectedVersionError } from './errors.ts';
export { MAX_EVENT_BYTES, eventInputProblem, jsonProblem } from './validate.ts';
export { canonicalJson } from './canonical.ts';
export type { RewindDatabase, SnapshotRecord, CheckpointRecord, DocumentRecord } from './db.ts';
export type * from './types.ts';
