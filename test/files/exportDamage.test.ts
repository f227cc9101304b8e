import { describe, expect, test } from 'vitest';
import { EVENTS_PER_PAGE, type EventStore } from '../../src/eventstore/index.ts';
import { exportLog, readLogFile } from '../../src/files/index.ts';
import { replay, saveSnapshots } from '../../src/replay/index.ts';
import { PAGE_DAMAGES, damagePageBytes, rewritePages } from '../eventstore/damage.ts';
import { counter } from '../replay/counter.ts';
import { openStore } from './helpers.ts';

/*
 * Damage before the newest snapshot: the boot replays only what follows the
 * snapshot and never meets it, so the export is where it shows. An export
 * checks every line it writes and stops at the damaged event with the message
 * a replay gives, rather than writing a file the person cannot import.
 */

/** Two sealed pages and 5 events in the tail, each counting 1, with a snapshot of the counter at the end. */
async function snapshottedLog(): Promise<EventStore> {
  const store = await openStore();
  for (let first = 1; first <= 2 * EVENTS_PER_PAGE + 5; first += 100)
    await store.append('counter-1', Array.from({ length: Math.min(100, 2 * EVENTS_PER_PAGE + 6 - first) }, () => ({ type: 'Counted', payload: { by: 1 } })));
  await store.settled();
  await saveSnapshots(store, [counter], { counter: { seq: 2 * EVENTS_PER_PAGE + 5, state: 2 * EVENTS_PER_PAGE + 5 } });
  return store;
}

/** What exporting the whole log does, and the message a replay of every event stops with. */
async function exportAndReplay(store: EventStore) {
  const exported = await exportLog(store).then(
    () => 'a file',
    (e: unknown) => ({ name: (e as Error).name, seq: (e as { seq: number }).seq, message: (e as Error).message }),
  );
  const replayed = await replay(store, [counter], { useSnapshots: false }).catch((e: unknown) => (e as Error).message);
  return { exported, replayed };
}

/** Exports seqs 1..toSeq and reads the file back with the import's reader. */
async function exportBefore(store: EventStore, toSeq: number) {
  const file = await exportLog(store, { selection: { kind: 'seq', fromSeq: 1, toSeq } });
  return readLogFile(file.blob);
}

describe('exporting a log damaged before its newest snapshot', () => {
  test('a line that no longer parses (a page written before checksums): the boot is fine, the export stops at that event with the replay’s message, and everything before it exports as a file the reader verifies', async () => {
    const store = await snapshottedLog();
    await rewritePages(store, 'ascii', { firsts: [1], change: PAGE_DAMAGES['a brace changed'] });
    expect((await replay(store, [counter])).states.counter).toBe(2 * EVENTS_PER_PAGE + 5);
    const { exported, replayed } = await exportAndReplay(store);
    expect(exported).toEqual({ name: 'DamagedEventError', seq: 300, message: expect.stringMatching(/^Event 300 is damaged in the log and cannot be read \(.*JSON.*\)\.$/) as string });
    expect(replayed).toBe((exported as { message: string }).message);
    expect(await exportBefore(store, 299)).toMatchObject({ eventCount: 299, firstSeq: 1, lastSeq: 299 });
  });

  test('a changed digit (valid JSON, caught by the page’s checksum): the export stops where the damage starts, and everything before it exports as a file the reader verifies', async () => {
    const store = await snapshottedLog();
    const seq = EVENTS_PER_PAGE + 300;
    let blockStartsIn = 0;
    await damagePageBytes(store, EVENTS_PER_PAGE + 1, (bytes) => {
      const text = new TextDecoder().decode(bytes);
      const at = text.lastIndexOf('"by":1', text.indexOf(`"seq":${seq},`)) + '"by":'.length;
      bytes[at] = 0x37;
      // The event whose line holds the first byte of the 512-byte block the damage is in (the checksum keeps a mark per block).
      blockStartsIn = EVENTS_PER_PAGE + 1 + text.slice(0, at - (at % 512)).split('\n').length - 1;
    });
    expect(blockStartsIn).toBeGreaterThan(seq - 5);
    expect(blockStartsIn).toBeLessThanOrEqual(seq);
    expect((await replay(store, [counter])).states.counter).toBe(2 * EVENTS_PER_PAGE + 5);
    const { exported, replayed } = await exportAndReplay(store);
    const named = blockStartsIn;
    expect(exported).toEqual({
      name: 'DamagedEventError',
      seq: named,
      message: `Event ${named} is damaged in the log and cannot be read (the page of events ${EVENTS_PER_PAGE + 1} to ${2 * EVENTS_PER_PAGE} does not match its checksum from this event on).`,
    });
    expect(replayed).toBe((exported as { message: string }).message);
    expect(await exportBefore(store, named - 1)).toMatchObject({ eventCount: named - 1, firstSeq: 1, lastSeq: named - 1 });
  });
});
