import { afterEach, describe, expect, test } from 'vitest';
import { accountStream, upcastAll, type HistoryEntry } from '../../../src/domain/index.ts';
import { readAccountHistory } from '../../../src/app/parts.ts';
import { currentShapes } from '../../../src/app/currentShapes.ts';
import type { HistoryOrigin } from '../../../src/app/index.ts';
import { openLedger, type Ledger } from '../testLedger.ts';
import { foldForward } from '../../domain/readModels/historyFold.ts';

let ledger: Ledger;
afterEach(() => ledger.close());

/**
 * Ada's account: an uncategorised opening deposit, a deposit recorded before categories existed (schema 1),
 * then forty withdrawals (each with its message on the stream), every eighth of them "Eating out" and the
 * rest Groceries, and a Salary transfer in from Bob.
 */
async function adaWithCategories() {
  ledger = await openLedger();
  const ada = await ledger.open('Ada Lovelace', 'ada@example.org', 100_000);
  const bob = await ledger.open('Bob Babbage', 'bob@example.org', 50_000);
  await ledger.verify(ada);
  await ledger.verify(bob);
  await ledger.store.append(accountStream(ada), [{ type: 'FundsAdded', payload: { accountNumber: ada, amount: 1_000, note: 'old' } }]);
  for (let i = 0; i < 40; i++)
    await ledger.run({ type: 'Withdraw', account: ada, amount: 100 + i, category: i % 8 === 3 ? 'Eating out' : 'groceries' });
  await ledger.run({ type: 'Transfer', from: bob, to: ada, amount: 20_000, category: 'Salary', note: 'March' });
  const reader = currentShapes(ledger.store);
  const events = await reader.readStream(accountStream(ada));
  const all = foldForward(upcastAll(events));
  const origin: HistoryOrigin = { accountNumber: ada, balance: all[0]!.balance, version: events.at(-1)!.meta.version };
  return { reader, origin, all };
}

/** Every batch of `limit` lines of one category, checking each batch but the last is full. */
async function batches(reader: ReturnType<typeof currentShapes>, origin: HistoryOrigin, category: string, limit: number) {
  const lines: HistoryEntry[] = [];
  let batch = await readAccountHistory(reader, origin, { limit, category });
  for (;;) {
    lines.push(...batch.entries);
    if (!batch.next) return lines;
    expect(batch.entries).toHaveLength(limit);
    batch = await readAccountHistory(reader, origin, { after: batch.next, limit, category });
  }
}

describe('an account history narrowed to one category', () => {
  test('each movement carries its category: chosen, a preset in its own spelling, or Uncategorized', async () => {
    const { all } = await adaWithCategories();
    expect(all[0]).toMatchObject({ kind: 'transfer-in', category: 'Salary', note: 'March' });
    expect(all[1]).toMatchObject({ kind: 'withdrawal', category: 'Groceries' });
    const deposits = all.filter((line) => line.kind === 'deposit');
    expect(deposits.map((line) => [line.note, line.category])).toEqual([
      ['old', 'Uncategorized'],
      ['Initial deposit', 'Uncategorized'],
    ]);
    expect(all.filter((line) => line.kind === 'verified' || line.kind === 'opened').every((line) => line.category === undefined)).toBe(true);
  });

  test('a batch holds `limit` lines of the category however many others lie between, with the balances of the whole history', async () => {
    const { reader, origin, all } = await adaWithCategories();
    const eatingOut = all.filter((line) => line.category === 'Eating out');
    expect(eatingOut).toHaveLength(5);
    expect(await batches(reader, origin, 'Eating out', 2)).toEqual(eatingOut);
    const first = await readAccountHistory(reader, origin, { limit: 20, category: 'Eating out' });
    expect(first.entries).toEqual(eatingOut);
    expect(first.next).toBeUndefined();
    expect(await batches(reader, origin, 'Uncategorized', 1)).toEqual(all.filter((line) => line.category === 'Uncategorized'));
    expect(await batches(reader, origin, 'Groceries', 7)).toEqual(all.filter((line) => line.category === 'Groceries'));
  });

  test('a category no movement has gives an empty history, and no line of another category', async () => {
    const { reader, origin } = await adaWithCategories();
    expect(await readAccountHistory(reader, origin, { limit: 20, category: 'Rent' })).toEqual({ entries: [] });
  });
});
