import { describe, expect, test } from 'vitest';
import { LEDGER_EVENT_TYPES } from '../../src/domain/index.ts';
import { readLogRecord, type EventStore } from '../../src/eventstore/index.ts';
import {
  describeBackup,
  discardBackup,
  exportLog,
  importLog,
  onLogReplaced,
  restoreBackup,
  type ImportProgress,
  type LogReplacedInfo,
} from '../../src/files/index.ts';
import { buildFile, bytes, sampleAccount, sampleEvents, sampleStream } from './fileBuilder.ts';
import { fixture } from './fixtures.ts';
import { appendAll, logState, openStore } from './helpers.ts';

const deps = () => ({ indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange });

async function localLog(): Promise<EventStore> {
  const store = await openStore();
  await appendAll(store, [
    { type: 'Opened', payload: { owner: 'Ada' }, meta: { id: 'local-1', stream: 'account-9' } },
    { type: 'Noted', payload: { text: 'mine' }, meta: { id: 'local-2', stream: 'account-9' } },
  ]);
  await store.setCheckpoint('transfers', 2);
  await store.saveSnapshot({ name: 'balances', version: 1, seq: 2, state: { 'account-9': 0 } });
  await store.putDocument({ id: 'settings', kind: 'settings', savedAt: '2026-01-01T00:00:00.000Z', data: { theme: 'dark' } });
  return store;
}

describe('empty', () => {
  test('imports into an empty log; the app reopens the log and finds the file\'s events', async () => {
    const store = await openStore();
    const progress: ImportProgress[] = [];
    const result = await importLog(store, fixture('valid.ndjson'), { mode: 'empty', onProgress: (p) => progress.push(p) });
    expect(result).toMatchObject({ mode: 'empty', imported: 12, skipped: 0, lastSeq: 12, replaced: true });
    expect(progress.at(-1)).toMatchObject({ phase: 'switching', events: 12 });
    const reopened = await openStore();
    expect(await reopened.readAll()).toEqual(sampleEvents(12, 3));
    expect(await reopened.streamVersion(sampleStream(1))).toBe(4);
    expect(await reopened.listStreams()).toHaveLength(3);
    await reopened.append(sampleStream(1), [{ type: 'FundsAdded', payload: { accountNumber: sampleAccount(1), amount: 1 } }], { expectedVersion: 4 });
    expect(await reopened.lastSeq()).toBe(13);
  });

  test('refuses a log that holds events, and changes nothing', async () => {
    const store = await localLog();
    const before = await logState(store);
    await expect(importLog(store, fixture('valid.ndjson'), { mode: 'empty' })).rejects.toMatchObject({ code: 'LOG_NOT_EMPTY' });
    expect(await logState(store)).toEqual(before);
  });

  test('a 0-event file into an empty log is a sound no-op', async () => {
    const store = await openStore();
    const result = await importLog(store, fixture('zero-events.ndjson'), { mode: 'empty' });
    expect(result).toMatchObject({ imported: 0, lastSeq: 0 });
    expect(await (await openStore()).readAll()).toEqual([]);
  });
});

