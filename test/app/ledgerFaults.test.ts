import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accountStream, getAccount, ledgerProjections, listMessages, type AccountOpened, type Stored } from '../../src/domain/index.ts';
import { openEventStore, type EventStore, type StoredEvent } from '../../src/eventstore/index.ts';
import { exportLog, readLogFile } from '../../src/files/index.ts';
import { ReplayError, foldAll, replay, type Projection } from '../../src/replay/index.ts';
import { bootReplay, sameShape } from '../../src/app/image/bootReplay.ts';
import { asLedgerStates, openLedger, type Ledger } from '../../src/app/index.ts';
import { createMemoryImage } from '../../src/app/parts.ts';
import { connectionLost, injectFaults, quotaExceeded } from '../eventstore/faultInjection.ts';
import { replaceStoredEvent } from '../eventstore/damage.ts';
import { databaseOf } from '../../src/eventstore/storage/databaseOf.ts';

const NAME = 'ledger-faults';
const opened: { close(): unknown }[] = [];
// Ignored snapshots and storage trouble are reported as warnings; the assertions below say what matters.
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

const live = (ledger: Ledger) => asLedgerStates(ledger.image.getState().states);

/** Two accounts with some history, every verification message queued, and snapshots of it all. */
async function ledgerWithHistory(): Promise<{ ledger: Ledger; ada: string; bob: string }> {
  const ledger = await open();
  const account = async (owner: string, email: string) =>
    ((await ledger.dispatch({ type: 'OpenAccount', owner, email, initialDeposit: 100_00 })).events[0] as Stored<AccountOpened>).payload
      .accountNumber;
  const ada = await account('Ada', 'ada@example.org');
  const bob = await account('Bob', 'bob@example.org');
  await ledger.dispatch({ type: 'AddFunds', account: ada, amount: 25_00 });
  await expect.poll(() => listMessages(live(ledger).outbox).length).toBe(2);
  await ledger.image.snapshotNow();
  return { ledger, ada, bob };
}

async function everyEvent(store: EventStore): Promise<StoredEvent[]> {
  return store.readAll();
}

describe('a corrupt or unreadable snapshot is ignored and the state rebuilt from events', () => {
  async function rebootWith(corrupt: (store: EventStore) => Promise<void>) {
    const { ledger } = await ledgerWithHistory();
    await ledger.close();
    opened.splice(opened.indexOf(ledger), 1);
    const store = await rawStore();
    expect(await databaseOf(store).snapshots.count()).toBe(ledgerProjections.length);
    await corrupt(store);
    const rebooted = await open();
    expect(rebooted.image.getState().status).toBe('ready');
    expect(rebooted.image.getState().states).toEqual(foldAll(ledgerProjections, await everyEvent(store)));
    return { rebooted, store };
  }

  it('a state of the wrong shape, with no event after it to trip over, is noticed; the snapshots are discarded', async () => {
    const { store } = await rebootWith(async (s) => {
      await databaseOf(s).snapshots.toCollection().modify((snapshot) => {
        if (snapshot.name === 'accounts') snapshot.state = 'garbage';
      });
    });
    expect((await databaseOf(store).snapshots.toArray()).filter((snapshot) => snapshot.name === 'accounts')).toEqual([]);
  });

  it('a record that is missing its state or seq is skipped', async () => {
    await rebootWith(async (s) => {
      await databaseOf(s).snapshots.toCollection().modify((snapshot) => {
        if (snapshot.name === 'accounts') delete (snapshot as { state?: unknown }).state;
        if (snapshot.name === 'outbox') (snapshot as { seq: unknown }).seq = 'seven';
      });
    });
  });

  it('a snapshot whose JSON cannot be read is passed over and deleted; the other snapshots stay', async () => {
    const { store } = await rebootWith(async (s) => {
      await databaseOf(s).snapshots.toCollection().modify((snapshot) => {
        if (snapshot.name === 'totals') snapshot.state = { encoding: 'json', json: '{"deposited":12' };
      });
    });
    const others = ledgerProjections.map((p) => p.name).filter((name) => name !== 'totals');
    await expect.poll(async () => (await databaseOf(store).snapshots.toArray()).map((s) => s.name).sort()).toEqual(others.sort());
  });

  it('a snapshot that cannot be read at all is skipped', async () => {
    const { ledger } = await ledgerWithHistory();
    const store = await rawStore();
    const faults = await injectFaults(databaseOf(store));
    faults.fail('read', connectionLost, { tables: ['snapshots'] });
    const image = createMemoryImage({ eventStore: store, projections: ledgerProjections });
    opened.push({ close: image.stop });
    await image.ready;
    expect(faults.hits).toBeGreaterThan(0);
    expect(image.getState()).toMatchObject({ status: 'ready', boot: { fromSeq: 0 } });
    expect(image.getState().states).toEqual(ledger.image.getState().states);
  });
});

