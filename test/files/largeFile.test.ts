import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { afterEach, expect, test, vi } from 'vitest';
import { ScratchLog } from '../../src/eventstore/import/index.ts';
import { importLog, readLogFile } from '../../src/files/index.ts';
import { sampleEvents } from './fileBuilder.ts';
import { openStore } from './helpers.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

const enc = new TextEncoder();
const COUNT = 40_000;

/** The file's events; its bytes are made on the fly, never whole in memory. */
const EVENTS = sampleEvents(COUNT, 100, 1, 'big');

/** A file made on the fly that counts how much of it has been read. */
function lazyFile() {
  function* bodyChunks(): Generator<Uint8Array> {
    for (let start = 0; start < COUNT; start += 500)
      yield enc.encode(EVENTS.slice(start, start + 500).map((event) => `${JSON.stringify(event)}\n`).join(''));
  }
  const hash = sha256.create();
  for (const chunk of bodyChunks()) hash.update(chunk);
  const header = { format: 'rewind-log', formatVersion: 1, appVersion: 't', exportedAt: '2026-01-01T00:00:00.000Z', eventCount: COUNT, firstSeq: 1, lastSeq: COUNT, sha256: bytesToHex(hash.digest()), selection: { kind: 'all' } };
  const first = enc.encode(`${JSON.stringify(header)}\n`);
  const source = {
    bytesRead: 0,
    headerBytes: first.length,
    async *[Symbol.asyncIterator]() {
      source.bytesRead += first.length;
      yield first;
      for (const chunk of bodyChunks()) {
        source.bytesRead += chunk.length;
        yield chunk;
      }
    },
  };
  return source;
}

const lineBytes = (events: readonly object[]) => events.reduce((n: number, e) => n + enc.encode(`${JSON.stringify(e)}\n`).length, 0);

test('the reader streams: it never runs more than a chunk and a batch ahead of its consumer', async () => {
  const file = lazyFile();
  let deliveredBytes = 0;
  let mostAhead = 0;
  const summary = await readLogFile(file, {
    onEvents: (events, batch) => {
      expect(batch.bytes).toBe(lineBytes(events));
      deliveredBytes += batch.bytes;
      mostAhead = Math.max(mostAhead, file.bytesRead - file.headerBytes - deliveredBytes);
    },
  });
  expect(summary.eventCount).toBe(COUNT);
  expect(summary.bytes).toBeGreaterThan(7_000_000);
  // One source chunk (~90 KB) plus part of a batch of 1000 lines (~190 KB), whatever the file's size.
  expect(mostAhead).toBeLessThan(400_000);
});

test('an import streams too: the file is read only as fast as batches are written', async () => {
  const store = await openStore();
  const file = lazyFile();
  const original = ScratchLog.prototype.addEvents;
  let writtenBytes = 0;
  let mostAhead = 0;
  vi.spyOn(ScratchLog.prototype, 'addEvents').mockImplementation(async function (this: ScratchLog, events) {
    mostAhead = Math.max(mostAhead, file.bytesRead - file.headerBytes - writtenBytes);
    await original.call(this, events);
    writtenBytes += lineBytes(events);
  });
  expect(await importLog(store, file, { mode: 'empty' })).toMatchObject({ imported: COUNT });
  expect(writtenBytes).toBe(file.bytesRead - file.headerBytes);
  // The batch being written, the batch being read (5000 events, ~1 MB each) and one chunk.
  expect(mostAhead).toBeLessThan(2_500_000);
}, 60_000);
