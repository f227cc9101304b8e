import { Dexie, type Table } from 'dexie';
import type { StoredEvent } from '../../src/eventstore/index.ts';

/** The baselines' own copy of the first events, one record per event. */
export const ROWS_DB = 'bench-rows';

/**
 * The naive layout the baselines measure against: a Dexie table of events, one
 * record per event with four indexes (unique id, stream and version, time,
 * type). The app does not store events this way; the benchmark keeps it so that "3x the naive replay" keeps a fixed
 * meaning.
 */
export class RowsDatabase extends Dexie {
  events!: Table<StoredEvent, number>;

  constructor() {
    super(ROWS_DB);
    this.version(1).stores({ events: 'meta.seq, &meta.id, [meta.stream+meta.version], meta.at, type' });
  }
}
