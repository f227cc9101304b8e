import { expect, test } from 'vitest';
import { exportLog, importLog } from '../../src/files/index.ts';
import { buildFile, bytes, inChunks, sampleEvents } from './fileBuilder.ts';
import { blobBytes, openStore } from './helpers.ts';

test('100,000 events with emoji, CJK and right-to-left text survive export and import unchanged', async () => {
  const events = sampleEvents(100_000, 1000);
  const file = bytes(buildFile(events));
  const body = (data: Uint8Array) => data.subarray(data.indexOf(0x0a) + 1);

  // The source log, then its export.
  await importLog(await openStore('device-a'), inChunks(file, 65_536), { mode: 'empty' });
  const a = await openStore('device-a');
  expect(await a.readAll()).toEqual(events);
  const first = await exportLog(a, { batchSize: 5000 });
  const exported = await blobBytes(first.blob);
  expect(Buffer.from(body(exported)).equals(Buffer.from(body(file)))).toBe(true);

  // Imported into a fresh database: the same events, and the same digest on the way out again.
  await importLog(await openStore('device-b'), first.blob, { mode: 'empty' });
  const b = await openStore('device-b');
  expect(await b.readAll()).toEqual(events);
  expect(await b.listStreams()).toEqual(await a.listStreams());
  const second = await exportLog(b, { batchSize: 5000 });
  expect(second.header.sha256).toBe(first.header.sha256);
  expect(second.header).toMatchObject({ eventCount: 100_000, firstSeq: 1, lastSeq: 100_000 });
}, 60_000);
