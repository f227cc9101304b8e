import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { StoredEvent } from '../../../src/eventstore/index.ts';
import {
  accountStream,
  localDay,
  moveSpending,
  spendingProjection,
  syntheticLedger,
  withoutUnusedCategories,
  type SpendingState,
  upcastAll,
  type UtcOffsetAt,
} from '../../../src/domain/index.ts';
import { spendingByCategory } from '../../../src/domain/readModels/spendingByCategory.ts';

const NUMBER = '4000000000000001';
let seq = 0;
const withdrawal = (at: string, amount: number, category?: string): StoredEvent => {
  seq += 1;
  return {
    type: 'FundsWithdrawn',
    payload: { accountNumber: NUMBER, amount, ...(category === undefined ? {} : { category }) },
    meta: { id: `w${seq}`, seq, stream: accountStream(NUMBER), version: seq, at, schema: 2 },
  };
};
const deposit = (at: string, amount: number): StoredEvent => ({
  type: 'FundsAdded',
  payload: { accountNumber: NUMBER, amount, category: 'Salary' },
  meta: { id: `d${at}`, seq: 0, stream: accountStream(NUMBER), version: 0, at, schema: 2 },
});

const fold = (events: readonly StoredEvent[]): SpendingState => events.reduce(spendingProjection.apply, spendingProjection.initial);
const fixed = (minutes: number): UtcOffsetAt => () => minutes;
/** Berlin as data: +1 in winter, +2 from the last Sunday of March (01:00 UTC) to the last Sunday of October, in 2025. */
const berlin2025: UtcOffsetAt = (ms) => (ms >= Date.UTC(2025, 2, 30, 1) && ms < Date.UTC(2025, 9, 26, 1) ? 120 : 60);

/** Month → category → amount, the shape the tests compare. */
const byMonth = (state: SpendingState, offsetAt: UtcOffsetAt) =>
  Object.fromEntries(spendingByCategory(state, offsetAt).months.map((m) => [m.month, Object.fromEntries(m.categories.map((c) => [c.category, c.amount]))]));

