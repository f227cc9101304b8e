/**
 * A stored event cannot be read back: its record is damaged (cut short, or
 * changed on disk) or holds a value no rule allows. The event store throws it
 * on reading; a read model throws it on a payload it cannot fold. `seq` is the
 * first event that cannot be read, so the app can offer to export everything
 * before it.
 */
export class DamagedEventError extends Error {
  override readonly name = 'DamagedEventError';
  readonly code = 'DAMAGED_EVENT';
  constructor(
    readonly seq: number,
    options?: { cause?: unknown },
  ) {
    const detail = options?.cause instanceof Error ? ` (${options.cause.message})` : '';
    super(`Event ${seq} is damaged in the log and cannot be read${detail}.`, options);
  }
}
