import { describe, expect, test } from 'vitest';
import type { EventStore, StoredEvent } from '../../src/eventstore/index.ts';
import { MergeConflictError, exportLog, importLog } from '../../src/files/index.ts';
import { buildFile, bytes, sampleEvents, sampleStream } from './fileBuilder.ts';
import { logState, openStore } from './helpers.ts';

/** Two devices with one common past: device B started as an import of device A's log. */
async function twoDevices() {
  const a = await openStore('device-a');
  for (const [stream, type] of [['s1', 'Opened'], ['s2', 'Opened'], ['s1', 'Deposited'], ['s2', 'Deposited']] as const)
    await a.append(stream, [{ type, payload: { note: `common ${type} 東京 👋` } }]);
  await importLog(await openStore('device-b'), (await exportLog(a)).blob, { mode: 'empty' });
  return { a, b: await openStore('device-b') };
}

const byId = (events: StoredEvent[]) => [...events].sort((x, y) => x.meta.id.localeCompare(y.meta.id));
const fileOf = async (store: EventStore) => (await exportLog(store)).blob;

describe('merge', () => {
  test('two devices that wrote to different streams merge both ways and end up with the same events', async () => {
    const { a, b } = await twoDevices();
    await a.append('s1', [{ type: 'Withdrew', payload: { amount: 5 } }]);
    await a.append('s3', [{ type: 'Opened', payload: { note: 'مرحبا' } }]);
    await b.append('s2', [{ type: 'Withdrew', payload: { amount: 7 } }]);
    await b.append('s2', [{ type: 'Deposited', payload: { amount: 1 } }]);
    const aBefore = await a.readAll();

    const intoA = await importLog(a, await fileOf(b), { mode: 'merge', processManagers: ['transfers'] });
    expect(intoA).toMatchObject({ imported: 2, skipped: 4, lastSeq: 8, replaced: false });
    const merged = await a.readAll();
    expect(merged.slice(0, 6)).toEqual(aBefore);
    expect(merged.slice(6).map((e) => [e.meta.seq, e.meta.stream, e.meta.version, e.type])).toEqual([
      [7, 's2', 3, 'Withdrew'],
      [8, 's2', 4, 'Deposited'],
    ]);
    expect(await a.streamVersion('s2')).toBe(4);
    expect(await a.getCheckpoint('transfers')).toBe(8);
    await a.append('s2', [{ type: 'Noted' }], { expectedVersion: 4 });

    const intoB = await importLog(b, await fileOf(a), { mode: 'merge' });
    expect(intoB).toMatchObject({ imported: 3, skipped: 6 });
    expect(byId(await b.readAll()).map((e) => ({ ...e, meta: { ...e.meta, seq: 0 } }))).toEqual(
      byId(await a.readAll()).map((e) => ({ ...e, meta: { ...e.meta, seq: 0 } })),
    );
  });

  test('merging a file this log already holds changes nothing', async () => {
    const { a } = await twoDevices();
    const before = await logState(a);
    expect(await importLog(a, await fileOf(a), { mode: 'merge' })).toMatchObject({ imported: 0, skipped: 4 });
    expect(await logState(a)).toEqual(before);
  });

  test('two devices that wrote to the same stream are refused, with the conflicts named and nothing written', async () => {
    const { a, b } = await twoDevices();
    await a.append('s1', [{ type: 'Withdrew', payload: { amount: 5 } }]);
    await a.append('s2', [{ type: 'Noted' }]);
    await b.append('s1', [{ type: 'Withdrew', payload: { amount: 9 } }]);
    await b.append('s1', [{ type: 'Closed' }]);
    await b.append('s4', [{ type: 'Opened' }]);
    const before = await logState(a);

    const error = await importLog(a, await fileOf(b), { mode: 'merge' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MergeConflictError);
    const conflict = error as MergeConflictError;
    expect(conflict.code).toBe('MERGE_CONFLICT');
    expect(conflict.message).toMatch(/stream "s1"/);
    expect(conflict.conflicts).toEqual([
      { stream: 's1', divergesAtVersion: 3, localVersion: 3, incomingVersion: 4, localSeq: 5, incomingLine: 6 },
    ]);
    expect(conflict.branchBaseSeq).toBe(4);
    expect(await logState(a)).toEqual(before);

    // What a what-if branch of the incoming events gets: the file's events this log does not hold.
    const incoming: StoredEvent[] = [];
    await conflict.readIncomingEvents((events) => void incoming.push(...events));
    expect(incoming.map((e) => [e.meta.stream, e.type])).toEqual([
      ['s1', 'Withdrew'],
      ['s1', 'Closed'],
      ['s4', 'Opened'],
    ]);
  });

  test('an event whose id this log holds with other content is refused on its line', async () => {
    const { a } = await twoDevices();
    const events = await a.readAll();
    const altered = { ...events[2]!, payload: { note: 'rewritten history' } };
    const file = buildFile([events[0]!, events[1]!, altered, events[3]!]);
    const before = await logState(a);
    await expect(importLog(a, bytes(file), { mode: 'merge' })).rejects.toMatchObject({ code: 'ID_CONFLICT', line: 4 });
    expect(await logState(a)).toEqual(before);
  });

  test('a partial file that does not join onto this log is refused', async () => {
    const store = await openStore();
    const later = sampleEvents(12, 3).slice(6);
    const file = buildFile(later, { selection: { kind: 'seq', fromSeq: 7, toSeq: 12 } });
    await expect(importLog(store, bytes(file), { mode: 'merge' })).rejects.toMatchObject({ code: 'STREAM_NOT_CONTINUOUS', line: 2 });
    expect(await store.lastSeq()).toBe(0);
  });

  test('a partial file that continues this log is appended', async () => {
    const store = await openStore();
    const all = sampleEvents(12, 3);
    await importLog(store, bytes(buildFile(all.slice(0, 6))), { mode: 'empty' });
    const reopened = await openStore();
    const rest = buildFile(all.slice(6), { selection: { kind: 'seq', fromSeq: 7, toSeq: 12 } });
    expect(await importLog(reopened, bytes(rest), { mode: 'merge' })).toMatchObject({ imported: 6, skipped: 0, lastSeq: 12 });
    expect(await reopened.readAll()).toEqual(all);
  });

  test('a large merge goes through a fresh database and switches, with the same result', async () => {
    const store = await openStore();
    const all = sampleEvents(7000, 50);
    await importLog(store, bytes(buildFile(all.slice(0, 1000))), { mode: 'empty' });
    const local = await openStore();
    await local.setCheckpoint('transfers', 1000);
    await local.saveSnapshot({ name: 'balances', version: 1, seq: 1000, state: { total: 1 } });
    const result = await importLog(local, bytes(buildFile(all)), { mode: 'merge' });
    expect(result).toMatchObject({ imported: 6000, skipped: 1000, lastSeq: 7000, replaced: true });
    const after = await openStore();
    expect(await after.readAll()).toEqual(all);
    expect(await after.getCheckpoint('transfers')).toBe(7000);
    // A merge only appends, so the snapshots of the common past stay valid and are kept.
    expect(await after.loadSnapshot('balances', 1)).toMatchObject({ seq: 1000 });
    expect(await after.streamVersion(sampleStream(7))).toBe(140);
  });
});
