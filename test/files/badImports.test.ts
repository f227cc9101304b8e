import { LEDGER_EVENT_TYPES } from '../../src/domain/index.ts';
import { expect, test } from 'vitest';
import { readLogRecord, type StoredEvent } from '../../src/eventstore/index.ts';
import { importLog, onLogReplaced, type ImportMode } from '../../src/files/index.ts';
import { buildFile, bytes, inChunks, sampleEvents } from './fileBuilder.ts';
import { BAD_FILES, fixture } from './fixtures.ts';
import { appendAll, logState, openStore } from './helpers.ts';

const deps = () => ({ indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange });

/**
 * Imports a bad file into a log that holds events and checks that nothing
 * changed: the log's tables, the registry (no scratch database left behind),
 * no "log replaced" event, and nothing new for a subscriber (what the memory
 * image follows).
 */
async function expectRefusedAndUnchanged(source: Uint8Array | AsyncIterable<Uint8Array>, mode: ImportMode) {
  const store = await openStore();
  await appendAll(store, sampleEvents(5, 2, 1, 'local'));
  await store.setCheckpoint('transfers', 5);
  const before = await logState(store);
  const registryBefore = await readLogRecord(store.name, deps());
  const delivered: StoredEvent[] = [];
  const stopSubscription = store.subscribe(1, (events) => void delivered.push(...events));
  let replaced = 0;
  const stopWatching = onLogReplaced(store.name, () => (replaced += 1));

  const error = await importLog(store, source, { mode, processManagers: ['transfers'] }).then(
    () => undefined,
    (e: unknown) => e,
  );

  await new Promise((r) => setTimeout(r, 30));
  stopSubscription();
  stopWatching();
  expect(await logState(store)).toEqual(before);
  expect(await readLogRecord(store.name, deps())).toEqual(registryBefore);
  expect(replaced).toBe(0);
  expect(delivered.map((e) => e.meta.id)).toEqual(before.events.map((e) => e.meta.id));
  // The log still takes appends, so nothing was left sealed.
  await store.append('account-0', [{ type: 'FundsAdded', payload: { amount: 1 } }]);
  return error as { code: string; line?: number; message: string };
}

test.each(BAD_FILES.flatMap((bad) => (['replace', 'merge'] as const).map((mode) => ({ ...bad, mode }))))(
  '$file into a $mode import: $code on line $line, and the log is unchanged',
  async ({ file, code, line, says, mode }) => {
    const error = await expectRefusedAndUnchanged(inChunks(fixture(file), 333), mode);
    expect(error).toMatchObject({ code, line });
    expect(error.message).toMatch(says);
  },
);

test('an event over 1 MiB: refused, and the log is unchanged', async () => {
  const [first, big] = sampleEvents(2);
  big!.payload = { note: 'ü'.repeat(517 * 1024) };
  const error = await expectRefusedAndUnchanged(bytes(buildFile([first!, big!])), 'replace');
  expect(error).toMatchObject({ code: 'EVENT_TOO_LARGE', line: 3 });
});

test('an unknown event type: refused, and the log is unchanged', async () => {
  const store = await openStore();
  const before = await logState(store);
  await expect(
    importLog(store, fixture('unknown-type.ndjson'), { mode: 'empty', knownTypes: LEDGER_EVENT_TYPES }),
  ).rejects.toMatchObject({ code: 'UNKNOWN_EVENT_TYPE', line: 12 });
  expect(await logState(store)).toEqual(before);
});

test('a digest mismatch found after every event was written aside still leaves the log unchanged', async () => {
  // A large file, so the events reach the scratch database in many batches before the digest is checked.
  const events = sampleEvents(5000, 20);
  const file = buildFile(events).replace('"amount":7,', '"amount":8,');
  const error = await expectRefusedAndUnchanged(bytes(file), 'replace');
  expect(error).toMatchObject({ code: 'DIGEST_MISMATCH', line: 1 });
  expect((await indexedDB.databases()).map((d) => d.name).filter((n) => n?.includes('@'))).toEqual([]);
});

test('an id repeated far apart in a large file is found by the scratch database, on its line', async () => {
  const events = sampleEvents(12_000, 40);
  events[10_999]!.meta.id = events[2]!.meta.id;
  const error = await expectRefusedAndUnchanged(bytes(buildFile(events)), 'replace');
  expect(error).toMatchObject({ code: 'DUPLICATE_ID', line: 11_001 });
  expect(error.message).toMatch(/already used by the event on line 4/);
});

test('a repeated id is reported before a problem on a later line', async () => {
  // The broken line lies slices of the file beyond the first batch, so that batch is written (and its repeat found) first.
  const events = sampleEvents(16_000, 40);
  events[99]!.meta.id = events[2]!.meta.id;
  const lines = buildFile(events).split('\n');
  lines[15_000] = '{"type":';
  const error = await expectRefusedAndUnchanged(bytes(lines.join('\n')), 'replace');
  expect(error).toMatchObject({ code: 'DUPLICATE_ID', line: 101 });
});
