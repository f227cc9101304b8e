import { afterEach, describe, expect, test } from 'vitest';
import type { EventLog, EventStore, ReadAllOptions, StoredEvent } from '../../../src/eventstore/index.ts';
import { EventBatches, EVENTS_PER_BATCH } from '../../../src/app/queries/eventBatches.ts';
import { closeStores, openStore } from '../../eventstore/helpers.ts';

afterEach(closeStores);

/** A log of `count` deposits on one stream. */
async function logOf(count: number): Promise<EventStore> {
  const store = await openStore();
  await store.append('account-a', Array.from({ length: count }, (_, i) => ({ type: 'FundsAdded', payload: { amount: i + 1 } })));
  return store;
}

/** The store, counting the reads the batches make. */
function counted(store: Pick<EventLog, 'readAll'>) {
  const reads: ReadAllOptions[] = [];
  return {
    reads,
    readAll: (options: ReadAllOptions = {}) => {
      reads.push(options);
      return store.readAll(options);
    },
  };
}

/** Resolves once the reads under way have landed (`rounds` more turns for a second batch on its way). */
async function loaded(batches: EventBatches, rounds = 20): Promise<void> {
  await new Promise<void>((resolve) => {
    const stop = batches.subscribe(() => {
      stop();
      resolve();
    });
  });
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('the event log’s batches', () => {
  test('an event shows once the batch holding it is read, each batch read once', async () => {
    const log = counted(await logOf(500));
    const batches = new EventBatches(log);
    expect(batches.get(250)).toBeUndefined();

    batches.ensure(190, 260);
    await loaded(batches);
    expect(batches.get(190)?.payload).toEqual({ amount: 190 });
    expect(batches.get(260)?.payload).toEqual({ amount: 260 });
    expect(batches.get(EVENTS_PER_BATCH)?.meta.seq).toBe(EVENTS_PER_BATCH);
    expect(batches.get(401)).toBeUndefined();
    expect(log.reads).toEqual([
      { fromSeq: 1, toSeq: EVENTS_PER_BATCH },
      { fromSeq: EVENTS_PER_BATCH + 1, toSeq: 2 * EVENTS_PER_BATCH },
    ]);

    // Scrolling back over what is held reads nothing.
    batches.ensure(1, 300);
    batches.ensure(150, 160);
    expect(log.reads).toHaveLength(2);
  });

  test('a batch read before the log reached its end is read again once newer events are wanted', async () => {
    const store = await logOf(150);
    const log = counted(store);
    const batches = new EventBatches(log);
    batches.ensure(1, 150);
    await loaded(batches);
    expect(batches.get(151)).toBeUndefined();

    await store.append('account-a', [{ type: 'FundsAdded', payload: { amount: 151 } }]);
    batches.ensure(140, 151);
    await loaded(batches);
    expect(batches.get(151)?.payload).toEqual({ amount: 151 });
    expect(log.reads).toHaveLength(2);
  });

  test('keeps the most recently used batches only, so memory stays bounded whatever the log’s size', async () => {
    // A log far too big to write here: its events are made up as they are read.
    const reads: number[] = [];
    const huge = {
      readAll: async ({ fromSeq = 1, toSeq = fromSeq }: ReadAllOptions = {}): Promise<StoredEvent[]> => {
        reads.push(fromSeq);
        return Array.from({ length: toSeq - fromSeq + 1 }, (_, i) => ({
          type: 'FundsAdded',
          payload: null,
          meta: { id: `e${fromSeq + i}`, seq: fromSeq + i, stream: 's', version: fromSeq + i, at: '' },
        }));
      },
    };
    const batches = new EventBatches(huge);
    batches.ensure(1, 1);
    await loaded(batches, 0);
    for (let batch = 1; batch <= 70; batch++) {
      batches.ensure(batch * EVENTS_PER_BATCH + 1, batch * EVENTS_PER_BATCH + 1);
      await loaded(batches, 0);
      // The first batch stays the most recently used one.
      batches.ensure(1, 1);
    }
    expect(batches.get(1)).toBeDefined();
    expect(batches.get(70 * EVENTS_PER_BATCH + 1)).toBeDefined();
    const held = Array.from({ length: 71 }, (_, batch) => batches.get(batch * EVENTS_PER_BATCH + 1)).filter(Boolean);
    expect(held.length).toBeLessThanOrEqual(60);
    // The oldest-used batches went first.
    expect(batches.get(EVENTS_PER_BATCH + 1)).toBeUndefined();
    expect(reads.filter((seq) => seq === 1)).toHaveLength(1);
  });

  test('a read that fails is said, and the next one clears it', async () => {
    const store = await logOf(10);
    let fail = true;
    const batches = new EventBatches({ readAll: (options) => (fail ? Promise.reject(new Error('the disk is gone')) : store.readAll(options)) });
    batches.ensure(1, 10);
    await loaded(batches);
    expect(batches.error).toBe('the disk is gone');
    expect(batches.get(1)).toBeUndefined();

    fail = false;
    batches.ensure(1, 10);
    await loaded(batches);
    expect(batches.error).toBeUndefined();
    expect(batches.get(10)?.payload).toEqual({ amount: 10 });
  });
});
