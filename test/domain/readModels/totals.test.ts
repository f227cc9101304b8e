import { expect, test } from 'vitest';
import type { StoredEvent } from '../../../src/eventstore/index.ts';
import { totalsProjection } from '../../../src/domain/index.ts';
import { DamagedEventError } from '../../../src/lib/damagedEventError.ts';
import { foldAll, ReplayError } from '../../../src/replay/index.ts';

const ADA = '1111222233334444';
const added = (seq: number, amount: unknown): StoredEvent => ({
  type: 'FundsAdded',
  payload: { accountNumber: ADA, amount } as StoredEvent['payload'],
  meta: { id: `e${seq}`, seq, stream: `account-${ADA}`, version: seq, at: '2025-01-01T00:00:00.000Z' },
});

test('given a deposit of a fraction of a cent, when the totals fold it, then the event is damaged at its seq', () => {
  const fold = () => totalsProjection.apply(totalsProjection.initial, added(7, 10.5));
  expect(fold).toThrow(DamagedEventError);
  expect(fold).toThrow(expect.objectContaining({ seq: 7, message: 'Event 7 is damaged in the log and cannot be read (its amount is 10.5, not a whole number of cents above zero).' }) as Error);
});

test('given a damaged amount after sound events, when they are replayed, then the replay stops there with no cause', () => {
  let error: unknown;
  try {
    foldAll([totalsProjection], [added(1, 500), added(2, 'lots')]);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ReplayError);
  expect(error).toMatchObject({ seq: 2 });
  expect((error as ReplayError).cause).toBeUndefined();
});