describe('spending by category, per local month', () => {
  const log = [
    withdrawal('2025-01-31T20:00:00.000Z', 1_000, 'Groceries'), // Feb 1, 01:30 in +05:30
    withdrawal('2025-02-01T03:00:00.000Z', 5_000, 'Rent'), // Jan 31, 19:00 in -08:00
    withdrawal('2025-02-15T12:00:00.000Z', 300, 'Groceries'),
    withdrawal('2024-12-31T23:59:59.999Z', 200, 'Utilities'), // New Year's Day in +05:30
    deposit('2025-02-10T00:00:00.000Z', 9_999),
  ];
  const state = fold(log);

  test('a withdrawal near a month edge lands in the month of the zone it is read in', () => {
    expect(byMonth(state, fixed(0))).toEqual({
      '2024-12': { Utilities: 200 },
      '2025-01': { Groceries: 1_000 },
      '2025-02': { Rent: 5_000, Groceries: 300 },
    });
    expect(byMonth(state, fixed(330))).toEqual({
      '2025-01': { Utilities: 200 },
      '2025-02': { Rent: 5_000, Groceries: 1_300 },
    });
    expect(byMonth(state, fixed(-480))).toEqual({
      '2024-12': { Utilities: 200 },
      '2025-01': { Rent: 5_000, Groceries: 1_000 },
      '2025-02': { Groceries: 300 },
    });
  });

  test('the farthest zones from UTC (+14:00, -12:00) and a summer-time change are exact to the quarter of an hour', () => {
    const edges = fold([
      withdrawal('2025-03-31T09:59:59.000Z', 1, 'Rent'), // 23:59 in +14:00: still March
      withdrawal('2025-03-31T10:00:00.000Z', 2, 'Rent'), // midnight in +14:00: April
      withdrawal('2025-04-01T11:59:00.000Z', 4, 'Rent'), // 23:59 on Mar 31 in -12:00
      withdrawal('2025-04-01T12:00:00.000Z', 8, 'Rent'), // April in -12:00
      withdrawal('2025-09-30T21:59:00.000Z', 16, 'Rent'), // 23:59 in Berlin's summer
      withdrawal('2025-09-30T22:00:00.000Z', 32, 'Rent'), // October in Berlin's summer, still September in winter time
    ]);
    expect(byMonth(edges, fixed(14 * 60))).toEqual({ '2025-03': { Rent: 1 }, '2025-04': { Rent: 14 }, '2025-10': { Rent: 48 } });
    expect(byMonth(edges, fixed(-12 * 60))).toEqual({ '2025-03': { Rent: 7 }, '2025-04': { Rent: 8 }, '2025-09': { Rent: 48 } });
    expect(byMonth(edges, berlin2025)).toEqual({ '2025-03': { Rent: 3 }, '2025-04': { Rent: 12 }, '2025-09': { Rent: 16 }, '2025-10': { Rent: 32 } });
  });

  test('in any zone, every month equals the sum of the withdrawals dated in it there', () => {
    const arbitraryWithdrawal = fc.record({
      at: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 0, 1) }).map((t) => new Date(t).toISOString()),
      amount: fc.integer({ min: 1, max: 1_000_000 }),
      category: fc.constantFrom('Rent', 'Groceries', 'Transport', 'Eating out'),
    });
    // Every zone on Earth: -12:00 to +14:00, by quarters of an hour.
    const offset = fc.integer({ min: -48, max: 56 }).map((q) => q * 15);
    fc.assert(
      fc.property(fc.array(arbitraryWithdrawal, { maxLength: 60 }), offset, (drafts, minutes) => {
        const expected: Record<string, Record<string, number>> = {};
        for (const { at, amount, category } of drafts) {
          const month = localDay(at, fixed(minutes)).slice(0, 7);
          (expected[month] ??= {})[category] = (expected[month]![category] ?? 0) + amount;
        }
        expect(byMonth(fold(drafts.map((d) => withdrawal(d.at, d.amount, d.category))), fixed(minutes))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  test('category names are kept once, sorted, and the months refer to them by index', () => {
    const many = fold([...syntheticLedger({ accounts: 20, events: 3_000, seed: 4 })]);
    expect(many.categories).toEqual([...new Set(many.categories)].sort());
    expect(many.categories.length).toBeGreaterThan(3);
    const months = JSON.stringify(many.months);
    for (const name of many.categories) expect(months).not.toContain(name);
    // A withdrawal recorded before categories existed counts as Uncategorized.
    expect(fold([withdrawal('2025-05-05T10:00:00.000Z', 70)]).categories).toEqual(['Uncategorized']);
  });

  test('only what left the ledger is kept: deposits and other events change nothing, and the middle of a month is one total', () => {
    expect(fold([deposit('2025-02-10T00:00:00.000Z', 9_999)])).toBe(spendingProjection.initial);
    const mid = fold([withdrawal('2025-06-10T08:00:00.000Z', 5, 'Rent'), withdrawal('2025-06-20T17:30:00.000Z', 6, 'Rent')]);
    expect(mid.months).toEqual({ '2025-06': { 0: { total: 11, edges: {} } } });
  });

  test('taking withdrawals away (a what-if branch) gives the state of the log without them', () => {
    const logs = fc.array(
      fc.record({
        at: fc.integer({ min: Date.UTC(2024, 11, 30), max: Date.UTC(2025, 1, 2) }).map((t) => new Date(t).toISOString()),
        amount: fc.integer({ min: 1, max: 1_000 }),
        category: fc.constantFrom('Rent', 'Groceries', 'Ärzte', 'Zoo tickets'),
        skipped: fc.boolean(),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(logs, (drafts) => {
        const events = drafts.map((d) => ({ event: withdrawal(d.at, d.amount, d.category), skipped: d.skipped }));
        const live = fold(events.map((e) => e.event));
        const branch = withoutUnusedCategories(events.filter((e) => e.skipped).reduce((state, e) => moveSpending(state, e.event, -1), live));
        expect(branch).toEqual(fold(events.filter((e) => !e.skipped).map((e) => e.event)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('spendingByCategory', () => {
  const state = fold([
    withdrawal('2025-01-10T10:00:00.000Z', 100, 'Transport'),
    withdrawal('2025-01-11T10:00:00.000Z', 900, 'Rent'),
    withdrawal('2025-02-10T10:00:00.000Z', 400, 'Transport'),
    withdrawal('2025-02-11T10:00:00.000Z', 100, 'Rent'),
    withdrawal('2025-02-12T10:00:00.000Z', 500, 'Groceries'),
    withdrawal('2025-03-12T10:00:00.000Z', 50, 'Groceries'),
  ]);

  test('lists categories largest first over the months asked for, in that order in every month, with totals and shares', () => {
    const report = spendingByCategory(state, undefined, { from: '2025-01', to: '2025-02' });
    expect(report.categories).toEqual([
      { category: 'Rent', amount: 1_000 },
      { category: 'Groceries', amount: 500 },
      { category: 'Transport', amount: 500 },
    ]);
    expect(report.total).toBe(2_000);
    expect(report.months).toEqual([
      { month: '2025-01', total: 1_000, categories: [{ category: 'Rent', amount: 900, share: 0.9 }, { category: 'Transport', amount: 100, share: 0.1 }] },
      {
        month: '2025-02',
        total: 1_000,
        categories: [
          { category: 'Rent', amount: 100, share: 0.1 },
          { category: 'Groceries', amount: 500, share: 0.5 },
          { category: 'Transport', amount: 400, share: 0.4 },
        ],
      },
    ]);
  });

  test('one month, or every month when none is named; a month without spending is left out', () => {
    expect(spendingByCategory(state, undefined, '2025-03')).toEqual({
      months: [{ month: '2025-03', total: 50, categories: [{ category: 'Groceries', amount: 50, share: 1 }] }],
      categories: [{ category: 'Groceries', amount: 50 }],
      total: 50,
    });
    expect(spendingByCategory(state).months.map((m) => m.month)).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(spendingByCategory(state, undefined, '2025-04')).toEqual({ months: [], categories: [], total: 0 });
  });

  test('a month not written as YYYY-MM, or months that run backwards, are refused with a message saying so', () => {
    expect(() => spendingByCategory(state, undefined, '2025-13')).toThrow('“2025-13” is not a month: write it as YYYY-MM, such as 2025-03.');
    expect(() => spendingByCategory(state, undefined, { from: '2025-3', to: '2025-04' })).toThrow(RangeError);
    expect(() => spendingByCategory(state, undefined, { from: '2025-04', to: '2025-03' })).toThrow('The months run backwards: 2025-04 comes after 2025-03.');
  });
});

test('a log Rewind 0.1.0 exported, before categories, reads as Uncategorized spending, month by month as its withdrawals add up', () => {
  const lines = readFileSync(new URL('../../fixtures/schema-1/household.ndjson', import.meta.url), 'utf8').trim().split('\n').slice(1);
  const stored = lines.map((line) => JSON.parse(line) as StoredEvent);
  const withdrawn: Record<string, Record<string, number>> = {};
  for (const e of stored) {
    if (e.type !== 'FundsWithdrawn') continue;
    const month = (withdrawn[e.meta.at.slice(0, 7)] ??= { Uncategorized: 0 });
    month.Uncategorized! += (e.payload as { amount: number }).amount;
  }
  const state = spendingProjection.applyMany!(spendingProjection.initial, upcastAll(stored));
  expect(state.categories).toEqual(['Uncategorized']);
  expect(byMonth(state, fixed(0))).toEqual(withdrawn);
  expect(Object.keys(withdrawn)).toHaveLength(12);
});
