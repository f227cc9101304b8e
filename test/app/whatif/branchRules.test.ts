import { describe, expect, test } from 'vitest';
import { openEventStore, type StoredEvent } from '../../../src/eventstore/index.ts';
import { accountStream, getAccount, ledgerProjections, seededRandom, totalBalance, type AccountsState, type ReportsState, type TotalsState } from '../../../src/domain/index.ts';
import { appendGenerated } from '../../../src/app/parts.ts';
import { createLedgerBuilder } from '../../../src/domain/sample/ledgerBuilder.ts';
import { foldAll, type Injection } from '../../../src/replay/index.ts';
import { createWhatIfBranch, type BranchPlan } from '../../../src/app/whatif/whatIfBranch.ts';

const day = (d: number) => new Date(Date.UTC(2026, 0, d, 10));
let logs = 0;

/**
 * Ada opens with 100.00 and Bob with 50.00, both verify, Ada withdraws 20.00,
 * sends Bob 30.00, Bob adds 10.00: Ada 50.00, Bob 90.00, 140.00 in the system.
 */
async function givenTwoAccounts() {
  const b = createLedgerBuilder(seededRandom(11));
  const open = (owner: string, initialDeposit: number, d: number) => {
    const events = b.run({ type: 'OpenAccount', owner, email: `${owner.toLowerCase()}@example.org`, initialDeposit }, day(d))!;
    const code = (events.find((e) => e.type === 'VerificationMessageQueued')!.payload as { code: string }).code;
    return { number: (events[0]!.payload as { accountNumber: string }).accountNumber, code, events };
  };
  const ada = open('Ada', 10_000, 1);
  const bob = open('Bob', 5_000, 2);
  b.run({ type: 'VerifyAccount', account: ada.number, code: ada.code }, day(3));
  b.run({ type: 'VerifyAccount', account: bob.number, code: bob.code }, day(3));
  const withdrawal = b.run({ type: 'Withdraw', account: ada.number, amount: 2_000 }, day(4))!;
  const transfer = b.run({ type: 'Transfer', from: ada.number, to: bob.number, amount: 3_000 }, day(5))!;
  b.run({ type: 'AddFunds', account: bob.number, amount: 1_000 }, day(6));
  const events = [...b.events()];
  const eventStore = await openEventStore({ name: `branch-rules-${++logs}` });
  await appendGenerated(eventStore, events);
  const live = foldAll(ledgerProjections, events);
  const branch = createWhatIfBranch({ eventStore, projections: ledgerProjections, live: () => ({ seq: events.length, states: live }) });
  const seqOf = (e: StoredEvent | undefined) => e!.meta.seq;
  return {
    branch,
    ada: ada.number,
    bob: bob.number,
    last: events.length,
    adaOpened: seqOf(ada.events[0]),
    adaDeposit: seqOf(ada.events.find((e) => e.type === 'FundsAdded')),
    withdrawal: seqOf(withdrawal[0]),
    sent: seqOf(transfer.find((e) => e.type === 'TransferSent')),
    received: seqOf(transfer.find((e) => e.type === 'TransferReceived')),
  };
}

type Branch = Awaited<ReturnType<typeof givenTwoAccounts>>['branch'];

/** The branch's balances, their sum, and the money in the system as the totals and reports read models count it. */
function money(branch: Branch, ...accounts: string[]) {
  const { states } = branch.getState().result!;
  const accountsState = states.accounts as AccountsState;
  return {
    balances: accounts.map((n) => getAccount(accountsState, n)?.balance),
    sum: totalBalance(accountsState),
    totals: (states.totals as TotalsState).inSystem,
    reports: (states.reports as ReportsState).inSystem,
  };
}

