import { expect, test } from 'vitest';
import { commandPlan } from '../../../bench/ui/amounts.ts';

test('commands alternate deposits and small withdrawals, typed the plain way and signed as the history shows them', () => {
  expect(commandPlan(0, 0, true)).toEqual({ form: 'Add funds', kind: 'Deposit', cents: 10_000, typed: '100.00', signed: '100.00' });
  expect(commandPlan(0, 1, true)).toEqual({ form: 'Withdraw', kind: 'Withdrawal', cents: 103, typed: '1.03', signed: '-1.03' });
  expect(commandPlan(5, 2, true)).toMatchObject({ form: 'Add funds', cents: 10_279, typed: '102.79' });
  expect(commandPlan(0, 1, false)).toMatchObject({ form: 'Add funds', kind: 'Deposit' });
});

test('amounts of one kind never repeat, and each withdrawal is smaller than the deposit before it', () => {
  for (const seed of [0, 7, 20_260_101, -3]) {
    const plans = Array.from({ length: 1000 }, (_, i) => commandPlan(seed, i, true));
    const deposits = plans.filter((p) => p.kind === 'Deposit').map((p) => p.cents);
    const withdrawals = plans.filter((p) => p.kind === 'Withdrawal').map((p) => p.cents);
    expect(new Set(deposits).size).toBe(deposits.length);
    expect(new Set(withdrawals).size).toBe(withdrawals.length);
    withdrawals.forEach((cents, i) => expect(cents).toBeLessThan(deposits[i]!));
    for (const p of plans) expect(Number(p.typed) * 100).toBeCloseTo(p.cents, 6);
  }
});

test('an index is a whole number from 0', () => {
  expect(() => commandPlan(1, -1, true)).toThrow(RangeError);
  expect(() => commandPlan(1, 1.5, true)).toThrow(RangeError);
});
