import { ScratchLog } from '../../src/eventstore/import/index.ts';
import { depsOf, type EventStore, type StoredEvent } from '../../src/eventstore/index.ts';
import { PROCESS_MANAGER_CHECKPOINTS, syntheticLedger } from '../../src/domain/index.ts';
import { putAll } from './idb.ts';
import { LOG, ms, openLog, withLog } from './log.ts';
import type { SeedOptions, SeedResult } from './protocol.ts';
import { RowsDatabase } from './rowsDb.ts';
import { SCHEMA_1_LOG, schemaOneTwin } from './schemaOneLog.ts';

/** Events handed to the log per write while seeding. */
const SEED_BATCH = 20_000;

/**
 * Fills the app's log with synthetic ledger events the way a file import does
 * (a scratch database written in bulk, then switched live; a million single
 * appends would take an hour), with the streams and the process managers'
 * checkpoints as a profile that grew by use would hold them. The first
 * `baselineCap` events also go into the baselines' one-record-per-event copy
 * (rowsDb.ts), written with raw puts.
 */
export async function seed(options: SeedOptions): Promise<SeedResult> {
  return withLog(async (store) => {
    if ((await store.lastSeq()) !== 0) throw new Error('The benchmark seeds an empty log only: use a fresh browser profile.');
    const scratch = await ScratchLog.create(LOG, depsOf(store));
    const rows = new RowsDatabase();
    await rows.open();
    const streams = new Set<string>();
    const started = performance.now();
    let generateMs = 0;
    let waitMs = 0;
    let writing: Promise<unknown> = Promise.resolve();
    let batch: StoredEvent[] = [];
    let last = 0;
    let bytes = 0;
    const flush = async () => {
      const wait = performance.now();
      await writing;
      waitMs += ms(wait);
      // The next batch is generated while this one is written.
      const baseline = batch.filter((e) => e.meta.seq <= options.baselineCap);
      writing = Promise.all([scratch.addEvents(batch), baseline.length > 0 ? putAll(rows.backendDB(), 'events', baseline) : undefined]);
      batch = [];
    };
    try {
      let t = performance.now();
      for (const event of syntheticOf(options)) {
        batch.push(event);
        const { stream, seq } = event.meta;
        streams.add(stream);
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
      await scratch.finish();
      await scratch.promote({ afterRetire: () => scratch.putCheckpoints(PROCESS_MANAGER_CHECKPOINTS.map((name) => ({ name, seq: last }))) });
    } catch (error) {
      await writing.catch(() => undefined);
      await scratch.discard();
      throw error;
    } finally {
      rows.close();
    }
    const seededMs = ms(started);
    const promoted = await openLog();
    try {
      if ((await promoted.lastSeq()) !== options.events) throw new Error(`Seeding wrote ${await promoted.lastSeq()} events, not ${options.events}.`);
    } finally {
      promoted.close();
    }
    const copied = performance.now();
    await seedSchemaOneCopy(store, options);
    return {
      events: last,
      streams: streams.size,
      ms: seededMs,
      generateMs,
      waitForWriteMs: waitMs,
      meanEventJsonBytes: bytes / Math.min(1000, last),
      schemaOneCopyMs: ms(copied),
    };
  });
}

/** The same events as Rewind 0.1.0 would have stored them, as a log of its own (schemaOneLog.ts), for the upcasting measurement. */
async function seedSchemaOneCopy(store: EventStore, options: SeedOptions): Promise<void> {
  const scratch = await ScratchLog.create(SCHEMA_1_LOG, depsOf(store));
  try {
    let batch: StoredEvent[] = [];
    for (const event of syntheticOf(options)) {
      batch.push(schemaOneTwin(event));
      if (batch.length === SEED_BATCH) {
        await scratch.addEvents(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await scratch.addEvents(batch);
    await scratch.finish();
    await scratch.promote();
  } catch (error) {
    await scratch.discard();
    throw error;
  }
}

function syntheticOf({ accounts, events, seed, busiestShare }: SeedOptions) {
  return syntheticLedger({ accounts, events, seed, busiestShare });
}
