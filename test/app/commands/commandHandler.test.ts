import { afterEach, expect, test } from 'vitest';
import { openEventStore, type EventStore, type StreamBatch } from '../../../src/eventstore/index.ts';
import { accountStream, decisionsProjection, DomainError, emailStream, getAccount, seededRandom, type AccountsState } from '../../../src/domain/index.ts';
import { createCommandHandler, type CommandHandler, type CommandLog, type DecisionSource } from '../../../src/app/parts.ts';
import { followingHandler, followLog } from '../followLog.ts';
import { fold, openLedger, steppingClock, type Ledger } from '../testLedger.ts';

const closing: { close(): unknown }[] = [];
afterEach(async () => {
  for (const thing of closing.splice(0).reverse()) await thing.close();
});

async function funded(amount: number): Promise<{ ledger: Ledger; account: string }> {
  const ledger = await openLedger('bank');
  closing.push(ledger);
  const account = await ledger.open('Ada', 'ada@example.org', amount);
  await ledger.verify(account);
  return { ledger, account };
}

const ADA = '1111222233334444';
const BOB = '5555666677778888';

/** A store holding verified accounts with the given balances, and nothing else running on it. */
async function storeWith(balances: Record<string, number>): Promise<EventStore> {
  const store = await openEventStore({ name: 'queue' });
  closing.push(store);
  for (const [accountNumber, amount] of Object.entries(balances)) {
    const email = `${accountNumber}@example.org`;
    await store.append(accountStream(accountNumber), [
      { type: 'AccountOpened', payload: { accountNumber, owner: `Owner ${accountNumber}`, email } },
      { type: 'AccountVerified', payload: { accountNumber } },
      // An account without money is verified twice over, which changes nothing: every stream holds three events.
      amount > 0 ? { type: 'FundsAdded', payload: { accountNumber, amount } } : { type: 'AccountVerified', payload: { accountNumber } },
    ]);
    await store.append(emailStream(email), [{ type: 'EmailReserved', payload: { email, accountNumber } }]);
  }
  return store;
}

/** A handler on `store` that records every append it makes. */
function counted(store: EventStore, options: { decisions?: DecisionSource; maxTurn?: number } = {}) {
  const appends: StreamBatch[][] = [];
  const decisions = options.decisions ?? followLog(store);
  const writer: CommandLog = {
    appendMany: (batches, appendOptions) => {
      appends.push(batches);
      return store.appendMany(batches, appendOptions);
    },
  };
  const handler = createCommandHandler({ log: writer, decisions, random: seededRandom(3), maxTurn: options.maxTurn });
  return { handler, appends };
}

/** A source that shows the empty log for its first `turns` turns, as a tab would that has not yet heard of the others' writes. */
function lagging(source: DecisionSource, turns = 1): DecisionSource {
  let stale = turns;
  return { ...source, current: async () => (stale-- > 0 ? { seq: 0, state: decisionsProjection.initial } : source.current()) };
}

const outcome = (dispatched: Promise<unknown>) =>
  dispatched.then(
    () => 'ok',
    (e: DomainError) => e.code,
  );

const balanceOf = async (store: EventStore, account: string) =>
  getAccount(fold(await store.readAll()).accounts as AccountsState, account)!.balance;

test('commands dispatched together are decided in one turn and land in one transaction', async () => {
  const store = await storeWith({ [ADA]: 1_000, [BOB]: 0 });
  const { handler, appends } = counted(store);
  const results = await Promise.all([
    handler.dispatch({ type: 'AddFunds', account: ADA, amount: 100 }),
    handler.dispatch({ type: 'Transfer', from: ADA, to: BOB, amount: 600 }),
    handler.dispatch({ type: 'Withdraw', account: BOB, amount: 500 }),
    handler.dispatch({ type: 'AddFunds', account: BOB, amount: 1 }),
  ]);
  expect(appends).toHaveLength(1);
  // One batch per stream, each expecting the version the decision state knew.
  expect(appends[0]!.map((b) => [b.stream, b.expectedVersion, b.events.length])).toEqual([
    [accountStream(ADA), 3, 2],
    [accountStream(BOB), 3, 3],
  ]);
  expect(results.map((r) => r.events.map((e) => e.type))).toEqual([
    ['FundsAdded'],
    ['TransferSent', 'TransferReceived'],
    ['FundsWithdrawn'],
    ['FundsAdded'],
  ]);
  // What each dispatch returns is exactly what was stored.
  const stored = await store.readAll({ fromSeq: 9 });
  expect(results.flatMap((r) => r.events).sort((a, b) => a.meta.seq - b.meta.seq)).toEqual(stored);
  expect(await balanceOf(store, BOB)).toBe(101);
});