describe('the boot replay', () => {
  /** A history with a running balance, as the real account history keeps: each line reads the one before it. */
  type Lines = { count: number; lines: { amount: number; balance: number }[] };
  const lines: Projection<Lines> = {
    name: 'lines',
    version: 1,
    initial: { count: 0, lines: [] },
    apply: (state, event) => {
      const amount = (event.payload as { amount: number }).amount;
      const balance = (state.lines.length === 0 ? 0 : state.lines[state.lines.length - 1]!.balance) + amount;
      return { count: state.count + 1, lines: [...state.lines, { amount, balance }] };
    },
  };

  it('falls back to the events when a projection throws folding onto a snapshot, and the snapshots go', async () => {
    const store = await rawStore();
    await store.append('t', [1, 2, 3].map((amount) => ({ type: 'Added', payload: { amount } })));
    // Well shaped at the top, damaged inside: only folding the next event onto it finds out.
    await store.saveSnapshot({ name: 'lines', version: 1, seq: 2, state: { count: 2, lines: [null, null] } });
    const result = await bootReplay(store, [lines], {});
    expect(result.states.lines).toEqual({
      count: 3,
      lines: [
        { amount: 1, balance: 1 },
        { amount: 2, balance: 3 },
        { amount: 3, balance: 6 },
      ],
    });
    expect(result.fromSeq).toBe(0);
    expect(await store.loadSnapshot('lines', 1)).toBeUndefined();
  });

  it('a damaged event fails it from the first event too, naming the seq', async () => {
    const store = await rawStore();
    await store.append('t', [1, 2, 3].map((amount) => ({ type: 'Added', payload: { amount } })));
    await replaceStoredEvent(store, 2, (e) => ({ ...(e as object), payload: null }));
    await expect(bootReplay(store, [lines], {})).rejects.toMatchObject({ name: 'ReplayError', seq: 2 });
  });

  it('shape: the same kind of value, and the initial keys with their kinds two levels down', () => {
    const initial = { byNumber: { size: 0, root: null }, count: 0 };
    expect(sameShape(initial, { byNumber: { size: 3, root: [[1]] }, count: 2, extra: true })).toBe(true);
    expect(sameShape(initial, 'garbage')).toBe(false);
    expect(sameShape(initial, { byNumber: { size: 3, root: [] } })).toBe(false);
    expect(sameShape(initial, { byNumber: { size: '3', root: [] }, count: 2 })).toBe(false);
    expect(sameShape(0, 5)).toBe(true);
    expect(sameShape(0, null)).toBe(false);
  });
});

describe('a corrupt event record', () => {
  it('stops the boot at its seq; every event before it exports as a sound file, while the export of the whole log stops there', async () => {
    const { ledger } = await ledgerWithHistory();
    const total = await ledger.eventStore.lastSeq();
    await ledger.close();
    opened.splice(opened.indexOf(ledger), 1);
    const store = await rawStore();
    await databaseOf(store).snapshots.clear();
    await replaceStoredEvent(store, 4, () => ({ type: 42, meta: { seq: 4 } }));

    const rebooted = await open();
    expect(rebooted.image.getState()).toMatchObject({ status: 'failed', error: { seq: 4 } });

    const before = await exportLog(rebooted.eventStore, { selection: { kind: 'seq', fromSeq: 1, toSeq: 3 } });
    const summary = await readLogFile(before.blob);
    expect(summary).toMatchObject({ eventCount: 3, firstSeq: 1, lastSeq: 3 });
    // The whole log's export checks each line it copies: it stops at the damaged one, saying what the boot said.
    const message = rebooted.image.getState().error?.message;
    expect(message).toBe('Event 4 is damaged in the log and cannot be read (its type is not text).');
    await expect(exportLog(rebooted.eventStore)).rejects.toMatchObject({ name: 'DamagedEventError', seq: 4, message });
    expect(total).toBeGreaterThan(4);
  });
});

