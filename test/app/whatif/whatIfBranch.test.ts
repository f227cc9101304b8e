import { describe, expect, test } from 'vitest';
import { openEventStore } from '../../../src/eventstore/index.ts';
import { createWhatIfBranch } from '../../../src/app/whatif/whatIfBranch.ts';
import { count, counter } from '../../replay/counter.ts';
import { accountStream, ledgerProjections, syntheticLedger } from '../../../src/domain/index.ts';
import { appendGenerated } from '../../../src/app/parts.ts';
import { foldAll } from '../../../src/replay/index.ts';

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
    expect(branch.getState().result?.states.counter).toBe(1111);
    await branch.toggleSkip(1);
    expect(branch.getState().result?.states.counter).toBe(1110);
    await branch.inject([plusOne(2)]);
    expect(branch.getState().result?.states.counter).toBe(1115);
    await branch.toggleSkip(1);
    await branch.removeInjection(0);
    expect(branch.getState().result?.states.counter).toBe(1111);
    expect(await eventStore.lastSeq()).toBe(4);
  });

  test('a change the branch refuses leaves the branch as it was', async () => {
    const { branch } = await setUp();
    await branch.start(4);
    await expect(branch.inject([{ afterSeq: 2, stream: '', event: { type: 'X' } }])).rejects.toThrow(/stream/);
    expect(branch.getState()).toMatchObject({ plan: { inject: [] }, error: expect.stringMatching(/stream/) });
  });

  test('an open the rules refuse never shows as a branch: no plan at any moment; the caller gets the BranchRuleError', async () => {
    const eventStore = await openEventStore({ name: 'branch-refused-open' });
    await count(eventStore, 1, 10, 100, 1000);
    let refuse = true;
    const rules = async () => (refuse ? { rule: 'FUNDS' as const, message: 'Account 1 holds 0.00, less than 1.00.' } : undefined);
    const branch = createWhatIfBranch({ eventStore, projections: [counter], rules });
    const plans: unknown[] = [];
    branch.subscribe((s) => plans.push(s.plan));

    await expect(branch.open({ basePoint: 4, skip: [2], inject: [] })).rejects.toMatchObject({ name: 'BranchRuleError', message: /rule FUNDS/ });
    expect(plans.filter((p) => p !== undefined)).toEqual([]);
    expect(branch.getState()).toMatchObject({ plan: undefined, loading: false, error: expect.stringMatching(/rule FUNDS/) });

    // Accepted, the plan arrives with its result; a change to that open branch shows at once, and a refused one is undone and kept as the error.
    refuse = false;
    await branch.open({ basePoint: 4, skip: [2], inject: [] });
    expect(branch.getState()).toMatchObject({ plan: { skip: [2] }, result: { states: { counter: 1101 } } });
    refuse = true;
    plans.length = 0;
    await expect(branch.toggleSkip(3)).rejects.toThrow(/FUNDS/);
    expect(plans).toContainEqual({ basePoint: 4, skip: [2, 3], inject: [] });
    expect(branch.getState()).toMatchObject({ plan: { skip: [2] }, error: expect.stringMatching(/rule FUNDS/) });
  });

  test('discard ends the branch; reopening a saved plan gives the same state', async () => {
    const { branch } = await setUp();
    await branch.start(3);
    await branch.inject([plusOne(3)]);
    const plan = branch.getState().plan!;
    const saved = JSON.parse(JSON.stringify(plan));
    branch.discard();
    expect(branch.getState()).toEqual({ loading: false });
    await branch.open(saved);
    expect(branch.getState().result?.states.counter).toBe(1116);
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
    const partitioned = branch.getState().result!;
    expect(partitioned).toMatchObject({ method: 'partitioned', fromSeq: 61, toSeq: 120, eventCount: 61 });

    const seen: number[] = [];
    const replaying = createWhatIfBranch({ eventStore, projections: ledgerProjections, shortcut: async () => undefined });
    replaying.subscribe((s) => s.progress && seen.push(s.progress.done));
    await replaying.open(plan);
    expect(replaying.getState()).toMatchObject({ loading: false, progress: undefined, result: { method: 'replayed' } });
    expect(seen).toContain(60);
    expect(partitioned.states).toEqual(replaying.getState().result!.states);

    // An image still booting holds no events yet: the branch still runs to the log's end.
    const booting = createWhatIfBranch({ eventStore, projections: ledgerProjections, live: () => ({ seq: 0, states: foldAll(ledgerProjections, []) }) });
    await booting.open(plan);
    expect(booting.getState().result).toEqual(partitioned);
  });
});
