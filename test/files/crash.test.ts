import { afterEach, expect, test, vi } from 'vitest';
import { ScratchLog } from '../../src/eventstore/import/index.ts';
import { depsOf, readLogRecord } from '../../src/eventstore/index.ts';
import { retireDatabase } from '../../src/eventstore/log/retiredLog.ts';
import { importLog, type ImportMode } from '../../src/files/index.ts';
import { buildFile, bytes, sampleEvents } from './fileBuilder.ts';
import { appendAll, logState, openStore } from './helpers.ts';
import { databaseOf } from '../../src/eventstore/storage/databaseOf.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

async function localLog() {
  const store = await openStore();
  await appendAll(store, sampleEvents(20, 3, 1, 'local'));
  await store.setCheckpoint('transfers', 20);
  return store;
}

/** Databases of the log that are neither live nor the backup: what a failed import must not leave behind. */
async function scratchNames(): Promise<string[]> {
  const { live, backup } = await readLogRecord('rewind-files', { indexedDB, IDBKeyRange });
  return (await indexedDB.databases()).map((d) => d.name!).filter((n) => n.includes('@') && n !== live && n !== backup);
}

async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
  expect(await check()).toBe(true);
}

test.each(['replace', 'merge'] as ImportMode[])('cancelling a %s import part-way leaves the log exactly as it was', async (mode) => {
  const events = sampleEvents(15_020, 7);
  await importLog(await openStore(), bytes(buildFile(events.slice(0, 20))), { mode: 'empty' });
  const store = await openStore();
  const before = await logState(store);
  const registryBefore = await readLogRecord(store.name, depsOf(store));
  const controller = new AbortController();
  // For a merge, the 15,000 new events are too many to hold: they are written aside, as in a replace.
  const file = bytes(buildFile(events));
  const scratches = vi.spyOn(ScratchLog, 'create');
  let batches = 0;
  const importing = importLog(store, file, {
    mode,
    signal: controller.signal,
    onProgress: (p) => {
      if (p.phase === 'reading' && ++batches === 2) controller.abort();
    },
  });
  await expect(importing).rejects.toMatchObject({ code: 'ABORTED' });
  expect(scratches).toHaveBeenCalledTimes(1);
  expect(await logState(store)).toEqual(before);
  expect(await readLogRecord(store.name, depsOf(store))).toEqual(registryBefore);
  expect(await scratchNames()).toEqual([]);
});

test('a storage failure while writing aside leaves the log as it was', async () => {
  const store = await localLog();
  const before = await logState(store);
  let calls = 0;
  const original = ScratchLog.prototype.addEvents;
  vi.spyOn(ScratchLog.prototype, 'addEvents').mockImplementation(async function (this: ScratchLog, events) {
    if (++calls === 2) throw new DOMException('The disk is full.', 'QuotaExceededError');
    return original.call(this, events);
  });
  await expect(importLog(store, bytes(buildFile(sampleEvents(12_000, 7))), { mode: 'replace' })).rejects.toMatchObject({
    name: 'QuotaExceededError',
  });
  expect(await logState(store)).toEqual(before);
  expect(await scratchNames()).toEqual([]);
});

test('a tab closed in the middle of an import: the next load shows the log as it was and deletes the leftovers', async () => {
  const store = await localLog();
  const before = await logState(store);
  // What a closed tab leaves: a registered scratch database, half filled, never switched to.
  const scratch = await ScratchLog.create(store.name, depsOf(store));
  await scratch.addEvents(sampleEvents(100, 3, 1, 'half'));
  scratch.db.close();
  store.close();

  const next = await openStore();
  expect(await logState(next)).toEqual(before);
  await eventually(async () => (await scratchNames()).length === 0);
  expect(await readLogRecord(next.name, depsOf(next))).toMatchObject({ pending: [], trash: [] });
  await next.append('account-1', [{ type: 'FundsAdded', payload: { amount: 1 } }]);
});

test('a tab closed between retiring the old log and switching: the next load reinstates it', async () => {
  const store = await localLog();
  const before = await logState(store);
  const scratch = await ScratchLog.create(store.name, depsOf(store));
  await retireDatabase(databaseOf(store));
  await expect(store.append('account-1', [{ type: 'FundsAdded' }])).rejects.toMatchObject({ name: 'LogReplacedError' });
  scratch.db.close();
  store.close();

  const next = await openStore();
  expect(databaseOf(next).name).toBe(databaseOf(store).name);
  expect(await logState(next)).toEqual(before);
  await next.append('account-1', [{ type: 'FundsAdded', payload: { amount: 1 } }]);
  expect(await next.lastSeq()).toBe(21);
  await eventually(async () => (await scratchNames()).length === 0);
});
