import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { EventStore, ReadAllOptions, SnapshotRecord, StoredEvent } from '../../src/eventstore/index.ts';
import { ledgerProjections } from '../../src/domain/index.ts';
import { syntheticLedger } from '../../src/domain/sample/synthetic.ts';
import { foldAll, replay, ReplayAbortedError, ReplayError, type Projection } from '../../src/replay/index.ts';
import { counter } from './counter.ts';

/**
 * Just what replay reads of a store, over events in memory, so these tests
 * see every read it asks for and in what order, whatever the storage layout.
 */
function memoryLog(events: readonly StoredEvent[], snapshots: Omit<SnapshotRecord, 'savedAt'>[] = [], trace: string[] = []) {
  const store = {
    lastSeq: async () => events.length,
    readAll: async ({ fromSeq = 1, toSeq = Infinity, limit = Infinity }: ReadAllOptions = {}) => {
      trace.push(`read ${fromSeq}`);
      return events.filter((e) => e.meta.seq >= fromSeq && e.meta.seq <= toSeq).slice(0, limit);
    },
    loadSnapshot: async (name: string, version: number, maxSeq = Infinity) =>
      snapshots
        .filter((s) => s.name === name && s.version === version && s.seq <= maxSeq)
        .sort((a, b) => b.seq - a.seq)
        .map((s) => ({ ...s, savedAt: '' }))[0],
  };
  return store as unknown as EventStore & typeof store;
}

const ledger = [...syntheticLedger({ accounts: 120, events: 3_000, seed: 3 })];

describe('replay in batches', () => {
  test('from the first event, with any batch size, equals the one-by-one fold', async () => {
    const expected = foldAll(ledgerProjections, ledger);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_500 }), async (batchSize) => {
        const result = await replay(memoryLog(ledger), ledgerProjections, { useSnapshots: false, batchSize });
        expect(result.states).toEqual(expected);
        expect(result.seq).toBe(ledger.length);
      }),
      { numRuns: 8 },
    );
  });

  test('from snapshots of each projection at different seqs equals the one-by-one fold', async () => {
    const cuts = ledgerProjections.map((_, i) => 400 * i + 17);
    const snapshots = ledgerProjections.map((p, i) => ({
      name: p.name,
      version: p.version,
      seq: cuts[i]!,
      state: structuredClone(foldAll([p], ledger.slice(0, cuts[i]!))[p.name]),
    }));
    const result = await replay(memoryLog(ledger, snapshots), ledgerProjections, { batchSize: 256 });
    expect(result.fromSeq).toBe(17);
    expect(result.states).toEqual(foldAll(ledgerProjections, ledger));
  });

  test('keeps two batches being read while it folds one', async () => {
    const trace: string[] = [];
    const tracing: Projection<number> = { ...counter, apply: (state, event) => (trace.push(`fold ${event.meta.seq}`), state + 1) };
    const events = ledger.slice(0, 6);
    await replay(memoryLog(events, [], trace), [tracing], { batchSize: 2 });
    expect(trace).toEqual(['read 1', 'read 3', 'read 5', 'fold 1', 'fold 2', 'fold 3', 'fold 4', 'fold 5', 'fold 6']);
    trace.length = 0;
    await replay(memoryLog(ledger.slice(0, 10), [], trace), [tracing], { batchSize: 2 });
    expect(trace.slice(0, 8)).toEqual(['read 1', 'read 3', 'read 5', 'fold 1', 'fold 2', 'read 7', 'fold 3', 'fold 4']);
  });

  test('a replay stopped while the next batch is being read leaves no read unhandled', async () => {
    const log = memoryLog(ledger);
    const readAll = log.readAll;
    let reads = 0;
    log.readAll = async (options) => (++reads > 1 ? Promise.reject(new Error('closed')) : readAll(options));
    const failing: Projection<number> = {
      ...counter,
      apply: () => {
        throw new Error('boom');
      },
    };
    await expect(replay(log, [failing], { batchSize: 100 })).rejects.toBeInstanceOf(ReplayError);
    // The first batch, and the two read ahead of the fold that failed: both of those reads failed unheard.
    expect(reads).toBe(3);

    const controller = new AbortController();
    const onProgress = () => controller.abort();
    await expect(replay(memoryLog(ledger), [counter], { batchSize: 100, signal: controller.signal, onProgress })).rejects.toBeInstanceOf(
      ReplayAbortedError,
    );
  });
});
