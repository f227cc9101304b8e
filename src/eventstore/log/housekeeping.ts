import { STREAM_BUCKETS } from '../indexes/streamRecords.ts';
import { EVENTS_PER_PAGE, sealedThrough } from '../pages/pageCodec.ts';
import { lastPageKey } from '../storage/database.ts';
import { lastSeqOf } from '../storage/pageReads.ts';
import { streamTables } from '../lookups/streamLookup.ts';
import type { LogContext } from './logContext.ts';
import { sealPages } from './sealPages.ts';

/** Stream buckets read ahead per transaction (see warmStreams). */
const WARM_SLICE = 32;

/**
 * Work an open log does on its own, after the commits that call for it: sealing
 * full pages, building the id filter, reading the stream buckets ahead. A
 * failure is only worth a warning (each says what happens instead), and none
 * once the store has ended.
 */
export class Housekeeping {
  private sealing: Promise<void> = Promise.resolve();
  private warming: Promise<void> | undefined;

  constructor(private readonly log: LogContext) {}

  /**
   * Seals the pages a commit filled, after the commit: its commands do not wait
   * for it. Seals of one store run one after another; a failure leaves the
   * events in the tail, where readers find them too.
   */
  sealLater(): Promise<void> {
    this.sealing = this.sealing.then(() => this.seal());
    return this.sealing;
  }

  /**
   * At open: seals the pages a tab that crashed after its commit left in the tail. Whether there are any is
   * asked in a read-only transaction first: a read-write one would hold the boot's reads of the log behind it.
   */
  sealIfDue(): Promise<void> {
    const { db, run } = this.log;
    const due = () =>
      run(
        () =>
          db.transaction('r', [db.pages, db.tail], async () => {
            const lastPage = lastPageKey(db);
            return (await lastSeqOf(db, lastPage)) - sealedThrough(await lastPage) >= EVENTS_PER_PAGE;
          }),
        'read',
      );
    this.sealing = this.sealing.then(() => this.quietly(due().then((yes) => (yes ? this.seal() : undefined)), 'Could not look for pages to seal; the next commit seals them.'));
    return this.sealing;
  }

  /** Resolves once the seals asked for so far are done. */
  settled(): Promise<void> {
    return this.sealing;
  }

  /** Builds the id filter, in its own transaction, once a lookup could not use it; until then lookups read the buckets. */
  buildIdFilter(): void {
    const { idLookup, connection, run, db } = this.log;
    if (!idLookup.filter.wanted || connection.ended) return;
    void this.quietly(run(() => idLookup.filter.build(db), 'read'), 'Could not build the id filter; id lookups read the id buckets instead.');
  }

  /**
   * A store that writes reads every stream bucket once, in the background, so
   * its commits find each stream's position in memory rather than reading a
   * bucket per new stream. A slice at a time, each in its own transaction, so
   * no single task decodes all of them.
   */
  warmStreamsOnce(): void {
    this.warming ??= this.quietly(this.warmStreams(), 'Could not read the stream buckets ahead; commits read them as needed.');
  }

  private seal(): Promise<void> {
    const { db, run, tailCache, idLookup, streamLookup } = this.log;
    const work = run(async () => {
      const sealed = await sealPages(db, tailCache);
      if (!sealed) return;
      tailCache.sealed(sealed.left);
      for (const written of sealed.runs) idLookup.filter.addRun(written.first, written.hashes);
      if (sealed.streams) streamLookup.merged(sealed.streams.from, sealed.streams.through, sealed.streams.written);
    }, 'write');
    return this.quietly(work, 'Could not seal a page of the event log; it stays in the tail.');
  }

  private async warmStreams(): Promise<void> {
    const { db, run, streamLookup } = this.log;
    for (let first = 0; first < STREAM_BUCKETS; first += WARM_SLICE) {
      const slice = Array.from({ length: Math.min(WARM_SLICE, STREAM_BUCKETS - first) }, (_, i) => first + i);
      await run(() => db.transaction('r', streamTables(db), () => streamLookup.warm(db, slice)), 'read');
    }
  }

  /** `fallback` says what happens instead when `work` fails. */
  private quietly(work: Promise<unknown>, fallback: string): Promise<void> {
    return work.then(
      () => undefined,
      (error: unknown) => {
        if (!this.log.connection.ended) console.warn(fallback, error);
      },
    );
  }
}
