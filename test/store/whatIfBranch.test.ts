import { describe, expect, test } from 'vitest';
import { openEventStore } from '../../src/eventstore/index.ts';
import { createWhatIfBranch } from '../../src/store/whatIfBranch.ts';
import { count, counter } from '../replay/counter.ts';
import { accountStream, appendGenerated, ledgerProjections, syntheticLedger } from '../../src/domain/index.ts';
import { foldAll } from '../../src/replay/index.ts';

async function setUp() {
  const eventStore = await openEventStore({ name: 'branch' });
  await count(eventStore, 1, 10, 100, 1000);
  return { eventStore, branch: createWhatIfBranch({ eventStore, projections: [counter] }) };
}

const plusOne = (afterSeq: number) => ({ afterSeq, stream: 'counter-1', event: { type: 'Counted', payload: { by: 5 } } });

describe('a what-if branch', () => {
  test('starts at a point as the real history, then takes skips and injections', async () => {
    const { branch, eventStore } = await setUp();
    await branch.start(2);
    expect(branch.store.getState().result?.states.counter).toBe(1111);
    await branch.toggleSkip(1);
    expect(branch.store.getState().result?.states.counter).toBe(1110);
    await branch.inject([plusOne(2)]);
    expect(branch.store.getState().result?.states.counter).toBe(1115);
    await branch.toggleSkip(1);
    await branch.removeInjection(0);
    expect(branch.store.getState().result?.states.counter).toBe(1111);
    expect(await eventStore.lastSeq()).toBe(4);
  });

  test('a change the branch refuses leaves the branch as it was', async () => {
    const { branch } = await setUp();
    await branch.start(4);
    await expect(branch.inject([{ afterSeq: 2, stream: '', event: { type: 'X' } }])).rejects.toThrow(/stream/);
    expect(branch.store.getState()).toMatchObject({ plan: { inject: [] }, error: expect.stringMatching(/stream/) });
  });

  test('discard ends the branch; reopening a saved plan gives the same state', async () => {
    const { branch } = await setUp();
    await branch.start(3);
    await branch.inject([plusOne(3)]);
    const plan = branch.store.getState().plan!;
    const saved = JSON.parse(JSON.stringify(plan));
    branch.discard();
    expect(branch.store.getState()).toEqual({ loading: false });
    await branch.open(saved);
    expect(branch.store.getState().result?.states.counter).toBe(1116);
  });
});

describe('a what-if branch of the ledger', () => {
  test('re-folds only what a change touches when the live image is at hand, and replays with progress otherwise', async () => {
    const eventStore = await openEventStore({ name: 'ledger-branch' });
    const events = [...syntheticLedger({ accounts: 3, events: 120, seed: 5, spanDays: 3 })];
    await appendGenerated(eventStore, events);
    const live = foldAll(ledgerProjections, events);
    const accountNumber = (events[0]!.payload as { accountNumber: string }).accountNumber;
    const plan = {
      basePoint: 60,
      skip: [],
      inject: [{ afterSeq: 60, stream: accountStream(accountNumber), event: { type: 'FundsAdded', payload: { accountNumber, amount: 500 } } }],
    };
    const branch = createWhatIfBranch({ eventStore, projections: ledgerProjections, live: () => ({ seq: 120, states: live }) });
    await branch.open(plan);
    const partitioned = branch.store.getState().result!;
    expect(partitioned).toMatchObject({ method: 'partitioned', fromSeq: 61, toSeq: 120, eventCount: 61 });

    const seen: number[] = [];
    const replaying = createWhatIfBranch({ eventStore, projections: ledgerProjections, shortcut: async () => undefined });
    replaying.store.subscribe((s) => s.progress && seen.push(s.progress.done));
    await replaying.open(plan);
    expect(replaying.store.getState()).toMatchObject({ loading: false, progress: undefined, result: { method: 'replayed' } });
    expect(seen).toContain(60);
    expect(partitioned.states).toEqual(replaying.store.getState().result!.states);

    // An image still booting holds no events yet: the branch still runs to the log's end.
    const booting = createWhatIfBranch({ eventStore, projections: ledgerProjections, live: () => ({ seq: 0, states: foldAll(ledgerProjections, []) }) });
    await booting.open(plan);
    expect(booting.store.getState().result).toEqual(partitioned);
  });
});
