import { afterEach, expect, test } from 'vitest';
import { openEventStore, type EventStore } from '../../src/eventstore/index.ts';
import {
  createCommandHandler,
  DomainError,
  getAccount,
  seededRandom,
  type AccountsState,
  type CommandStore,
} from '../../src/domain/index.ts';
import { fold, openLedger, steppingClock, type Ledger } from './helpers.ts';

const ledgers: Ledger[] = [];
afterEach(async () => {
  await Promise.all(ledgers.splice(0).map((l) => l.close()));
});

async function funded(amount: number): Promise<{ ledger: Ledger; account: string }> {
  const ledger = await openLedger('bank');
  ledgers.push(ledger);
  const account = await ledger.open('Ada', 'ada@example.org', amount);
  await ledger.verify(account);
  return { ledger, account };
}

test('concurrent withdrawals through two tabs never overdraw an account', async () => {
  const { ledger, account } = await funded(1_000);
  // A second tab: its own store connection and handler on the same database.
  const tab = await openEventStore({ name: 'bank' });
  const handlers = [ledger.handler, createCommandHandler({ store: tab, random: seededRandom(2), maxRetries: 20 })];
  const attempts = Array.from({ length: 8 }, (_, i) =>
    handlers[i % 2]!.dispatch({ type: 'Withdraw', account, amount: 300 }).then(
      () => 'ok',
      (e: DomainError) => e.code,
    ),
  );
  const outcomes = await Promise.all(attempts);
  expect(outcomes.filter((o) => o === 'ok')).toHaveLength(3);
  expect(outcomes.filter((o) => o !== 'ok')).toEqual(Array(5).fill('INSUFFICIENT_FUNDS'));
  const accounts = fold(await ledger.store.readAll()).accounts as AccountsState;
  expect(getAccount(accounts, account)!.balance).toBe(100);
  tab.close();
});

test('a transfer lands on both streams in one append, stamped with the clock and the given causation', async () => {
  const { ledger, account } = await funded(1_000);
  const other = await ledger.open('Bob', 'bob@example.org');
  const handler = createCommandHandler({ store: ledger.store, clock: steppingClock('2030-01-01T00:00:00.000Z'), random: seededRandom(4) });
  const { events, attempts } = await handler.dispatch(
    { type: 'Transfer', from: account, to: other, amount: 400 },
    { causationId: 'message-1', correlationId: 'flow-1' },
  );
  expect(attempts).toBe(1);
  expect(events.map((e) => [e.type, e.meta.stream])).toEqual([
    ['TransferSent', `account-${account}`],
    ['TransferReceived', `account-${other}`],
  ]);
  expect(events[1]!.meta.seq).toBe(events[0]!.meta.seq + 1);
  // What dispatch returns is exactly what was stored.
  expect(await ledger.store.readAll({ fromSeq: events[0]!.meta.seq })).toEqual(events);
  for (const e of events) expect(e.meta).toMatchObject({ at: '2030-01-01T00:00:01.000Z', causationId: 'message-1', correlationId: 'flow-1' });
});

test('a decision lost to another writer is decided again on fresh state', async () => {
  const { ledger, account } = await funded(1_000);
  let raced = false;
  const store: CommandStore = {
    readStream: (...args) => ledger.store.readStream(...args),
    appendMany: async (...args) => {
      if (!raced) {
        raced = true;
        await ledger.store.append(`account-${account}`, [{ type: 'FundsWithdrawn', payload: { accountNumber: account, amount: 800 } }]);
      }
      return ledger.store.appendMany(...args);
    },
  };
  const handler = createCommandHandler({ store, random: seededRandom(5) });
  await expect(handler.dispatch({ type: 'Withdraw', account, amount: 300 })).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
  expect((await handler.dispatch({ type: 'Withdraw', account, amount: 200 })).attempts).toBe(1);
});

test('folded states are not trusted after the log was replaced underneath', async () => {
  let current: EventStore = await openEventStore({ name: 'first' });
  const store: CommandStore = {
    readStream: (...args) => current.readStream(...args),
    appendMany: (...args) => current.appendMany(...args),
  };
  const handler = createCommandHandler({ store, random: seededRandom(6) });
  const { events } = await handler.dispatch({ type: 'OpenAccount', owner: 'Ada', email: 'ada@example.org', initialDeposit: 5_000 });
  const account = (events[0]!.payload as { accountNumber: string }).accountNumber;
  await handler.dispatch({ type: 'AddFunds', account, amount: 1 });

  // An import replaces the log: the same account, the same number of events, other history.
  const replacement = await openEventStore({ name: 'second' });
  await replacement.append(`account-${account}`, [
    { type: 'AccountOpened', payload: { accountNumber: account, owner: 'Ada', email: 'ada@example.org' } },
    { type: 'FundsAdded', payload: { accountNumber: account, amount: 10 } },
    { type: 'AccountClosed', payload: { accountNumber: account } },
  ]);
  const previous = current;
  current = replacement;
  await expect(handler.dispatch({ type: 'AddFunds', account, amount: 1 })).rejects.toMatchObject({ code: 'ACCOUNT_CLOSED' });
  previous.close();
  replacement.close();
});

test('an account number already in use is never reused, even when the decider could not know it', async () => {
  const store = await openEventStore({ name: 'numbers' });
  // Two handlers with the same random stream draw the same first number.
  let ids = 0;
  const newId = () => `event-${++ids}`;
  const a = createCommandHandler({ store, random: seededRandom(7), newId });
  const b = createCommandHandler({ store, random: seededRandom(7), newId });
  const first = await a.dispatch({ type: 'OpenAccount', owner: 'A', email: 'a@example.org' });
  const second = await b.dispatch({ type: 'OpenAccount', owner: 'B', email: 'b@example.org' });
  expect(second.attempts).toBe(2);
  expect(second.events[0]!.meta.stream).not.toBe(first.events[0]!.meta.stream);
  store.close();
});

test('two tabs opening the same address at once: exactly one wins', async () => {
  const one = await openEventStore({ name: 'race' });
  const two = await openEventStore({ name: 'race' });
  const outcomes = await Promise.all(
    [one, two, one, two].map((store, i) =>
      createCommandHandler({ store, random: seededRandom(10 + i) })
        .dispatch({ type: 'OpenAccount', owner: `Tab ${i}`, email: 'same@example.org' })
        .then(
          () => 'ok',
          (e: DomainError) => e.code,
        ),
    ),
  );
  expect(outcomes.sort()).toEqual(['EMAIL_TAKEN', 'EMAIL_TAKEN', 'EMAIL_TAKEN', 'ok']);
  expect((await one.readAll()).filter((e) => e.type === 'AccountOpened')).toHaveLength(1);
  one.close();
  two.close();
});
