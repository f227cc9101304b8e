import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { openEventStore, type StoredEvent } from '../../src/eventstore/index.ts';
import {
  accountsProjection,
  accountStream,
  getAccount,
  UNCATEGORIZED,
  versionOf,
  withdrawalNotifier,
  type AccountsState,
  type DecisionsState,
} from '../../src/domain/index.ts';
import { openLedger, type Ledger } from '../../src/app/index.ts';
import { appendAsStored, fixtureEvents } from './schemaLogs.ts';
import { isMovement } from '../domain/schema/schemaOne.ts';

/**
 * Every way the tab reads the log sees older events in their current shape
 * (src/app/currentShapes.ts), while the stored log keeps them as written. The
 * log is Rewind 0.1.0's small ledger: Alice and Bob, every kind of movement, no category anywhere.
 */
const small = fixtureEvents('schema-1/small.ndjson');
const NAME = 'shapes';

/** A movement as this version reads one that 0.1.0 stored. */
const lifted = { payload: { category: UNCATEGORIZED }, meta: { schema: 2, upcastFrom: 1 } };
const expectLifted = (events: readonly StoredEvent[]) => {
  const movements = events.filter(isMovement);
  expect(movements.length).toBeGreaterThan(0);
  for (const event of movements) expect(event, `seq ${event.meta.seq}`).toMatchObject(lifted);
};

let ledger: Ledger;
/** What the accounts read model is shown, in every replay and live fold of the tab. */
let seen: StoredEvent[];

beforeEach(async () => {
  const store = await openEventStore({ name: NAME });
  await appendAsStored(store, small);
  store.close();
  seen = [];
  const { apply, applyMany } = accountsProjection;
  vi.spyOn(accountsProjection, 'apply').mockImplementation((state, event) => {
    seen.push(event);
    return apply.call(accountsProjection, state, event);
  });
  vi.spyOn(accountsProjection, 'applyMany').mockImplementation((state, events) => {
    seen.push(...events);
    return applyMany!.call(accountsProjection, state, events);
  });
  ledger = await openLedger({ name: NAME });
  await ledger.image.ready;
});

afterEach(async () => {
  await ledger.close();
  vi.restoreAllMocks();
});

const alice = (small[0]!.payload as { accountNumber: string }).accountNumber;
const live = () => ledger.image.getState().states as { accounts: AccountsState; decisions: DecisionsState };
const seqOf = (type: string) => small.find((e) => e.type === type)!.meta.seq;

/** An event as 0.1.0 wrote it, appended by another tab of the same origin. */
async function fromAnotherTab(type: string, payload: Record<string, unknown>): Promise<StoredEvent> {
  const other = await openEventStore({ name: NAME });
  try {
    const [result] = await other.appendMany([{ stream: accountStream(payload.accountNumber as string), events: [{ type, payload: payload as never, meta: { at: '2026-02-01T10:00:00.000Z' } }] }]);
    return (await other.readAll({ fromSeq: result!.lastSeq, toSeq: result!.lastSeq }))[0]!;
  } finally {
    other.close();
  }
}

