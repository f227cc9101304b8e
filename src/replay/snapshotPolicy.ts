/**
 * Decides when the live image should be snapshotted: every `every` events, and
 * when asked to flush (the page is being hidden, which on phones may be the last
 * chance before the tab is killed).
 */
export class SnapshotPolicy {
  private lastSaved: number;

  constructor(
    readonly every: number,
    startSeq = 0,
  ) {
    if (!Number.isSafeInteger(every) || every < 1) throw new RangeError('Snapshots are taken every 1 or more events.');
    this.lastSaved = startSeq;
  }

  /** True when a snapshot at `seq` is due. */
  due(seq: number): boolean {
    return seq - this.lastSaved >= this.every;
  }

  /** True when anything changed since the last snapshot. */
  dirty(seq: number): boolean {
    return seq > this.lastSaved;
  }

  saved(seq: number): void {
    this.lastSaved = Math.max(this.lastSaved, seq);
  }
}
