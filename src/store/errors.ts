/** A command was attempted while the screens show the past; the past cannot be changed. */
export class ViewingPastError extends Error {
  override readonly name = 'ViewingPastError';
  readonly code = 'VIEWING_PAST';
  constructor() {
    super('You are viewing the past. Go back to now to make changes, or start a what-if branch.');
  }
}
