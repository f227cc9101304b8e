import { afterEach, beforeEach, expect, test } from 'vitest';
import type { StoredEvent } from '../../../src/eventstore/index.ts';
import {
  balanceSeries,
  getMessage,
  inactiveAccounts,
  listMessages,
  messageLink,
  parseVerificationQuery,
  moneyMovedBy,
  searchAccounts,
  getAccount,
  listAccounts,
  accountStream,
  orderCategories,
  syntheticLedger,
  usedCategories,
  type AccountsState,
  type OutboxState,
  type ReportsState,
} from '../../../src/domain/index.ts';
import { fold, openLedger, type Ledger } from '../../app/testLedger.ts';

let ledger: Ledger;
let ada: string;
let bob: string;
beforeEach(async () => {
  ledger = await openLedger();
  ada = await ledger.open('Ada Lovelace', 'ada@example.org', 100_000);
  bob = await ledger.open('Bob Babbage', 'bob@example.org');
  await ledger.verify(ada);
});
afterEach(() => ledger.close());

/** The log with each event's time replaced, to place events on chosen days. */
async function logAt(...times: [type: string, at: string][]): Promise<StoredEvent[]> {
  const log = await ledger.store.readAll();
  const queue = [...times];
  return log.map((e) => (queue[0] && e.type === queue[0][0] ? { ...e, meta: { ...e.meta, at: queue.shift()![1] } } : e));
}

test('reports: money moved (transfers once, plus withdrawals) by year, month and day', async () => {
  await ledger.run({ type: 'Withdraw', account: ada, amount: 1_000 });
  await ledger.run({ type: 'Transfer', from: ada, to: bob, amount: 2_000 });
  await ledger.run({ type: 'Withdraw', account: ada, amount: 4_000 });
  const log = await logAt(
    ['FundsWithdrawn', '2024-12-31T23:59:59.000Z'],
    ['TransferSent', '2025-01-01T00:00:00.000Z'],
    ['FundsWithdrawn', '2025-01-01T10:00:00.000Z'],
  );
  const reports = fold(log).reports as ReportsState;
  expect(moneyMovedBy(reports, 'year')).toEqual([
    { period: '2024', amount: 1_000 },
    { period: '2025', amount: 6_000 },
  ]);
  expect(moneyMovedBy(reports, 'month')).toEqual([
    { period: '2024-12', amount: 1_000 },
    { period: '2025-01', amount: 6_000 },
  ]);
  expect(moneyMovedBy(reports, 'day')).toEqual([
    { period: '2024-12-31', amount: 1_000 },
    { period: '2025-01-01', amount: 6_000 },
  ]);
  // The deposit kept the clock's date (2025-03-01) though it came first: it counts from the day it is dated.
  expect(balanceSeries(reports)).toEqual([
    { day: '2024-12-31', total: -1_000 },
    { day: '2025-01-01', total: -5_000 },
    { day: '2025-03-01', total: 95_000 },
  ]);
});

test('inactive accounts: no activity in the 30 days before the point in time', async () => {
  const log = await logAt(
    ['AccountOpened', '2025-01-01T00:00:00.000Z'],
    ['FundsAdded', '2025-01-01T00:00:00.000Z'],
    ['AccountOpened', '2025-02-10T00:00:00.000Z'],
    ['AccountVerified', '2025-01-05T00:00:00.000Z'],
  );
  const accounts = fold(log).accounts as AccountsState;
  const names = (at: string) => inactiveAccounts(accounts, at).map((a) => a.owner);
  expect(names('2025-02-01T00:00:00.000Z')).toEqual([]);
  expect(names('2025-02-04T00:00:01.000Z')).toEqual(['Ada Lovelace']);
  expect(names('2025-03-12T00:00:01.000Z')).toEqual(['Ada Lovelace', 'Bob Babbage']);
  expect(inactiveAccounts(accounts, new Date('2025-03-12T00:00:01.000Z'), 60).map((a) => a.owner)).toEqual(['Ada Lovelace']);
});

test('a closed account is not reported as inactive', async () => {
  await ledger.run({ type: 'CloseAccount', account: bob });
  const accounts = fold(await ledger.store.readAll()).accounts as AccountsState;
  expect(inactiveAccounts(accounts, '2099-01-01T00:00:00.000Z').map((a) => a.owner)).toEqual(['Ada Lovelace']);
});

