import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { StoredEvent } from '../../src/eventstore/index.ts';
import { ledgerProjections } from '../../src/domain/index.ts';
import { syntheticLedger } from '../../src/domain/sample/synthetic.ts';
import { applyEvent, foldAll, foldInto, initialCursors, ReplayError, statesOf, type Projection } from '../../src/replay/index.ts';
import { deepFreeze, ledgerLog, batchSizes, batchesOf } from '../domain/readModels/arbitraries.ts';
import { counter, seen } from './counter.ts';

const counted = (seq: number, by = 1): StoredEvent => ({
  type: 'Counted',
  payload: { by },
  meta: { id: `c${seq}`, seq, stream: 'counter-1', version: seq, at: '2026-01-01T00:00:00.000Z' },
});

/** The counter with a batch fold that counts how often it is used. */
function batchedCounter(): Projection<number> & { batches: number } {
  const batched = {
    ...counter,
    batches: 0,
    applyMany(state: number, events: readonly StoredEvent[]) {
      batched.batches += 1;
      return events.reduce(counter.apply, state);
    },
  };
  return batched;
}

describe('foldInto', () => {
  test('batch by batch equals the one-by-one fold for every ledger projection', () => {
    fc.assert(
      fc.property(ledgerLog(), batchSizes, (events, sizes) => {
        const cursors = initialCursors(ledgerProjections);
        for (const batch of batchesOf(events, sizes)) {
          for (const cursor of Object.values(cursors)) deepFreeze(cursor.state);
          foldInto(ledgerProjections, cursors, batch);
        }
        expect(statesOf(cursors)).toEqual(foldAll(ledgerProjections, events));
      }),
      { numRuns: 60 },
    );
  });

  test('uses applyMany for a batch and apply for a single event', () => {
    const batched = batchedCounter();
    const cursors = initialCursors([batched]);
    foldInto([batched], cursors, [counted(1), counted(2, 5)]);
    foldInto([batched], cursors, [counted(3, 10)]);
    expect(cursors.counter).toEqual({ seq: 3, state: 16 });
    expect(batched.batches).toBe(1);
  });

  test('a projection resumed from a later snapshot skips what it has seen, as one by one does', () => {
    const batched = batchedCounter();
    const cursors = { counter: { seq: 2, state: 100 }, seen: { seq: 0, state: seen.initial } };
    // Out-of-order seqs (never in a replay) are taken as the one-by-one fold takes them.
    const events = [1, 2, 3, 4, 3, 5].map((seq) => counted(seq));
    foldInto([batched, seen], cursors, events);
    const expected = { counter: { seq: 2, state: 100 }, seen: { seq: 0, state: seen.initial } };
    for (const event of events) applyEvent([counter, seen], expected, event, true);
    expect(cursors).toEqual(expected);
    expect(cursors.counter).toEqual({ seq: 5, state: 103 });
  });

  test('a damaged event stops the fold after the events before it, naming its seq', () => {
    const batched = batchedCounter();
    const cursors = initialCursors([batched]);
    const events = [counted(1), counted(2), { meta: { seq: 3 } } as StoredEvent, counted(4)];
    expect(() => foldInto([batched], cursors, events)).toThrow(expect.objectContaining({ name: 'ReplayError', seq: 3 }));
    expect(cursors.counter).toEqual({ seq: 2, state: 2 });
  });

  test('a projection failing inside a batch stops at the exact event, its state just before it', () => {
    const failing: Projection<number> = {
      ...counter,
      apply: (state, event) => {
        if (event.meta.seq === 3) throw new Error('boom');
        return counter.apply(state, event);
      },
      applyMany: (state, events) => events.reduce(failing.apply, state),
    };
    const cursors = initialCursors([failing]);
    const error = (() => {
      try {
        foldInto([failing], cursors, [1, 2, 3, 4].map((seq) => counted(seq)));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ReplayError);
    expect(error).toMatchObject({ seq: 3, message: expect.stringContaining('"counter" failed on event 3') });
    expect(cursors.counter).toEqual({ seq: 2, state: 2 });
  });

  test('folds a synthetic ledger in batches to the same states as foldAll', () => {
    const events = [...syntheticLedger({ accounts: 300, events: 8_000, seed: 5 })];
    const cursors = initialCursors(ledgerProjections);
    for (let i = 0; i < events.length; i += 777) foldInto(ledgerProjections, cursors, events.slice(i, i + 777));
    expect(statesOf(cursors)).toEqual(foldAll(ledgerProjections, events));
  });
});
