import { describe, expect, test } from 'vitest';
import { openEventStore } from '../../src/eventstore/index.ts';
import { createWhatIfBranch } from '../../src/store/whatIfBranch.ts';
import { count, counter } from '../replay/counter.ts';

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