describe('a money event whose amount is not a whole number of cents above zero', () => {
  it.each([['lots', '"lots"'], [10.5, '10.5'], [-99_933_300, '-99933300']])(
    'an amount of %s stops the boot naming that event, rather than showing NaN or negative money',
    async (amount, shown) => {
      const { ledger, ada } = await ledgerWithHistory();
      // After the snapshots, so the boot folds it.
      const seq = (await ledger.dispatch({ type: 'AddFunds', account: ada, amount: 7_00 })).events[0]!.meta.seq;
      await ledger.close();
      opened.splice(opened.indexOf(ledger), 1);
      const store = await rawStore();
      await replaceStoredEvent(store, seq, (event) => {
        const e = event as StoredEvent;
        expect(e.type).toBe('FundsAdded');
        return { ...e, payload: { ...(e.payload as object), amount } };
      });
      const image = createMemoryImage({ eventStore: store, projections: ledgerProjections, onError: () => {} });
      opened.push({ close: image.stop });
      await image.ready;
      expect(image.getState()).toMatchObject({
        status: 'failed',
        error: { seq, message: `Event ${seq} is damaged in the log and cannot be read (its amount is ${shown}, not a whole number of cents above zero).` },
      });
      // From the first event too: a ReplayError at that seq with no cause (a damaged record, not a failing projection).
      const error = await replay(store, ledgerProjections, { useSnapshots: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReplayError);
      expect(error).toMatchObject({ seq });
      expect((error as ReplayError).cause).toBeUndefined();
    },
  );
});

describe('storage faults under the ledger', () => {
  it('a full disk: the command fails saying to export and clean up, the log and the image stay as they were, and the banner state clears after the next success', async () => {
    const { ledger, ada } = await ledgerWithHistory();
    const faults = await injectFaults(databaseOf(ledger.eventStore));
    const before = { seq: await ledger.eventStore.lastSeq(), states: ledger.image.getState().states };
    faults.fail('commit', quotaExceeded, { times: 1, tables: ['tail'] });
    const error = await ledger.dispatch({ type: 'AddFunds', account: ada, amount: 1_00 }).catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ name: 'StorageFullError', code: 'STORAGE_FULL' });
    expect((error as Error).message).toMatch(/Export the log/);
    expect(ledger.health.getState()).toEqual({ state: 'full' });
    expect(await ledger.eventStore.lastSeq()).toBe(before.seq);
    expect(ledger.image.getState()).toMatchObject({ status: 'ready', seq: before.seq, states: before.states });

    await ledger.dispatch({ type: 'AddFunds', account: ada, amount: 1_00 });
    expect(ledger.health.getState()).toEqual({ state: 'ok' });
    expect(getAccount(live(ledger).accounts, ada)?.balance).toBe(126_00);
  });

  it('a connection that cannot be reopened: the command says so, the image stays readable, and a later command works', async () => {
    const { ledger, ada } = await ledgerWithHistory();
    const faults = await injectFaults(databaseOf(ledger.eventStore));
    const shown = ledger.image.getState();
    faults.fail('transaction', connectionLost, { times: 2 });
    await expect(ledger.dispatch({ type: 'AddFunds', account: ada, amount: 1_00 })).rejects.toMatchObject({
      name: 'StorageUnavailableError',
      message: expect.stringMatching(/nothing was saved/),
    });
    expect(ledger.image.getState()).toBe(shown);
    await ledger.dispatch({ type: 'AddFunds', account: ada, amount: 1_00 });
    expect(getAccount(live(ledger).accounts, ada)?.balance).toBe(126_00);
  });

  it('a command that landed resolves even while the log cannot be read', async () => {
    const { ledger, ada } = await ledgerWithHistory();
    const faults = await injectFaults(databaseOf(ledger.eventStore));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    faults.fail('scan', connectionLost);
    const { events } = await ledger.dispatch({ type: 'AddFunds', account: ada, amount: 1_00 });
    faults.clear();
    expect(await ledger.eventStore.readStream(accountStream(ada), { direction: 'backward', limit: 1 })).toEqual(events);
    await ledger.dispatch({ type: 'AddFunds', account: ada, amount: 1_00 });
    expect(getAccount(live(ledger).accounts, ada)?.balance).toBe(127_00);
    expect(ledger.image.getState().status).toBe('ready');
  });

  it('a write from another tab the image could not read: the next command is refused by the store, the image catches up, and it lands', async () => {
    const { ledger, ada } = await ledgerWithHistory();
    const otherTab = await rawStore();
    const faults = await injectFaults(databaseOf(ledger.eventStore));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const shownSeq = ledger.image.getState().seq;
    faults.fail('scan', connectionLost);
    await otherTab.append(accountStream(ada), [{ type: 'FundsAdded', payload: { accountNumber: ada, amount: 1_00 } }]);
    await expect.poll(() => ledger.health.getState().state).toBe('unavailable');
    expect(ledger.image.getState().seq).toBe(shownSeq);
    faults.clear();
    // Decided on the image, which has not seen the other tab's deposit: the append expects an older version.
    const { events, attempts } = await ledger.dispatch({ type: 'AddFunds', account: ada, amount: 1_00 });
    expect(attempts).toBeGreaterThan(1);
    expect(events[0]!.meta.seq).toBe(shownSeq + 2);
    expect(ledger.image.getState()).toMatchObject({ status: 'ready', seq: shownSeq + 2 });
    expect(getAccount(live(ledger).accounts, ada)?.balance).toBe(127_00);
  });
});
