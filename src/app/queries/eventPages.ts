import type { EventStore, StoredEvent } from '../../eventstore/index.ts';
import { ChangeSignal } from '../../ui/eventlog/changeSignal.ts';

export const PAGE_SIZE = 200;
/** Pages kept in memory (the most recently used ones): 12,000 events at most. */
const MAX_PAGES = 60;

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

  constructor(private readonly store: Pick<EventStore, 'readAll'>) {
    super();
  }

  /** The event at `seq`, if its page is in memory. */
  get(seq: number): StoredEvent | undefined {
    const page = Math.floor((seq - 1) / PAGE_SIZE);
    return this.pages.get(page)?.[seq - 1 - page * PAGE_SIZE];
  }

  /** Reads the pages holding seqs `from`..`to` that are missing (or were read before the log reached them). */
  ensure(from: number, to: number): void {
    if (to < 1) return;
    for (let page = Math.floor((Math.max(1, from) - 1) / PAGE_SIZE); page <= Math.floor((to - 1) / PAGE_SIZE); page++) {
      const held = this.pages.get(page);
      const lastNeeded = Math.min(to, (page + 1) * PAGE_SIZE);
      if (held && held.length >= lastNeeded - page * PAGE_SIZE) {
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
      const events = await this.store.readAll({ fromSeq: page * PAGE_SIZE + 1, toSeq: (page + 1) * PAGE_SIZE });
      this.pages.set(page, events);
      while (this.pages.size > MAX_PAGES) this.pages.delete(this.pages.keys().next().value!);
      this.error = undefined;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.loading.delete(page);
      this.changed();
    }
  }
}