describe('every entry point reads the current shape', () => {
  test('the stored log keeps the events as 0.1.0 wrote them', async () => {
    expect(await ledger.eventStore.readAll()).toEqual(small);
  });

  test('the memory image, booted and following events another tab appends', async () => {
    expectLifted(seen);
    expect(seen.filter(isMovement)).toHaveLength(small.filter(isMovement).length);
    seen.length = 0;
    const appended = await fromAnotherTab('FundsAdded', { accountNumber: alice, amount: 1_00 });
    expect(appended.meta.schema).toBeUndefined();
    await ledger.image.reached(appended.meta.seq);
    expect(seen.find((e) => e.meta.seq === appended.meta.seq)).toMatchObject(lifted);
    expect(getAccount(live().accounts, alice)?.balance).toBe(50_00 + 1_00);
    expect((await ledger.eventStore.readAll({ fromSeq: appended.meta.seq }))[0]).toEqual(appended);
  });

  test('time travel to a point', async () => {
    seen.length = 0;
    const point = seqOf('TransferReceived');
    await ledger.travel.travelTo(point);
    expect(ledger.travel.getState().past?.seq).toBe(point);
    expectLifted(seen);
    expect(Math.max(...seen.map((e) => e.meta.seq))).toBe(point);
  });

  test('a what-if branch: an old event skipped, an old-shaped one injected', async () => {
    const withdrawal = small.find((e) => e.type === 'FundsWithdrawn')!;
    const owner = (withdrawal.payload as { accountNumber: string }).accountNumber;
    seen.length = 0;
    await ledger.branch.start(1);
    await ledger.branch.toggleSkip(withdrawal.meta.seq);
    // A scenario file from 0.1.0 carries its injection as 0.1.0 wrote it.
    await ledger.branch.inject([
      { afterSeq: withdrawal.meta.seq, stream: accountStream(owner), event: { type: 'FundsAdded', payload: { accountNumber: owner, amount: 7_00 }, meta: { id: 'what-if:old-shape', at: withdrawal.meta.at } } },
    ]);
    const { plan, result, error } = ledger.branch.getState();
    expect(error).toBeUndefined();
    // The branch reads the real events lifted; the injection is input, in today's shape with no record of a lift.
    const [injected, read] = [seen.filter((e) => e.meta.id.startsWith('what-if:')), seen.filter((e) => !e.meta.id.startsWith('what-if:'))];
    expectLifted(read);
    expect(injected.length).toBeGreaterThan(0);
    for (const event of injected) {
      expect(event).toMatchObject({ payload: { category: UNCATEGORIZED }, meta: { schema: 2 } });
      expect(event.meta.upcastFrom).toBeUndefined();
    }
    expect(plan!.inject[0]!.event).toMatchObject({ payload: { category: UNCATEGORIZED }, meta: { schema: 2 } });
    const { amount } = withdrawal.payload as { amount: number };
    const real = getAccount(live().accounts, owner)!.balance;
    expect(getAccount((result!.states as { accounts: AccountsState }).accounts, owner)?.balance).toBe(real + amount + 7_00);
    // The branch's account history: every movement, real and injected, in its current shape.
    const history = await ledger.queries.wholeAccountHistory({
      accountNumber: owner,
      balance: getAccount((result!.states as { accounts: AccountsState }).accounts, owner)!.balance,
      version: versionOf(live().decisions, accountStream(owner)),
      branch: { toSeq: result!.toSeq, skipped: result!.skipped, injected: result!.injected },
    });
    const moves = history.filter((line) => line.change !== 0);
    expect(moves.map((line) => line.change)).toContain(7_00);
    for (const line of moves) expect(line.category).toBe(UNCATEGORIZED);
  });

  test('the account history query', async () => {
    const history = await ledger.queries.wholeAccountHistory({
      accountNumber: alice,
      balance: getAccount(live().accounts, alice)!.balance,
      version: versionOf(live().decisions, accountStream(alice)),
    });
    const moves = history.filter((line) => line.change !== 0);
    expect(moves.length).toBeGreaterThanOrEqual(3);
    for (const line of moves) expect(line.category, `seq ${line.seq}`).toBe(UNCATEGORIZED);
    expect(history[0]!.balance).toBe(50_00);
  });

  test('the event log query', async () => {
    const batches = (await ledger.queries.eventLog()).eventBatches();
    batches.ensure(1, small.length);
    await vi.waitFor(() => expect(batches.get(small.length)).toBeDefined());
    const read = small.map((e) => batches.get(e.meta.seq)!);
    expectLifted(read);
    // Everything but the lift is the stored event.
    read.forEach((event, i) => expect(isMovement(event) ? { ...event, payload: small[i]!.payload, meta: small[i]!.meta } : event).toEqual(small[i]));
  });

  test('the process managers: the withdrawal notifier is handed the withdrawal in its current shape', async () => {
    const triggers: StoredEvent[] = [];
    const react = withdrawalNotifier.react.bind(withdrawalNotifier);
    vi.spyOn(withdrawalNotifier, 'react').mockImplementation((trigger, account, ctx) => {
      triggers.push(trigger);
      return react(trigger, account, ctx);
    });
    const appended = await fromAnotherTab('FundsWithdrawn', { accountNumber: alice, amount: 2_00 });
    await vi.waitFor(async () => expect((await ledger.eventStore.readAll({ fromSeq: appended.meta.seq + 1 })).map((e) => e.type)).toContain('WithdrawalMessageQueued'));
    expect(triggers.find((e) => e.meta.seq === appended.meta.seq)).toMatchObject(lifted);
    expect((await ledger.eventStore.readAll({ fromSeq: appended.meta.seq, toSeq: appended.meta.seq }))[0]).toEqual(appended);
  });
});
