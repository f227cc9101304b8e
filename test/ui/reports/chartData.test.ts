import { expect, test } from 'vitest';
import type { JsonValue, StoredEvent } from '../../../src/eventstore/index.ts';
import { accountsProjection, accountStream, reportsProjection, type HistoryEntry } from '../../../src/domain/index.ts';
import { balanceChartData, chartedAccounts } from '../../../src/ui/reports/chartData.ts';
import { foldForward } from '../../domain/readModels/historyFold.ts';

const numbers = ['1000000000000001', '1000000000000002', '1000000000000003'];

let seq = 0;
const event = (number: string, type: string, at: string, payload: Record<string, JsonValue> = {}): StoredEvent => ({
  type,
  payload: { accountNumber: number, ...payload },
  meta: { id: `e${++seq}`, seq, stream: accountStream(number), version: seq, at },
});

const log = [
  ...numbers.map((n, i) => event(n, 'AccountOpened', '2025-03-01T08:00:00.000Z', { owner: `Owner ${i + 1}`, email: `o${i}@example.org` })),
  event(numbers[0]!, 'FundsAdded', '2025-03-01T09:00:00.000Z', { amount: 5_000 }),
  event(numbers[1]!, 'FundsAdded', '2025-03-02T09:00:00.000Z', { amount: 9_000 }),
  event(numbers[0]!, 'FundsWithdrawn', '2025-03-02T10:00:00.000Z', { amount: 1_000 }),
  event(numbers[0]!, 'FundsAdded', '2025-03-02T11:00:00.000Z', { amount: 500 }),
  event(numbers[2]!, 'FundsAdded', '2025-03-04T09:00:00.000Z', { amount: 100 }),
];

test('the chart draws the accounts holding the most, each day closing at its last balance, carried over quiet days', () => {
  const accounts = log.reduce(accountsProjection.apply, accountsProjection.initial);
  const reports = log.reduce(reportsProjection.apply, reportsProjection.initial);
  const charted = chartedAccounts(accounts, 2);
  expect(charted.shown.map((a) => a.owner)).toEqual(['Owner 2', 'Owner 1']);
  expect(charted.hidden).toBe(1);
  // Histories as they are read: newest first.
  const histories = new Map<string, HistoryEntry[]>(
    charted.shown.map((a) => [a.accountNumber, foldForward(log.filter((e) => e.meta.stream === accountStream(a.accountNumber)))]),
  );
  const data = balanceChartData(reports, charted, histories);
  expect(data.days).toEqual(['2025-03-01', '2025-03-02', '2025-03-04']);
  expect(data.total.values).toEqual([5_000, 13_500, 13_600]);
  expect(data.accounts).toEqual([
    { label: 'Owner 2', values: [0, 9_000, 9_000] },
    { label: 'Owner 1', values: [5_000, 4_500, 4_500] },
  ]);
  expect(data.hidden).toBe(1);
});
