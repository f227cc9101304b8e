import { describe, expect, test, vi } from 'vitest';
import { getAccount, ledgerProjections, listAccounts, SCHEMA_GENERATION, type AccountsState } from '../../../src/domain/index.ts';
import { readerVersion } from '../../../src/domain/schema/eventSchema.ts';
import { createMemoryImage } from '../../../src/app/parts.ts';
import { currentShapes } from '../../../src/app/currentShapes.ts';
import { replay } from '../../../src/replay/index.ts';
import { asJson, fixtureEvents, nextVersionProjections, nextVersionReads, storedLog } from '../schemaLogs.ts';

const household = fixtureEvents('schema-1/household.ndjson');
const accountsOf = (states: Record<string, unknown>) => listAccounts(states.accounts as AccountsState);

describe('snapshots across an upcaster change', () => {
  test('every read model is versioned by the schema generation: an upcaster added gives every snapshot another version', () => {
    expect(readerVersion(1)).toBe(1 + 1000 * SCHEMA_GENERATION);
    expect(readerVersion(7) - readerVersion(1)).toBe(6);
    for (const projection of ledgerProjections) {
      expect(projection.version, projection.name).toBeGreaterThanOrEqual(1000 * SCHEMA_GENERATION);
      expect(projection.version, projection.name).toBeLessThan(1000 * (SCHEMA_GENERATION + 1));
    }
  });

  test('the next version passes over the snapshots made before its upcaster, rebuilds from events, and writes its own', async () => {
    const store = await storedLog('upcaster-change', household);
    const last = household.length;

    // Today's app boots the 0.1.0 log and keeps snapshots of it.
    const today = createMemoryImage({ eventStore: currentShapes(store), projections: ledgerProjections, snapshotEvery: 100 });
    await today.ready;
    await today.snapshotNow();
    today.stop();
    for (const p of ledgerProjections) expect((await store.loadSnapshot(p.name, p.version))?.seq, p.name).toBe(last);
    const before = accountsOf(today.getState().states);
    expect(before.map((a) => a.owner)).toContain('Ana Okafor-Lind');

    // Were the old snapshots reused, the next version would show the names as they were: they must not be.
    const reused = await replay(nextVersionReads(store), ledgerProjections);
    expect(reused.fromSeq).toBe(last);
    expect(accountsOf(reused.states).map((a) => a.owner)).toContain('Ana Okafor-Lind');

    // The next version: its reads lift AccountOpened once more, its read models are of the next generation.
    const scratch = await replay(nextVersionReads(store), nextVersionProjections, { useSnapshots: false });
    const next = createMemoryImage({ eventStore: nextVersionReads(store), projections: nextVersionProjections, snapshotEvery: 100 });
    await next.ready;
    expect(next.getState()).toMatchObject({ status: 'ready', seq: last, boot: { fromSeq: 0, replayed: last } });
    expect(asJson(next.getState().states)).toEqual(asJson(scratch.states));
    expect(accountsOf(next.getState().states).map((a) => a.owner)).toContain('ANA OKAFOR-LIND');
    // Balances and statuses are the events', whichever version reads them.
    for (const account of before)
      expect(getAccount(next.getState().states.accounts as AccountsState, account.accountNumber)).toMatchObject({ balance: account.balance, status: account.status });

    // It writes snapshots of its own version, and the leader drops those no read model of it will use.
    await next.snapshotNow();
    next.stop();
    for (const p of nextVersionProjections) expect((await store.loadSnapshot(p.name, p.version))?.seq, p.name).toBe(last);
    await vi.waitFor(async () => {
      for (const p of ledgerProjections) expect(await store.loadSnapshot(p.name, p.version), p.name).toBeUndefined();
    });

    // Its next boot resumes from them and shows the same.
    const again = createMemoryImage({ eventStore: nextVersionReads(store), projections: nextVersionProjections });
    await again.ready;
    expect(again.getState()).toMatchObject({ status: 'ready', seq: last, boot: { fromSeq: last, replayed: 0 } });
    expect(asJson(again.getState().states)).toEqual(asJson(scratch.states));
    again.stop();
    store.close();
  });

  test('a tab still on today\'s version keeps its own snapshots apart: neither version reads the other\'s', async () => {
    const store = await storedLog('two-versions', fixtureEvents('schema-1/small.ndjson'));
    const older = createMemoryImage({ eventStore: currentShapes(store), projections: ledgerProjections, mayWriteSnapshots: () => false });
    const newer = createMemoryImage({ eventStore: nextVersionReads(store), projections: nextVersionProjections });
    await Promise.all([older.ready, newer.ready]);
    await newer.snapshotNow();
    // A reload of the older tab finds no snapshot of its version and replays the events: its names as it reads them.
    const reloaded = createMemoryImage({ eventStore: currentShapes(store), projections: ledgerProjections, mayWriteSnapshots: () => false });
    await reloaded.ready;
    expect(reloaded.getState().boot?.fromSeq).toBe(0);
    expect(accountsOf(reloaded.getState().states).map((a) => a.owner)).toEqual(accountsOf(older.getState().states).map((a) => a.owner));
    expect(accountsOf(reloaded.getState().states).map((a) => a.owner)).toContain('Alice Example');
    for (const image of [older, newer, reloaded]) image.stop();
    store.close();
  });
});