describe('what-if keeps the ledger’s rules', () => {
  test('given a transfer, when its TransferSent is skipped, then both halves are skipped and the money in the system is the sum of the balances', async () => {
    const { branch, ada, bob, sent, received, last } = await givenTwoAccounts();
    await branch.start(last);
    await branch.toggleSkip(sent);
    expect(branch.getState().plan!.skip).toEqual([sent, received]);
    expect(money(branch, ada, bob)).toEqual({ balances: [8_000, 6_000], sum: 14_000, totals: 14_000, reports: 14_000 });
  });

  test('given both halves skipped, when either half is included again, then both are restored', async () => {
    const { branch, ada, bob, sent, received, last } = await givenTwoAccounts();
    await branch.start(last);
    await branch.toggleSkip(received);
    expect(branch.getState().plan!.skip).toEqual([sent, received]);
    await branch.toggleSkip(sent);
    expect(branch.getState().plan!.skip).toEqual([]);
    expect(money(branch, ada, bob)).toEqual({ balances: [5_000, 9_000], sum: 14_000, totals: 14_000, reports: 14_000 });
  });

  test('given a withdrawal that needs a deposit, when the deposit is skipped, then it is refused naming FUNDS and the plan is unchanged', async () => {
    const { branch, ada, adaDeposit, withdrawal, last } = await givenTwoAccounts();
    await branch.start(last);
    const before = branch.getState();
    await expect(branch.toggleSkip(adaDeposit)).rejects.toMatchObject({ code: 'BRANCH_RULE', violation: { rule: 'FUNDS', account: ada } });
    const after = branch.getState();
    expect(after.plan).toBe(before.plan);
    expect(after.result).toBe(before.result);
    expect(after.error).toBe(
      `it breaks the rule FUNDS at event ${withdrawal} (FundsWithdrawn). Account ${ada} holds 0.00, less than the 20.00 that would leave it.`,
    );
  });

  test('given an account with later events, when its AccountOpened is skipped, then it is refused', async () => {
    const { branch, ada, adaOpened, last } = await givenTwoAccounts();
    await branch.start(last);
    await expect(branch.toggleSkip(adaOpened)).rejects.toMatchObject({ violation: { rule: 'ACCOUNT_EXISTS', account: ada } });
    expect(branch.getState().plan!.skip).toEqual([]);
  });

  test('when a lone TransferSent is injected, then it is refused naming TRANSFER_HALVES', async () => {
    const { branch, ada, bob, last } = await givenTwoAccounts();
    await branch.start(last);
    const lone: Injection = {
      afterSeq: last,
      stream: accountStream(ada),
      event: { type: 'TransferSent', payload: { accountNumber: ada, transferId: 't-what-if', to: bob, amount: 1_000 } },
    };
    await expect(branch.inject([lone])).rejects.toMatchObject({ violation: { rule: 'TRANSFER_HALVES', account: ada } });
    expect(branch.getState()).toMatchObject({ plan: { inject: [] }, error: expect.stringMatching(/^it breaks the rule TRANSFER_HALVES at the end of the branch\./) });
  });

  test('when an event is injected between the two halves of a real transfer, then it is taken: the halves still pair', async () => {
    const { branch, ada, bob, sent, last } = await givenTwoAccounts();
    await branch.start(last);
    const deposit: Injection = { afterSeq: sent, stream: accountStream(bob), event: { type: 'FundsAdded', payload: { accountNumber: bob, amount: 100 } } };
    await branch.inject([deposit]);
    expect(branch.getState().plan!.inject).toHaveLength(1);
    const { sum, totals, reports } = money(branch, ada, bob);
    expect([totals, reports]).toEqual([sum, sum]);
  });

  test('given an injected transfer, when one of its halves is removed, then the other goes with it', async () => {
    const { branch, ada, bob, last } = await givenTwoAccounts();
    await branch.start(last);
    const half = (account: string, type: string, other: Record<string, string>): Injection => ({
      afterSeq: last,
      stream: accountStream(account),
      event: { type, payload: { accountNumber: account, transferId: 't-what-if', amount: 1_000, ...other } },
    });
    await branch.inject([half(ada, 'TransferSent', { to: bob }), half(bob, 'TransferReceived', { from: ada })]);
    expect(money(branch, ada, bob).balances).toEqual([4_000, 10_000]);
    await branch.removeInjection(1);
    expect(branch.getState().plan!.inject).toEqual([]);
    expect(money(branch, ada, bob)).toEqual({ balances: [5_000, 9_000], sum: 14_000, totals: 14_000, reports: 14_000 });
  });

  test('when a scenario plan skips half a transfer, then opening it is refused and no branch opens', async () => {
    const { branch, sent, last } = await givenTwoAccounts();
    const plan: BranchPlan = { basePoint: last, skip: [sent], inject: [] };
    await expect(branch.open(plan)).rejects.toMatchObject({ violation: { rule: 'TRANSFER_HALVES' } });
    const { plan: opened, result, error } = branch.getState();
    expect([opened, result]).toEqual([undefined, undefined]);
    expect(error).toMatch(/^it breaks the rule TRANSFER_HALVES at the end of the branch\. Transfer .+ reached account \d{16} but never left account \d{16}/);
  });
});
