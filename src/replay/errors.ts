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

/** A replay was cancelled through its AbortSignal. */
export class ReplayAbortedError extends Error {
  override readonly name = 'ReplayAbortedError';
  constructor() {
    super('The replay was cancelled.');
  }
}
