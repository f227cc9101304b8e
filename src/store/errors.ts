/** A command was attempted while the screens show the past; the past cannot be changed. */
export class ViewingPastError extends Error {
  override readonly name = 'ViewingPastError';
  readonly code = 'VIEWING_PAST';
  constructor() {
    super('You are viewing the past. Go back to now to make changes, or start a what-if branch.');
  }
}

/** The memory image could not be built (a damaged log): there is no state to decide a command on. */
export class ImageFailedError extends Error {
  override readonly name = 'ImageFailedError';
  readonly code = 'IMAGE_FAILED';
  constructor(reason = 'the log could not be read') {
    super(`The ledger could not be loaded (${reason}), so no change can be made. Export the log to keep what it holds.`);
  }
}
