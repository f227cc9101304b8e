import type { Connection } from '../storage/connection.ts';
import type { RewindDatabase } from '../storage/database.ts';
import { IdFilter } from '../lookups/idFilter.ts';
import { IdRunCache, type IdLookup } from '../lookups/idLookup.ts';
import { StreamLookup } from '../lookups/streamLookup.ts';
import { PageCache } from '../storage/pageCache.ts';
import { TailCache } from '../storage/tailCache.ts';

/** What the commit path, the reads and the housekeeping of one open log share. */
export interface LogContext {
  readonly name: string;
  readonly db: RewindDatabase;
  readonly connection: Connection;
  readonly run: Connection['run'];
  readonly tailCache: TailCache;
  readonly pageCache: PageCache;
  readonly streamLookup: StreamLookup;
  readonly idLookup: IdLookup;
  /** Notes the newest seq seen, and gives it back. */
  seen(seq: number): number;
  /** The newest seq this tab has seen; the log never shrinks, so a lower one means the database was deleted under us. */
  highestSeq(): number;
}

export function logContext(name: string, db: RewindDatabase, connection: Connection): LogContext {
  let highestSeq = 0;
  return {
    name,
    db,
    connection,
    run: connection.run,
    tailCache: new TailCache(),
    pageCache: new PageCache(),
    streamLookup: new StreamLookup(),
    idLookup: { runs: new IdRunCache(), filter: new IdFilter() },
    seen: (seq) => {
      if (seq > highestSeq) highestSeq = seq;
      return seq;
    },
    highestSeq: () => highestSeq,
  };
}
