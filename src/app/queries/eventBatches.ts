import type { EventLog, StoredEvent } from '../../eventstore/index.ts';
import { ChangeSignal } from './changeSignal.ts';

/** Events the list reads at a time: one batch of this cache. */
export const EVENTS_PER_BATCH = 200;
/** Batches kept in memory (the most recently used ones): 12,000 events at most. */
const BATCHES_KEPT = 60;

/**
 * The unfiltered log as the list scrolls over it: fixed batches of seqs, read on
 * demand and forgotten least-recently-used first, so memory stays bounded
 * whatever the log's size. Events never change once written and seqs have no
 * gaps, so a batch read once is good until the log is replaced (the app reloads then).
 */
export class EventBatches extends ChangeSignal {
  private readonly batches = new Map<number, StoredEvent[]>();
  private readonly loading = new Set<number>();
  error?: string;

  constructor(
    private readonly store: Pick<EventLog, 'readAll'>,
    /** Hears every batch read (the screen gathers the categories it meets). */
    private readonly onRead?: (events: readonly StoredEvent[]) => void,
  ) {
    super();
  }

  /** The event at `seq`, if its batch is in memory. */
  get(seq: number): StoredEvent | undefined {
    const batch = Math.floor((seq - 1) / EVENTS_PER_BATCH);
    return this.batches.get(batch)?.[seq - 1 - batch * EVENTS_PER_BATCH];
  }

  /** Reads the batches holding seqs `from`..`to` that are missing (or were read before the log reached them). */
  ensure(from: number, to: number): void {
    if (to < 1) return;
    for (let batch = Math.floor((Math.max(1, from) - 1) / EVENTS_PER_BATCH); batch <= Math.floor((to - 1) / EVENTS_PER_BATCH); batch++) {
      const held = this.batches.get(batch);
      const lastNeeded = Math.min(to, (batch + 1) * EVENTS_PER_BATCH);
      if (held && held.length >= lastNeeded - batch * EVENTS_PER_BATCH) {
        // Touch it: most recently used batches are kept longest.
        this.batches.delete(batch);
        this.batches.set(batch, held);
        continue;
      }
      if (!this.loading.has(batch)) void this.load(batch);
    }
  }

  private async load(batch: number): Promise<void> {
    this.loading.add(batch);
    try {
      const events = await this.store.readAll({ fromSeq: batch * EVENTS_PER_BATCH + 1, toSeq: (batch + 1) * EVENTS_PER_BATCH });
      this.batches.set(batch, events);
      this.onRead?.(events);
      while (this.batches.size > BATCHES_KEPT) this.batches.delete(this.batches.keys().next().value!);
      this.error = undefined;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.loading.delete(batch);
      this.changed();
    }
  }
}
