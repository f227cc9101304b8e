import { EVENTS_PER_PAGE, pageStart, type PageRecord } from '../pages/pageCodec.ts';

/** Pages kept: about 11 MB of page bytes at the bench's 170 KB a page. */
const CAPACITY = 64;

/**
 * The sealed pages one store read last, by first seq, the least recently used
 * dropped first. Reads that come back to the same pages (an account's history
 * after each command, the steps of time travel replaying from one keyframe)
 * take them from here instead of copying them out of IndexedDB again.
 *
 * Why a cached page can be trusted: a page never changes once sealed. Pages
 * are only ever added (a seal, an import, the layout upgrade), and a log that
 * an import or a rebase replaces is another database, read through another
 * store and so another cache.
 */
export class PageCache {
  private readonly pages = new Map<number, PageRecord>();

  constructor(private readonly capacity = CAPACITY) {}

  get(first: number): PageRecord | undefined {
    const page = this.pages.get(first);
    if (page) {
      // Map order is insertion order: moving a page to the end keeps the least recently used first.
      this.pages.delete(first);
      this.pages.set(first, page);
    }
    return page;
  }

  put(pages: Iterable<PageRecord | undefined>): void {
    for (const page of pages) {
      if (!page) continue;
      this.pages.delete(page.first);
      this.pages.set(page.first, page);
    }
    for (const first of this.pages.keys()) {
      if (this.pages.size <= this.capacity) break;
      this.pages.delete(first);
    }
  }

  /** Every page from the one holding `lo` through the one holding `hi`, if all are here; else undefined. */
  covering(lo: number, hi: number): PageRecord[] | undefined {
    const starts: number[] = [];
    for (let start = pageStart(lo); start <= hi; start += EVENTS_PER_PAGE) {
      if (!this.pages.has(start)) return undefined;
      starts.push(start);
    }
    return starts.map((start) => this.get(start)!);
  }
}