test('a refused command in the middle of a turn rejects alone and writes nothing', async () => {
  const store = await storeWith({ [ADA]: 1_000 });
  const { handler, appends } = counted(store);
  const outcomes = await Promise.all(
    [
      { type: 'AddFunds', account: ADA, amount: 1 },
      { type: 'Withdraw', account: BOB, amount: 1 },
      { type: 'Transfer', from: ADA, to: ADA, amount: 1 },
      { type: 'AddFunds', account: ADA, amount: 2 },
    ].map((c) => outcome(handler.dispatch(c))),
  );
  expect(outcomes).toEqual(['ok', 'ACCOUNT_NOT_FOUND', 'SAME_ACCOUNT', 'ok']);
  expect(appends).toHaveLength(1);
  expect((await store.readAll({ fromSeq: 5 })).map((e) => e.payload)).toEqual([
    { accountNumber: ADA, amount: 1, category: 'Uncategorized' },
    { accountNumber: ADA, amount: 2, category: 'Uncategorized' },
  ]);
});

test('two withdrawals in one turn see each other: the second cannot overdraw', async () => {
  const store = await storeWith({ [ADA]: 500 });
  const { handler, appends } = counted(store);
  const outcomes = await Promise.all([300, 300, 200].map((amount) => outcome(handler.dispatch({ type: 'Withdraw', account: ADA, amount }))));
  expect(outcomes).toEqual(['ok', 'INSUFFICIENT_FUNDS', 'ok']);
  expect(appends).toHaveLength(1);
  expect(await balanceOf(store, ADA)).toBe(0);
});

test('a turn takes at most maxTurn commands; the rest wait for the next turns, in order', async () => {
  const store = await storeWith({ [ADA]: 0 });
  const { handler, appends } = counted(store, { maxTurn: 2 });
  const results = await Promise.all([1, 2, 3, 4, 5].map((amount) => handler.dispatch({ type: 'AddFunds', account: ADA, amount })));
  expect(appends.map((batches) => batches[0]!.events.length)).toEqual([2, 2, 1]);
  expect(results.map((r) => r.events[0]!.meta.version)).toEqual([4, 5, 6, 7, 8]);
});

test('a turn decided on a state another tab has moved past is refused by the store and decided again', async () => {
  const store = await storeWith({ [ADA]: 1_000 });
  const follower = followLog(store);
  closing.push({ close: follower.stop });
  const before = await follower.current();
  // Another tab withdraws 800 before this tab hears of it.
  await store.append(accountStream(ADA), [{ type: 'FundsWithdrawn', payload: { accountNumber: ADA, amount: 800 } }]);
  let stale = true;
  const behind: DecisionSource = { ...follower, current: async () => (stale ? ((stale = false), before) : follower.current()) };
  const { handler, appends } = counted(store, { decisions: behind });
  await expect(handler.dispatch({ type: 'Withdraw', account: ADA, amount: 300 })).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
  expect(appends).toHaveLength(1);
  expect((await handler.dispatch({ type: 'Withdraw', account: ADA, amount: 200 })).attempts).toBe(1);
  expect(await balanceOf(store, ADA)).toBe(0);
});

test('a refusal on a state behind the log is decided again on the log as it is', async () => {
  const store = await storeWith({ [ADA]: 1_000 });
  const { handler, appends } = counted(store, { decisions: lagging(followLog(store)) });
  // On the empty state the account does not exist; on the log it does.
  const { attempts } = await handler.dispatch({ type: 'AddFunds', account: ADA, amount: 1 });
  expect(attempts).toBe(2);
  expect(appends).toHaveLength(1);
});

