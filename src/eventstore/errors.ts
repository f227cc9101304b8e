import type { ExpectedVersion } from './types.ts';

/** The stream was not at the version the caller decided against; nothing was written. */
export class WrongExpectedVersionError extends Error {
  override readonly name = 'WrongExpectedVersionError';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`Stream "${stream}" was expected at version ${String(expected)} but is at version ${actual}.`);
  }
}

/** An event id is already stored with different content; nothing was written. */
export class DuplicateEventError extends Error {
  override readonly name = 'DuplicateEventError';
  constructor(readonly eventId: string) {
    super(`An event with id "${eventId}" is already stored with different content.`);
  }
}

/** An event breaks the event rules; nothing was written. `index` is its place in the batch. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
  constructor(
    message: string,
    readonly index?: number,
  ) {
    super(index === undefined ? message : `Event ${index + 1} of the batch: ${message}`);
  }
}

/** The store was closed (by the caller, or by a newer version of the app upgrading the database). */
export class EventStoreClosedError extends Error {
  override readonly name = 'EventStoreClosedError';
  constructor(message = 'The event store is closed.') {
    super(message);
  }
}

// Shared with the read models, which throw it on a payload they cannot fold (see src/lib).
export { DamagedEventError } from '../lib/damagedEventError.ts';
