/**
 * How many keyframes (snapshots) of each read model the event store keeps: pass
 * it as `openEventStore({ keyframes })`. A time-travel jump loads the nearest
 * keyframe at or before its point and folds the events after it, so what a jump
 * costs is set by how far apart they are. With a snapshot every 1000 events and
 * the store dropping whichever loses the smallest gap, 100 keyframes lie 10,000
 * events apart on average at a million events (14,000 at most); the spacing
 * grows with the log, the storage does not: at most 100 snapshots of every read
 * model (docs/performance.md gives their size).
 */
export const KEYFRAMES = 100;

/**
 * Decides when the live image should be snapshotted: every `every` events, and
 * when asked to flush (the tab is being hidden, which on phones may be the last
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

  /** True when a snapshot at `seq` is due (`factor` times over, when given). */
  due(seq: number, factor = 1): boolean {
    return seq - this.lastSaved >= this.every * factor;
  }

  /** True when anything changed since the last snapshot. */
  dirty(seq: number): boolean {
    return seq > this.lastSaved;
  }

  saved(seq: number): void {
    this.lastSaved = Math.max(this.lastSaved, seq);
  }
}