test('outbox: queued and sent messages, newest first, with links rebuilt from fields', async () => {
  await ledger.run({ type: 'Withdraw', account: ada, amount: 1_234 });
  let outbox = fold(await ledger.store.readAll()).outbox as OutboxState;
  expect(listMessages(outbox).map((m) => [m.kind, m.accountNumber, m.status])).toEqual([
    ['withdrawal', ada, 'queued'],
    ['verification', bob, 'queued'],
    // Ada's account is verified: her code has done its work and waits to be sent no more.
    ['verification', ada, 'done'],
  ]);
  const notice = listMessages(outbox)[0]!;
  expect(notice).toMatchObject({ to: 'ada@example.org', recipient: 'Ada Lovelace', amount: 1_234, subject: 'You withdrew 12.34' });
  expect(messageLink(notice)).toBeUndefined();
  const verification = listMessages(outbox)[1]!;
  expect(messageLink(verification)).toBe(`#/verify?account=${bob}&code=${verification.code}`);
  // Opening the link dispatches VerifyAccount with what its query carries.
  const link = parseVerificationQuery(messageLink(verification)!.slice('#/verify?'.length))!;
  expect(link).toEqual({ account: bob, code: verification.code });
  await ledger.run({ type: 'VerifyAccount', ...link });
  expect(parseVerificationQuery('')).toBeUndefined();
  expect(parseVerificationQuery('account=1')).toBeUndefined();
  expect(parseVerificationQuery('account=1&code=')).toBeUndefined();
  expect(parseVerificationQuery('code=1%202&account=12')).toEqual({ account: '12', code: '1 2' });

  await ledger.run({ type: 'MarkMessageSent', account: ada, messageId: notice.messageId });
  outbox = fold(await ledger.store.readAll()).outbox as OutboxState;
  expect(getMessage(outbox, ada, notice.messageId)).toMatchObject({ status: 'sent' });
  expect([outbox.queued, outbox.sent]).toEqual([0, 1]);
  expect(listMessages(outbox, { status: 'queued' })).toEqual([]);
  expect(listMessages(outbox, { status: 'done' }).map((m) => [m.kind, m.accountNumber])).toEqual([['verification', bob], ['verification', ada]]);
  expect((fold(await ledger.store.readAll()).accounts as AccountsState).byNumber.size).toBe(2);
  expect(listMessages(outbox, { status: 'done', offset: 1, limit: 5 })).toHaveLength(1);
});

test('accounts list: search by owner, e-mail or number (typed with spaces)', async () => {
  const accounts = fold(await ledger.store.readAll()).accounts as AccountsState;
  expect(searchAccounts(accounts, 'lovelace').map((a) => a.owner)).toEqual(['Ada Lovelace']);
  expect(searchAccounts(accounts, 'BOB@').map((a) => a.owner)).toEqual(['Bob Babbage']);
  expect(searchAccounts(accounts, `${bob.slice(0, 4)} ${bob.slice(4, 8)}`).map((a) => a.owner)).toEqual(['Bob Babbage']);
  expect(searchAccounts(accounts, ' ')).toHaveLength(2);
  expect(searchAccounts(accounts, '0000 0000 0000 0000')).toEqual([]);
});

test("accounts list: each row keeps the categories its account's movements used, in list order, without reading its history", async () => {
  await ledger.verify(bob);
  await ledger.run({ type: 'AddFunds', account: bob, amount: 5_000, category: 'Salary' });
  await ledger.run({ type: 'Transfer', from: bob, to: ada, amount: 1_000, category: 'Gifts' });
  await ledger.run({ type: 'Withdraw', account: bob, amount: 500, category: 'groceries' });
  await ledger.run({ type: 'Withdraw', account: bob, amount: 500, category: 'Gifts' });
  const accounts = fold(await ledger.store.readAll()).accounts as AccountsState;
  const row = (account: string) => getAccount(accounts, account)!;
  // Bob: his movements, presets in their own spelling, others by name; Ada: her opening deposit and the gift received.
  expect(usedCategories(row(bob).categoryBits, row(bob).customCategories)).toEqual(['Salary', 'Groceries', 'Gifts']);
  expect(usedCategories(row(ada).categoryBits, row(ada).customCategories)).toEqual(['Gifts', 'Uncategorized']);
});

test('accounts list: the categories a row keeps are those of every movement on its stream, over a synthetic ledger', () => {
  const events = [...syntheticLedger({ accounts: 30, events: 3_000, seed: 21 })];
  const accounts = fold(events).accounts as AccountsState;
  for (const account of listAccounts(accounts)) {
    const used = events
      .filter((e) => e.meta.stream === accountStream(account.accountNumber) && typeof (e.payload as { amount?: unknown }).amount === 'number')
      .map((e) => (e.payload as { category: string }).category);
    expect(usedCategories(account.categoryBits, account.customCategories)).toEqual(orderCategories(used));
  }
});
