import { MAX_DEVICE_NAME } from '../../src/domain/sync/protocol.ts';

/** The sync server's limits (docs/sync.md): a request body, one event as compact UTF-8 JSON, and the counts in a push and a pull. */
export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_EVENT_BYTES = 64 * 1024;
export const MAX_COMMITS = 500;
export const MAX_EVENTS_PER_COMMIT = 1000;
export const MAX_DEVICE_CHARS = MAX_DEVICE_NAME;
export const MAX_COMMIT_ID_CHARS = 100;
export const MAX_PULL_LIMIT = 5000;
export const DEFAULT_PULL_LIMIT = 1000;
