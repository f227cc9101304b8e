import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ledgerProjections, type AccountOpened, type Stored } from '../../src/domain/index.ts';
import { openEventStore, type EventStore } from '../../src/eventstore/index.ts';
import { ReplayError, replay } from '../../src/replay/index.ts';
import { createMemoryImage, openLedger, type Ledger } from '../../src/store/index.ts';
import { replaceStoredEvent } from '../eventstore/damage.ts';

/*
 * A ledger whose stored records were damaged while the app was closed, then
 * opened again: damage is named by its event, and never shown as a balance.
 */

const NAME = 'damaged-log';
const opened: { close(): unknown }[] = [];
// Ignored snapshots are reported as warnings; the assertions below say what matters.
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
  vi.restoreAllMocks();
});

async function open(): Promise<Ledger> {
  const ledger = await openLedger({ name: NAME });
  opened.push(ledger);
  await ledger.image.ready;
  return ledger;
}

async function rawStore(): Promise<EventStore> {
  const store = await openEventStore({ name: NAME });
  opened.push(store);
  return store;
}

/** An account with deposits, snapshots of it all, then one more deposit after them; the ledger is closed. Returns that deposit's seq. */
async function ledgerWithDepositAfterSnapshots(): Promise<number> {
  const ledger = await open();
  const opening = await ledger.dispatch({ type: 'OpenAccount', owner: 'Ada', email: 'ada@example.org', initialDeposit: 100_00 });
  const account = (opening.events[0] as Stored<AccountOpened>).payload.accountNumber;
  await ledger.dispatch({ type: 'AddFunds', account, amount: 25_00 });
  await ledger.image.snapshotNow();
  const deposit = await ledger.dispatch({ type: 'AddFunds', account, amount: 7_00 });
  await ledger.close();
  opened.splice(opened.indexOf(ledger), 1);
  return deposit.events[0]!.meta.seq;
}

describe('a damaged log, opened again', () => {
  it('a deposit whose amount became "lots" stops the boot naming that event, rather than showing NaN', async () => {
    const seq = await ledgerWithDepositAfterSnapshots();
    const store = await rawStore();
    await replaceStoredEvent(store, seq, (event) => {
      const e = event as { type: string; payload: { amount: unknown } };
      expect(e.type).toBe('FundsAdded');
      return { ...e, payload: { ...e.payload, amount: 'lots' } };
    });
    const image = createMemoryImage({ eventStore: store, projections: ledgerProjections, onError: () => {} });
    opened.push({ close: image.stop });
    await image.ready;
    expect(image.store.getState()).toMatchObject({
      status: 'failed',
      error: { seq, message: `Event ${seq} is damaged in the log and cannot be read (its amount is "lots", not a number).` },
    });
    // From the first event too: a ReplayError at that seq, with no cause (a damaged record, not a failing projection).
    const error = await replay(store, ledgerProjections, { useSnapshots: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplayError);
    expect(error).toMatchObject({ seq });
    expect((error as ReplayError).cause).toBeUndefined();
  });

  it('a snapshot whose JSON cannot be read is passed over and deleted; the other snapshots stay', async () => {
    await ledgerWithDepositAfterSnapshots();
    const store = await rawStore();
    const before = await store.db.snapshots.toArray();
    expect(before.map((s) => s.name).sort()).toEqual(ledgerProjections.map((p) => p.name).sort());
    await store.db.snapshots.toCollection().modify((snapshot) => {
      if (snapshot.name === 'totals') snapshot.state = { encoding: 'json', json: '{"deposited":12' };
    });
    const ledger = await open();
    expect(ledger.image.store.getState()).toMatchObject({ status: 'ready', states: { totals: { deposited: 132_00 } } });
    await expect.poll(async () => (await store.db.snapshots.toArray()).filter((s) => s.name === 'totals')).toEqual([]);
    expect((await store.db.snapshots.toArray()).map((s) => s.name).sort()).toEqual(before.map((s) => s.name).filter((n) => n !== 'totals').sort());
  });
});
