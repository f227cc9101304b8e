import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { StoredEvent } from '../../../src/eventstore/index.ts';
import { accountsProjection } from '../../../src/domain/readModels/accounts.ts';
import { outboxProjection } from '../../../src/domain/readModels/outbox.ts';
import { reportsProjection } from '../../../src/domain/readModels/reports.ts';
import { spendingProjection } from '../../../src/domain/readModels/spending.ts';
import { totalsProjection } from '../../../src/domain/readModels/totals.ts';
import { syntheticLedger } from '../../../src/domain/sample/synthetic.ts';
import type { Projection } from '../../../src/replay/index.ts';
import { deepFreeze, ledgerLog, batchSizes, batchesOf } from './arbitraries.ts';

const batched: Projection<unknown>[] = [accountsProjection, reportsProjection, spendingProjection, outboxProjection, totalsProjection] as never;

/** Folds batch by batch with applyMany, each input state frozen, and checks every batch against apply one by one. */
function checkBatches(projection: Projection<unknown>, events: readonly StoredEvent[], sizes: readonly number[], snapshotAfter = -1): void {
  let batched = projection.initial;
  let single = projection.initial;
  batchesOf(events, sizes).forEach((batch, i) => {
    for (const event of batch) single = projection.apply(single, event);
    batched = projection.applyMany!(deepFreeze(batched), batch);
    expect(batched).toEqual(single);
    expect(JSON.stringify(batched)).toBe(JSON.stringify(single));
    // A snapshot goes through structured clone: structure shared with older states is gone.
    if (i === snapshotAfter) batched = structuredClone(batched);
  });
}

describe.each(batched.map((p) => [p.name, p] as const))('%s.applyMany', (_name, projection) => {
  test('over any split of any log equals apply one event at a time, and never changes the state it is given', () => {
    fc.assert(
      fc.property(ledgerLog(), batchSizes, fc.integer({ min: -1, max: 6 }), (events, sizes, snapshotAfter) =>
        checkBatches(projection, events, sizes, snapshotAfter),
      ),
      { numRuns: 150 },
    );
  });

  test('equals apply over a synthetic ledger large enough to fill every structure', () => {
    const events = [...syntheticLedger({ accounts: 400, events: 6_000, seed: 8 })];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2_500 }), { minLength: 1, maxLength: 6 }), (sizes) => checkBatches(projection, events, sizes)),
      { numRuns: 4 },
    );
  });

  test('a batch that changes nothing gives back the same state', () => {
    const state = deepFreeze(projection.applyMany!(projection.initial, [...syntheticLedger({ accounts: 3, events: 40, seed: 2 })]));
    // A verification moves no money and opens nothing.
    const verified: StoredEvent = { type: 'AccountVerified', payload: { accountNumber: '1111222233334444' }, meta: { id: 'x', seq: 41, stream: 'account-1111222233334444', version: 9, at: '2025-01-01T00:00:00.000Z' } };
    expect(projection.applyMany!(state, [verified, verified])).toBe(state);
    expect(projection.applyMany!(state, [])).toBe(state);
  });
});
