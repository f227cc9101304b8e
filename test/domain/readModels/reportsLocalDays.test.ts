import { expect, test } from 'vitest';
import type { JsonValue, StoredEvent } from '../../../src/eventstore/index.ts';
import { accountStream, balanceSeries, moneyMovedBy, reportsProjection, type UtcOffsetAt } from '../../../src/domain/index.ts';

/** A time zone as the data the reports take: its offset from UTC, in minutes, at each instant (DST included). */
function zone(timeZone: string): UtcOffsetAt {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
  return (ms) => {
    const part = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, Number(p.value)]));
    return (Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!) - Math.floor(ms / 60_000) * 60_000) / 60_000;
  };
}

const berlin = zone('Europe/Berlin');
const newYork = zone('America/New_York');

let seq = 0;
const event = (type: string, at: string, amount: number): StoredEvent => ({
  type,
  payload: { accountNumber: '1000000000000001', amount, to: '1000000000000002' } as Record<string, JsonValue>,
  meta: { id: `e${++seq}`, seq, stream: accountStream('1000000000000001'), version: seq, at },
});

const log = [
  event('FundsAdded', '2025-03-01T09:00:00.000Z', 100_000),
  // 00:30 on the 10th in Berlin, 19:30 on the 9th in New York (on summer time since that morning).
  event('FundsWithdrawn', '2025-03-09T23:30:00.000Z', 1_000),
  // 04:30 on the 10th in Berlin, 23:30 on the 9th in New York.
  event('TransferSent', '2025-03-10T03:30:00.000Z', 2_000),
  // New Year's Day 2026 in Berlin, New Year's Eve in New York.
  event('FundsWithdrawn', '2025-12-31T23:15:00.000Z', 500),
];
const reports = log.reduce(reportsProjection.apply, reportsProjection.initial);

test('money moved is grouped by the calendar days, months and years of the time zone given', () => {
  expect(moneyMovedBy(reports, 'day')).toEqual([
    { period: '2025-03-09', amount: 1_000 },
    { period: '2025-03-10', amount: 2_000 },
    { period: '2025-12-31', amount: 500 },
  ]);
  expect(moneyMovedBy(reports, 'day', berlin)).toEqual([
    { period: '2025-03-10', amount: 3_000 },
    { period: '2026-01-01', amount: 500 },
  ]);
  expect(moneyMovedBy(reports, 'day', newYork)).toEqual([
    { period: '2025-03-09', amount: 3_000 },
    { period: '2025-12-31', amount: 500 },
  ]);
  expect(moneyMovedBy(reports, 'month', berlin)).toEqual([
    { period: '2025-03', amount: 3_000 },
    { period: '2026-01', amount: 500 },
  ]);
  expect(moneyMovedBy(reports, 'year', berlin)).toEqual([
    { period: '2025', amount: 3_000 },
    { period: '2026', amount: 500 },
  ]);
  expect(moneyMovedBy(reports, 'year', newYork)).toEqual([{ period: '2025', amount: 3_500 }]);
});

test('the money in the system closes each local day', () => {
  expect(balanceSeries(reports, berlin)).toEqual([
    { day: '2025-03-01', total: 100_000 },
    { day: '2025-03-10', total: 99_000 },
    { day: '2026-01-01', total: 98_500 },
  ]);
  expect(balanceSeries(reports, newYork)).toEqual([
    { day: '2025-03-01', total: 100_000 },
    { day: '2025-03-09', total: 99_000 },
    { day: '2025-12-31', total: 98_500 },
  ]);
});

test('zones a quarter or half an hour off the hour get their days right too', () => {
  const near = [
    event('TransferSent', '2025-06-10T18:10:00.000Z', 1), // Kathmandu (+5:45) 23:55, Kolkata (+5:30) 23:40
    event('TransferSent', '2025-06-10T18:20:00.000Z', 10), // Kathmandu 00:05 on the 11th, Kolkata 23:50
    event('TransferSent', '2025-06-10T18:35:00.000Z', 100), // Kathmandu 00:20, Kolkata 00:05 on the 11th
  ].reduce(reportsProjection.apply, reportsProjection.initial);
  expect(moneyMovedBy(near, 'day', zone('Asia/Kathmandu'))).toEqual([
    { period: '2025-06-10', amount: 1 },
    { period: '2025-06-11', amount: 110 },
  ]);
  expect(moneyMovedBy(near, 'day', zone('Asia/Kolkata'))).toEqual([
    { period: '2025-06-10', amount: 11 },
    { period: '2025-06-11', amount: 100 },
  ]);
});

test('the stored state holds no time zone: kept in a snapshot and read back, it groups the same', () => {
  const stored = structuredClone(reportsProjection.applyMany!(reportsProjection.initial, log));
  expect(stored).toEqual(reports);
  expect(moneyMovedBy(stored, 'day', berlin)).toEqual(moneyMovedBy(reports, 'day', berlin));
});