describe('replace', () => {
  test('replaces the log, keeps the old one as a backup, and tells every tab', async () => {
    const store = await localLog();
    const otherTab = await openStore();
    const seen: LogReplacedInfo[] = [];
    const stop = onLogReplaced(store.name, (info) => seen.push(info));
    const result = await importLog(store, fixture('valid.ndjson'), { mode: 'replace', processManagers: ['notifications'] });
    expect(result).toMatchObject({ imported: 12, replaced: true });
    await new Promise((r) => setTimeout(r, 20));
    stop();
    expect(seen).toEqual([expect.objectContaining({ log: store.name, reason: 'import' })]);

    const reopened = await openStore();
    expect(await reopened.readAll()).toEqual(sampleEvents(12, 3));
    // Process managers stand past the imported events, so they send nothing again.
    expect(await reopened.getCheckpoint('transfers')).toBe(12);
    expect(await reopened.getCheckpoint('notifications')).toBe(12);
    // Snapshots of the old log are gone (the memory image rebuilds); saved documents stay.
    expect(await reopened.loadSnapshot('balances', 1)).toBeUndefined();
    expect(await reopened.getDocument('settings')).toMatchObject({ data: { theme: 'dark' } });

    // A tab still on the old log cannot write to it any more.
    await expect(otherTab.append('account-9', [{ type: 'Noted' }])).rejects.toMatchObject({ name: 'LogReplacedError' });
    expect(await describeBackup(reopened)).toMatchObject({ available: true });
  });

  test('the backup can be restored, and the restore undone', async () => {
    const store = await localLog();
    const original = await logState(store);
    await importLog(store, fixture('valid.ndjson'), { mode: 'replace' });
    const imported = await openStore();
    await restoreBackup(imported);
    const restored = await openStore();
    expect(await logState(restored)).toEqual(original);
    await restored.append('account-9', [{ type: 'Noted', payload: { text: 'after restore' } }]);
    expect(await restored.lastSeq()).toBe(3);
    await restoreBackup(restored);
    expect((await (await openStore()).readAll()).map((e) => e.meta.id)).toEqual(sampleEvents(12, 3).map((e) => e.meta.id));
  });

  test('the backup can be discarded, and is deleted', async () => {
    const store = await localLog();
    await importLog(store, fixture('valid.ndjson'), { mode: 'replace' });
    const current = await openStore();
    const { backup } = await readLogRecord(store.name, deps());
    await discardBackup(current);
    expect(await describeBackup(current)).toEqual({ available: false });
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(backup);
    await expect(restoreBackup(current)).rejects.toMatchObject({ code: 'NO_BACKUP' });
  });

  test('a second import drops the first backup and keeps the log it replaced', async () => {
    const store = await localLog();
    await importLog(store, fixture('valid.ndjson'), { mode: 'replace' });
    const first = await readLogRecord(store.name, deps());
    await importLog(await openStore(), bytes(buildFile(sampleEvents(3))), { mode: 'replace' });
    const second = await readLogRecord(store.name, deps());
    expect(second.backup).toBe(first.live);
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(first.backup);
    expect(names).toEqual(expect.arrayContaining([second.live, second.backup]));
  });

  test.each([
    ['zero-events.ndjson', 'NO_EVENTS', /leave the log empty/],
    ['partial-range.ndjson', 'PARTIAL_LOG', /part of a log \(seq 5 to 9\)/],
    ['hypothetical.ndjson', 'HYPOTHETICAL_LOG', /what-if scenario/],
  ])('refuses %s (%s) and changes nothing', async (file, code, says) => {
    const store = await localLog();
    const before = await logState(store);
    const error = await importLog(store, fixture(file), { mode: 'replace' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code, line: 1 });
    expect((error as Error).message).toMatch(says);
    expect(await logState(store)).toEqual(before);
  });

  test('a what-if file is imported when asked to', async () => {
    const store = await localLog();
    const result = await importLog(store, fixture('hypothetical.ndjson'), { mode: 'replace', allowHypothetical: true });
    expect(result.summary.header).toMatchObject({ hypothetical: true, baseSeq: 8 });
  });

  test('types outside a given list are refused, or kept in the log when asked; without a list, Rewind’s newer types are kept', async () => {
    const knownTypes = LEDGER_EVENT_TYPES;
    const store = await localLog();
    await expect(importLog(store, fixture('unknown-type.ndjson'), { mode: 'replace', knownTypes })).rejects.toMatchObject({
      code: 'UNKNOWN_EVENT_TYPE',
      line: 12,
    });
    const kept = await importLog(store, fixture('unknown-type.ndjson'), { mode: 'replace', knownTypes, unknownTypes: 'keep' });
    expect(kept.summary.newer).toMatchObject({ count: 1, kinds: [{ type: 'AccountFrozen', count: 1 }] });
    const result = await importLog(await openStore(), fixture('unknown-type.ndjson'), { mode: 'replace' });
    expect(result.summary.newer).toMatchObject({ count: 1, kinds: [{ type: 'AccountFrozen', count: 1 }] });
    expect((await (await openStore()).readAll())[10]!.type).toBe('AccountFrozen');
  });

  test('a second import while one runs is refused', async () => {
    const store = await localLog();
    const exported = await exportLog(store);
    const first = importLog(store, exported.blob, { mode: 'replace' });
    await expect(importLog(store, exported.blob, { mode: 'replace' })).rejects.toMatchObject({ code: 'IMPORT_IN_PROGRESS' });
    await first;
  });
});

test('a tab still on the replaced log cannot import or restore over the new one', async () => {
  const store = await localLog();
  const staleTab = await openStore();
  await importLog(store, fixture('valid.ndjson'), { mode: 'replace' });
  await expect(importLog(staleTab, fixture('valid.ndjson'), { mode: 'replace' })).rejects.toMatchObject({ name: 'LogReplacedError' });
  await expect(restoreBackup(staleTab)).rejects.toMatchObject({ name: 'LogReplacedError' });
  expect(await (await openStore()).readAll()).toEqual(sampleEvents(12, 3));
});

test('a refusal that the header decides comes before any event line is checked', async () => {
  const store = await localLog();
  const file = buildFile([...sampleEvents(3), '{"broken":'], { hypothetical: true, baseSeq: 1, eventCount: 4, lastSeq: 4 });
  await expect(importLog(store, bytes(file), { mode: 'replace' })).rejects.toMatchObject({ code: 'HYPOTHETICAL_LOG', line: 1 });
});