test('an account number already in use is never reused, even when the decider could not know it', async () => {
  const store = await openEventStore({ name: 'numbers' });
  closing.push(store);
  // Two handlers with the same random stream draw the same first number; the second does not know the first's yet.
  let ids = 0;
  const newId = () => `event-${++ids}`;
  const a = followingHandler(store, { random: seededRandom(7), newId });
  const following = followLog(store);
  const b = createCommandHandler({ log: store, decisions: lagging(following), random: seededRandom(7), newId });
  closing.push({ close: a.stop }, { close: following.stop });
  const first = await a.dispatch({ type: 'OpenAccount', owner: 'A', email: 'a@example.org' });
  const second = await b.dispatch({ type: 'OpenAccount', owner: 'B', email: 'b@example.org' });
  expect(second.attempts).toBe(2);
  expect(second.events[0]!.meta.stream).not.toBe(first.events[0]!.meta.stream);
});

test('one turn opening two accounts with one address: the first holds it, the second is refused', async () => {
  const store = await openEventStore({ name: 'addresses' });
  closing.push(store);
  const handler = followingHandler(store, { random: seededRandom(8) });
  closing.push({ close: handler.stop });
  const outcomes = await Promise.all(
    ['Same@example.org', 'same@example.org'].map((email) => outcome(handler.dispatch({ type: 'OpenAccount', owner: 'X', email }))),
  );
  expect(outcomes).toEqual(['ok', 'EMAIL_TAKEN']);
});

test('concurrent withdrawals through two tabs never overdraw an account', async () => {
  const { ledger, account } = await funded(1_000);
  // A second tab: its own store connection and handler on the same database.
  const tab = await openEventStore({ name: 'bank' });
  closing.push(tab);
  const other = followingHandler(tab, { random: seededRandom(2), maxRetries: 20 });
  const handlers: CommandHandler[] = [ledger.handler, other];
  const outcomes = await Promise.all(
    Array.from({ length: 8 }, (_, i) => outcome(handlers[i % 2]!.dispatch({ type: 'Withdraw', account, amount: 300 }))),
  );
  expect(outcomes.filter((o) => o === 'ok')).toHaveLength(3);
  expect(outcomes.filter((o) => o !== 'ok')).toEqual(Array(5).fill('INSUFFICIENT_FUNDS'));
  expect(await balanceOf(ledger.store, account)).toBe(100);
  other.stop();
});

test('a transfer lands on both streams in one append, stamped with the clock and the given causation', async () => {
  const { ledger, account } = await funded(1_000);
  const other = await ledger.open('Bob', 'bob@example.org');
  const handler = followingHandler(ledger.store, { clock: steppingClock('2030-01-01T00:00:00.000Z'), random: seededRandom(4) });
  closing.push({ close: handler.stop });
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
  expect(await ledger.store.readAll({ fromSeq: events[0]!.meta.seq })).toEqual(events);
  for (const e of events) expect(e.meta).toMatchObject({ at: '2030-01-01T00:00:01.000Z', causationId: 'message-1', correlationId: 'flow-1' });
});

test('two tabs opening the same address at once: exactly one wins', async () => {
  const one = await openEventStore({ name: 'race' });
  const two = await openEventStore({ name: 'race' });
  closing.push(one, two);
  const handlers = [one, two, one, two].map((store, i) => followingHandler(store, { random: seededRandom(10 + i) }));
  closing.push(...handlers.map((h) => ({ close: h.stop })));
  const outcomes = await Promise.all(
    handlers.map((handler, i) => outcome(handler.dispatch({ type: 'OpenAccount', owner: `Tab ${i}`, email: 'same@example.org' }))),
  );
  expect(outcomes.sort()).toEqual(['EMAIL_TAKEN', 'EMAIL_TAKEN', 'EMAIL_TAKEN', 'ok']);
  expect((await one.readAll()).filter((e) => e.type === 'AccountOpened')).toHaveLength(1);
});

test('a store error fails every command of the turn and the next turn goes on', async () => {
  const store = await storeWith({ [ADA]: 0 });
  let fail = true;
  const writer: CommandLog = {
    appendMany: async (...args) => {
      if (fail) {
        fail = false;
        throw new Error('disk on fire');
      }
      return store.appendMany(...args);
    },
  };
  const handler = createCommandHandler({ log: writer, decisions: followLog(store), random: seededRandom(1) });
  const first = [1, 2].map((amount) => handler.dispatch({ type: 'AddFunds', account: ADA, amount }).catch((e: Error) => e.message));
  expect(await Promise.all(first)).toEqual(['disk on fire', 'disk on fire']);
  await handler.dispatch({ type: 'AddFunds', account: ADA, amount: 3 });
  expect(await balanceOf(store, ADA)).toBe(3);
});
