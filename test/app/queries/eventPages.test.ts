import { afterEach, describe, expect, test } from 'vitest';
import type { EventLog, EventStore, ReadAllOptions, StoredEvent } from '../../../src/eventstore/index.ts';
import { EventPages, EVENTS_PER_LIST_PAGE } from '../../../src/app/queries/eventPages.ts';
import { closeStores, openStore } from '../../eventstore/helpers.ts';

afterEach(closeStores);

/** A log of `count` deposits on one stream. */
async function logOf(count: number): Promise<EventStore> {
  const store = await openStore();
  await store.append('account-a', Array.from({ length: count }, (_, i) => ({ type: 'FundsAdded', payload: { amount: i + 1 } })));
  return store;
}

/** The store, counting the reads the pages make. */
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

/** Resolves once the reads under way have landed (`rounds` more turns for a second page on its way). */
async function loaded(pages: EventPages, rounds = 20): Promise<void> {
  await new Promise<void>((resolve) => {
    const stop = pages.subscribe(() => {
      stop();
      resolve();
    });
  });
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('the event log’s pages', () => {
  test('an event shows once the page holding it is read, each page read once', async () => {
    const log = counted(await logOf(500));
    const pages = new EventPages(log);
    expect(pages.get(250)).toBeUndefined();

    pages.ensure(190, 260);
    await loaded(pages);
    expect(pages.get(190)?.payload).toEqual({ amount: 190 });
    expect(pages.get(260)?.payload).toEqual({ amount: 260 });
    expect(pages.get(EVENTS_PER_LIST_PAGE)?.meta.seq).toBe(EVENTS_PER_LIST_PAGE);
    expect(pages.get(401)).toBeUndefined();
    expect(log.reads).toEqual([
      { fromSeq: 1, toSeq: EVENTS_PER_LIST_PAGE },
      { fromSeq: EVENTS_PER_LIST_PAGE + 1, toSeq: 2 * EVENTS_PER_LIST_PAGE },
    ]);

    // Scrolling back over what is held reads nothing.
    pages.ensure(1, 300);
    pages.ensure(150, 160);
    expect(log.reads).toHaveLength(2);
  });

  test('a page read before the log reached its end is read again once newer events are wanted', async () => {
    const store = await logOf(150);
    const log = counted(store);
    const pages = new EventPages(log);
    pages.ensure(1, 150);
    await loaded(pages);
    expect(pages.get(151)).toBeUndefined();

    await store.append('account-a', [{ type: 'FundsAdded', payload: { amount: 151 } }]);
    pages.ensure(140, 151);
    await loaded(pages);
    expect(pages.get(151)?.payload).toEqual({ amount: 151 });
    expect(log.reads).toHaveLength(2);
  });

  test('keeps the most recently used pages only, so memory stays bounded whatever the log’s size', async () => {
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
    const pages = new EventPages(huge);
    pages.ensure(1, 1);
    await loaded(pages, 0);
    for (let page = 1; page <= 70; page++) {
      pages.ensure(page * EVENTS_PER_LIST_PAGE + 1, page * EVENTS_PER_LIST_PAGE + 1);
      await loaded(pages, 0);
      // The first page stays the most recently used one.
      pages.ensure(1, 1);
    }
    expect(pages.get(1)).toBeDefined();
    expect(pages.get(70 * EVENTS_PER_LIST_PAGE + 1)).toBeDefined();
    const held = Array.from({ length: 71 }, (_, page) => pages.get(page * EVENTS_PER_LIST_PAGE + 1)).filter(Boolean);
    expect(held.length).toBeLessThanOrEqual(60);
    // The oldest-used pages went first.
    expect(pages.get(EVENTS_PER_LIST_PAGE + 1)).toBeUndefined();
    expect(reads.filter((seq) => seq === 1)).toHaveLength(1);
  });

  test('a read that fails is said, and the next one clears it', async () => {
    const store = await logOf(10);
    let fail = true;
    const pages = new EventPages({ readAll: (options) => (fail ? Promise.reject(new Error('the disk is gone')) : store.readAll(options)) });
    pages.ensure(1, 10);
    await loaded(pages);
    expect(pages.error).toBe('the disk is gone');
    expect(pages.get(1)).toBeUndefined();

    fail = false;
    pages.ensure(1, 10);
    await loaded(pages);
    expect(pages.error).toBeUndefined();
    expect(pages.get(10)?.payload).toEqual({ amount: 10 });
  });
});
