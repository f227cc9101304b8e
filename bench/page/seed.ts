import type { StoredEvent, StreamInfo } from '../../src/eventstore/index.ts';
import { PROCESS_MANAGER_CHECKPOINTS, syntheticLedger } from '../../src/domain/index.ts';
import { putAll } from './idb.ts';
import { ms, withLog } from './log.ts';
import type { SeedOptions, SeedResult } from './protocol.ts';

/** Events per write transaction while seeding. */
const SEED_BATCH = 20_000;

/**
 * Fills the app's log with synthetic ledger events, written straight into the
 * event store's own tables in large transactions (a million single appends
 * would take an hour). The rows are exactly what `append` stores: the generator
 * yields stored events, and the streams table and the process managers'
 * checkpoints are set as a profile that grew by use would have them.
 */
export async function seed(options: SeedOptions): Promise<SeedResult> {
  return withLog(async (store) => {
    if ((await store.lastSeq()) !== 0) throw new Error('The benchmark seeds an empty log only: use a fresh browser profile.');
    const db = store.db.backendDB();
    const streams = new Map<string, StreamInfo>();
    const started = performance.now();
    let generateMs = 0;
    let waitMs = 0;
    let writing: Promise<void> = Promise.resolve();
    let batch: StoredEvent[] = [];
    let last = 0;
    let bytes = 0;
    const flush = async () => {
      const wait = performance.now();
      await writing;
      waitMs += ms(wait);
      // The next batch is generated while this one commits.
      writing = putAll(db, 'events', batch);
      batch = [];
    };
    let t = performance.now();
    for (const event of syntheticLedger({ accounts: options.accounts, events: options.events, seed: options.seed })) {
      batch.push(event);
      const { stream, version, seq } = event.meta;
      streams.set(stream, { stream, version, lastSeq: seq });
      last = seq;
      if (seq <= 1000) bytes += JSON.stringify(event).length;
      if (batch.length === SEED_BATCH) {
        generateMs += ms(t);
        await flush();
        t = performance.now();
      }
    }
    generateMs += ms(t);
    if (batch.length > 0) await flush();
    await writing;
    await putAll(db, 'streams', [...streams.values()], 'strict');
    await putAll(db, 'checkpoints', PROCESS_MANAGER_CHECKPOINTS.map((name) => ({ name, seq: last })), 'strict');
    if ((await store.lastSeq()) !== options.events) throw new Error(`Seeding wrote ${await store.lastSeq()} events, not ${options.events}.`);
    return {
      events: last,
      streams: streams.size,
      ms: ms(started),
      generateMs,
      waitForWriteMs: waitMs,
      meanEventJsonBytes: bytes / Math.min(1000, last),
    };
  });
}
