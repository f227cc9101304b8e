import { describe, expect, test } from 'vitest';
import { EVENTS_PER_PAGE, type EventStore } from '../../src/eventstore/index.ts';
import { exportLog, importLog, readLogFile, verifyLogFile } from '../../src/files/index.ts';
import { PAGE_DAMAGES, damagePageBytes, inEveryForm, rewritePages } from '../eventstore/damage.ts';
import { buildFile, bytes, sampleEvents } from './fileBuilder.ts';
import { blobBytes, openStore } from './helpers.ts';
import { databaseOf } from '../../src/eventstore/storage/databaseOf.ts';

/*
 * Export reads pages as they are stored: ASCII bytes (characters beyond ASCII
 * escaped, undone on the way out), or UTF-8 bytes or text for pages written
 * before. The file must not depend on which.
 */

const now = () => new Date('2026-03-01T10:20:30.456Z');
const events = sampleEvents(2 * EVENTS_PER_PAGE + 3, 7);

/** Two sealed pages (written by an import, as ASCII bytes) and 3 events in the tail; notes in mixed scripts with emoji. */
async function storedLog(): Promise<EventStore> {
  await importLog(await openStore(), bytes(buildFile(events.slice(0, 2 * EVENTS_PER_PAGE))), { mode: 'empty' });
  // The import replaced the log the first store had open.
  const store = await openStore();
  for (const e of events.slice(2 * EVENTS_PER_PAGE)) await store.append(e.meta.stream, [{ type: e.type, payload: e.payload, meta: { id: e.meta.id, at: e.meta.at } }]);
  return store;
}

/** The file's bytes, exported in runs that cut across pages. */
async function exported(store: EventStore): Promise<Uint8Array> {
  return blobBytes((await exportLog(store, { now, batchSize: 333 })).blob);
}

type Verdict = { eventCount: number } | { code: string; line: number | undefined } | { exportStopped: string; seq: number };

/** What an export gives: a file the reader takes or refuses, or the export itself stopping at damage. */
async function verdict(store: EventStore): Promise<Verdict> {
  const file = await exportLog(store, { now }).catch((e: unknown) => e as Error & { seq: number });
  if (file instanceof Error) return { exportStopped: file.name, seq: file.seq };
  return readLogFile(file.blob).then(
    (summary) => ({ eventCount: summary.eventCount }),
    (e: unknown) => ({ code: (e as { code: string }).code, line: (e as { line?: number }).line }),
  );
}

describe('exporting pages stored as ASCII bytes, UTF-8 bytes and text', () => {
  test('gives the same file byte for byte, the file imported, and a log holding every kind exports a file the reader verifies', async () => {
    const store = await storedLog();
    expect((await databaseOf(store).pages.toArray()).every((p) => p.bytes?.every((b) => b < 0x80))).toBe(true);
    // An import writes its pages' checksums as the store's seals do.
    expect((await databaseOf(store).pages.toArray()).map((p) => [typeof p.sum, p.marks?.length])).toEqual([
      ['number', expect.any(Number) as number],
      ['number', expect.any(Number) as number],
    ]);
    const fromBytes = await exported(store);
    const body = (data: Uint8Array) => Buffer.from(data.subarray(data.indexOf(0x0a) + 1));
    expect(body(fromBytes).equals(body(bytes(buildFile(events))))).toBe(true);

    // The first page in the text form, the second as UTF-8 bytes: the forms older versions wrote.
    await rewritePages(store, 'text', { firsts: [1] });
    await rewritePages(store, 'bytes', { firsts: [EVENTS_PER_PAGE + 1] });
    expect((await databaseOf(store).pages.get(1))?.text).toEqual(expect.any(String));
    const mixed = await exportLog(store, { now, batchSize: 333 });
    expect(Buffer.from(await blobBytes(mixed.blob)).equals(Buffer.from(fromBytes))).toBe(true);
    const summary = await verifyLogFile(mixed.blob);
    expect(summary).toMatchObject({ eventCount: events.length, sha256: mixed.header.sha256 });

    await rewritePages(store, 'text');
    expect(Buffer.from(await exported(store)).equals(Buffer.from(fromBytes))).toBe(true);
    await rewritePages(store, 'bytes');
    expect(Buffer.from(await exported(store)).equals(Buffer.from(fromBytes))).toBe(true);
  });

  test.each(Object.entries(PAGE_DAMAGES))('a page damaged on disk (%s) stops the export at the damaged event the same way, in any form', async (_, damage) => {
    const store = await storedLog();
    const seen = await inEveryForm(store, 1, damage, () => verdict(store));
    const asText = seen.text;
    expect(seen.bytes).toEqual(asText);
    expect(seen.ascii).toEqual(asText);
    expect(asText).toEqual({ exportStopped: 'DamagedEventError', seq: expect.any(Number) as number });
  });

  test('a UTF-8 page whose bytes are not UTF-8 stops the export at that event, where a file would have carried them as they are', async () => {
    const store = await storedLog();
    await rewritePages(store, 'bytes', { firsts: [EVENTS_PER_PAGE + 1] });
    let line = 0;
    await damagePageBytes(store, EVENTS_PER_PAGE + 1, (bytes) => {
      const at = bytes.indexOf(0xe6); // the first byte of 東 (E6 9D B1), in seq 505's note: 東京で会議
      bytes[at + 1] = 0x41;
      // After the header line and the first page's lines.
      line = 1 + EVENTS_PER_PAGE + new TextDecoder().decode(bytes.subarray(0, at)).split('\n').length;
    });
    expect(line).toBe(1 + 505);
    expect(await verdict(store)).toEqual({ exportStopped: 'DamagedEventError', seq: 505 });
  });
});
