import type { DamagedEventError } from '../eventstore/index.ts';

/**
 * A replay could not go past an event: the record is damaged or missing, or a
 * projection threw on it. `seq` names the event so the app can offer to export
 * everything before it.
 */
export class ReplayError extends Error {
  override readonly name = 'ReplayError';
  constructor(
    message: string,
    readonly seq: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A damaged record (read from the store, or found by a projection that met a
 * payload it cannot fold) stops the replay at its seq, like a missing one. No
 * cause is kept: a ReplayError with a cause is a projection failing on sound
 * data (see bootReplay), and folding from the first event again would only
 * stop at the same record.
 */
export function stoppedAtDamage(damage: DamagedEventError): ReplayError {
  return new ReplayError(damage.message, damage.seq);
}

/** A replay was cancelled through its AbortSignal. */
export class ReplayAbortedError extends Error {
  override readonly name = 'ReplayAbortedError';
  constructor() {
    super('The replay was cancelled.');
  }
}
