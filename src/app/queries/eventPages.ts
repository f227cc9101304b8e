import type { EventLog, StoredEvent } from '../../eventstore/index.ts';
import { ChangeSignal } from './changeSignal.ts';

/** Events the list reads at a time: one page of this cache (not the event store's storage pages). */
export const EVENTS_PER_LIST_PAGE = 200;
/** List pages kept in memory (the most recently used ones): 12,000 events at most. */
const LIST_PAGES_KEPT = 60;

/**
 * The unfiltered log as the list scrolls over it: fixed pages of seqs, read on
 * demand and forgotten least-recently-used first, so memory stays bounded
 * whatever the log's size. Events never change once written and seqs have no
 * gaps, so a page read once is good until the log is replaced (the app reloads then).
 */
export class EventPages extends ChangeSignal {
  private readonly pages = new Map<number, StoredEvent[]>();
  private readonly loading = new Set<number>();
  error?: string;

  constructor(private readonly store: Pick<EventLog, 'readAll'>) {
    super();
  }

  /** The event at `seq`, if its page is in memory. */
  get(seq: number): StoredEvent | undefined {
    const page = Math.floor((seq - 1) / EVENTS_PER_LIST_PAGE);
    return this.pages.get(page)?.[seq - 1 - page * EVENTS_PER_LIST_PAGE];
  }

  /** Reads the pages holding seqs `from`..`to` that are missing (or were read before the log reached them). */
  ensure(from: number, to: number): void {
    if (to < 1) return;
    for (let page = Math.floor((Math.max(1, from) - 1) / EVENTS_PER_LIST_PAGE); page <= Math.floor((to - 1) / EVENTS_PER_LIST_PAGE); page++) {
      const held = this.pages.get(page);
      const lastNeeded = Math.min(to, (page + 1) * EVENTS_PER_LIST_PAGE);
      if (held && held.length >= lastNeeded - page * EVENTS_PER_LIST_PAGE) {
        // Touch it: most recently used pages are kept longest.
        this.pages.delete(page);
        this.pages.set(page, held);
        continue;
      }
      if (!this.loading.has(page)) void this.load(page);
    }
  }

  private async load(page: number): Promise<void> {
    this.loading.add(page);
    try {
      const events = await this.store.readAll({ fromSeq: page * EVENTS_PER_LIST_PAGE + 1, toSeq: (page + 1) * EVENTS_PER_LIST_PAGE });
      this.pages.set(page, events);
      while (this.pages.size > LIST_PAGES_KEPT) this.pages.delete(this.pages.keys().next().value!);
      this.error = undefined;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.loading.delete(page);
      this.changed();
    }
  }
}
