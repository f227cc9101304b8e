import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventInput } from '../../src/eventstore/index.ts';
import { importLog } from '../../src/files/index.ts';
import { buildFile, bytes, sampleEvents } from '../files/fileBuilder.ts';
import { closeStores, openStore, seqs } from './helpers.ts';
import { databaseOf } from '../../src/eventstore/storage/databaseOf.ts';

/**
 * IndexedDB commits a transaction as soon as control returns to the event loop
 * with no request pending. Awaiting anything else inside a Dexie transaction
 * (hashing, crypto, a timer, fetch, reading a Blob) lets it commit half-way, or
 * fail with PrematureCommitError / TransactionInactiveError, depending on timing.
 * Two detectors, each shown to catch a deliberate offender:
 * - the calls: every non-IndexedDB async API is spied on, and a call made while
 *   a Dexie transaction is current (Dexie.currentTransaction) is recorded, however fast it would have been;
 * - the timing: the operations run at 10x the usual data size (the sample ledger,
 *   about 500 events, and its batches: 3 events per command, 500 per process-manager
 *   page), so any early commit surfaces as a failed operation or a wrong log.
 */
function spyOnNonIndexedDbAwaits() {
  const calls: string[] = [];
  const restores: (() => void)[] = [];
  function watch<T extends object>(owner: T, key: keyof T & string, label: string) {
    const original = owner[key] as unknown as (...args: unknown[]) => unknown;
    if (typeof original !== 'function') return;
    (owner as Record<string, unknown>)[key] = function (this: unknown, ...args: unknown[]) {
      if (Dexie.currentTransaction) calls.push(`${label} inside a ${Dexie.currentTransaction.mode} transaction`);
      return original.apply(this, args);
    };
    restores.push(() => ((owner as Record<string, unknown>)[key] = original));
  }
  for (const key of ['digest', 'encrypt', 'decrypt', 'sign', 'verify', 'importKey', 'deriveBits', 'deriveKey', 'generateKey'] as const)
    watch(crypto.subtle, key, `crypto.subtle.${key}`);
  watch(globalThis, 'fetch', 'fetch');
  watch(globalThis, 'setTimeout', 'setTimeout');
  watch(Blob.prototype, 'arrayBuffer', 'Blob.arrayBuffer');
  watch(Blob.prototype, 'text', 'Blob.text');
  watch(Blob.prototype, 'stream', 'Blob.stream');
  return { calls, restore: () => restores.splice(0).forEach((r) => r()) };
}

let spy: ReturnType<typeof spyOnNonIndexedDbAwaits> | undefined;
afterEach(() => {
  spy?.restore();
  spy = undefined;
  closeStores();
});

const USUAL_LOG = 500;
const TEN_X = 10 * USUAL_LOG;

describe('the detectors catch an offender', () => {
  it('a hash awaited inside a transaction is recorded', async () => {
    const store = await openStore();
    await store.append('a', [{ type: 'A' }]);
    const db = databaseOf(store);
    spy = spyOnNonIndexedDbAwaits();
    await db
      .transaction('rw', db.tail, async () => {
        await db.tail.get(1);
        await crypto.subtle.digest('SHA-256', new Uint8Array(10));
        await db.tail.get(1);
      })
      .catch(() => undefined);
    expect(spy.calls).toEqual(['crypto.subtle.digest inside a readwrite transaction']);
  });

  it('a timer awaited inside a transaction commits it early, which Dexie reports', async () => {
    const store = await openStore();
    const db = databaseOf(store);
    const offending = db.transaction('rw', db.tail, async (tx) => {
      await db.tail.count();
      // A timer that fires once the transaction has committed, as a slow await does (a fixed short timer could fire before the commit).
      await new Promise((resolve) => tx.idbtrans.addEventListener('complete', () => setTimeout(resolve, 0)));
      await db.tail.add({ first: 2, last: 2, events: [] });
    });
    await expect(offending).rejects.toMatchObject({ name: expect.stringMatching(/PrematureCommitError|TransactionInactiveError/) });
  });
});

describe(`nothing but IndexedDB is awaited inside a transaction, at 10x the usual data size (${TEN_X} events)`, () => {
  it('appends: one append of a 10x process-manager page, and commands of 10x the usual batch from two tabs at once', async () => {
    const store = await openStore();
    const otherTab = await openStore();
    spy = spyOnNonIndexedDbAwaits();
    const page = Array.from({ length: 100 }, (_, s) => ({
      stream: `page-${s}`,
      events: Array.from({ length: TEN_X / 100 }, (__, i): EventInput => ({ type: 'Reacted', payload: { s, i, note: 'x'.repeat(200) } })),
    }));
    await store.appendMany(page, { checkpoint: { name: 'pm:test', seq: TEN_X } });
    const command = (n: number): EventInput[] => Array.from({ length: 30 }, (_, i) => ({ type: 'Done', payload: { n, i } }));
    await Promise.all(
      Array.from({ length: 40 }, (_, n) => (n % 2 ? store : otherTab).append(`cmd-${n % 5}`, command(n))),
    );
    expect(seqs(await store.readAll())).toEqual(Array.from({ length: TEN_X + 40 * 30 }, (_, i) => i + 1));
    expect(await store.getCheckpoint('pm:test')).toBe(TEN_X);
    await store.saveSnapshot({ name: 'big', version: 1, seq: TEN_X, state: { rows: page.flatMap((p) => p.events.map((e) => e.payload)) } });
    expect((await store.loadSnapshot('big', 1))?.seq).toBe(TEN_X);
    expect(spy.calls).toEqual([]);
  });

  it('imports: a 10x log replacing the log, then a 10x merge written in place', async () => {
    const store = await openStore();
    await store.append('local', [{ type: 'Local' }]);
    const events = sampleEvents(2 * TEN_X - 10, 50);
    spy = spyOnNonIndexedDbAwaits();
    const replaced = await importLog(store, bytes(buildFile(events.slice(0, TEN_X))), { mode: 'replace' });
    expect(replaced).toMatchObject({ imported: TEN_X, replaced: true });

    // The other device's copy overlaps this log by its last 10 events, then holds 4,990 new ones.
    const tail = events.slice(TEN_X - 10);
    const file = buildFile(tail, { firstSeq: TEN_X - 9, selection: { kind: 'seq', fromSeq: TEN_X - 9, toSeq: 2 * TEN_X - 10 } });
    const reopened = await openStore();
    const merged = await importLog(reopened, bytes(file), { mode: 'merge' });
    expect(merged).toMatchObject({ imported: TEN_X - 10, skipped: 10, replaced: false });
    expect(seqs(await reopened.readAll())).toEqual(events.map((e) => e.meta.seq));
    expect(spy.calls).toEqual([]);
  });
});
