/**
 * Waits for something that moves along the log (a state following it, a
 * runner handling it) to reach a seq. The owner says how far it has got with
 * `reachedSeq` and calls `wake` whenever that moves.
 */
export class SeqWaiters {
  private waiting: { seq: number; resolve: () => void }[] = [];

  constructor(private readonly reachedSeq: () => number) {}

  /** Resolves once the seq reached is `seq` or more (or every wait is released). */
  until(seq: number): Promise<void> {
    if (seq <= this.reachedSeq()) return Promise.resolve();
    return new Promise<void>((resolve) => this.waiting.push({ seq, resolve }));
  }

  /** Resolves the waits the seq reached now satisfies. */
  wake(): void {
    if (this.waiting.length === 0) return;
    const reached = this.reachedSeq();
    this.waiting = this.waiting.filter((w) => (w.seq <= reached ? (w.resolve(), false) : true));
  }

  /** Resolves every wait, reached or not: nothing more will come (stopped, failed), or the wait is pointless. */
  releaseAll(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const w of waiting) w.resolve();
  }
}
