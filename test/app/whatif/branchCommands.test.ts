import { afterEach, describe, expect, test } from 'vitest';
import { getAccount, ledgerProjections, type AccountsState } from '../../../src/domain/index.ts';
import { createCommandHandler, createWhatIfBranch, readAccountHistory, type WhatIfBranch } from '../../../src/app/parts.ts';
import { branchCommands } from '../../../src/app/whatif/branchCommands.ts';
import { BranchRuleError } from '../../../src/app/errors.ts';
import { openLedger, type Ledger } from '../testLedger.ts';

let ledger: Ledger | undefined;
afterEach(async () => {
  await ledger?.close();
  ledger = undefined;
});

/** Today, as far as the branch's command handler knows: far after every real event. */
const TODAY = new Date('2031-06-01T12:00:00.000Z');

/**
 * Ada opens with 100.00 and is verified (the branch point); later, really, she
 * withdraws 60.00 and then adds 80.00: 120.00 now.
 */
async function ledgerWithLaterEvents() {
  ledger = await openLedger('branch-commands');
  const account = await ledger.open('Ada', 'ada@example.org', 100_00);
  await ledger.verify(account);
  const basePoint = await ledger.store.lastSeq();
  await ledger.run({ type: 'Withdraw', account, amount: 60_00 });
  await ledger.run({ type: 'AddFunds', account, amount: 80_00 });
  const branch = createWhatIfBranch({ eventStore: ledger.store, projections: ledgerProjections });
  const inBranch = createCommandHandler({ ...branchCommands(branch, ledger.store), clock: () => TODAY });
  const realLog = await ledger.store.readAll();
  return { ledger, account, basePoint, branch, inBranch, realLog };
}

const balanceIn = (branch: WhatIfBranch, account: string) =>
  getAccount(branch.getState().result!.states.accounts as AccountsState, account)?.balance;

async function historyIn(ledger: Ledger, branch: WhatIfBranch, account: string) {
  const result = branch.getState().result!;
  const origin = { accountNumber: account, balance: balanceIn(branch, account)!, version: 0, branch: result };
  return (await readAccountHistory(ledger.store, origin, { limit: 50 })).entries;
}

describe('commands in a what-if branch started in the past', () => {
  test('happen at the branch point: dated a tick after it, played before the later real events, the real log untouched', async () => {
    const { ledger, account, basePoint, branch, inBranch, realLog } = await ledgerWithLaterEvents();
    const baseAt = realLog.find((e) => e.meta.seq === basePoint)!.meta.at;
    await branch.start(basePoint);

    const { events } = await inBranch.dispatch({ type: 'Withdraw', account, amount: 30_00 });
    expect(events[0]!.meta).toMatchObject({ seq: basePoint, at: new Date(Date.parse(baseAt) + 1).toISOString(), id: expect.stringMatching(/^what-if:/) });
    // Another command follows it there, a tick later.
    await inBranch.dispatch({ type: 'AddFunds', account, amount: 5_00 });
    const [first, second] = branch.getState().result!.injected;
    expect(second!.meta).toMatchObject({ seq: basePoint, at: new Date(Date.parse(baseAt) + 2).toISOString() });
    expect(first!.meta.id).toBe(events[0]!.meta.id);

    // 100 - 30 + 5 at the branch point; then the real -60 and +80 on top.
    expect(balanceIn(branch, account)).toBe(95_00);
    const history = await historyIn(ledger, branch, account);
    expect(history.slice(0, 4).map((h) => [h.kind, h.change, h.balance])).toEqual([
      ['deposit', 80_00, 95_00],
      ['withdrawal', -60_00, 15_00],
      ['deposit', 5_00, 75_00],
      ['withdrawal', -30_00, 70_00],
    ]);
    expect(history[3]!.at < history[1]!.at).toBe(true);
    expect(await ledger.store.readAll()).toEqual(realLog);
  });

  test('are decided on the account as it was at the branch point, not as the branch has it now', async () => {
    const { ledger, account, basePoint, branch, inBranch, realLog } = await ledgerWithLaterEvents();
    await branch.start(basePoint);
    expect(balanceIn(branch, account)).toBe(120_00);
    // 110.00 is there now, but not at the branch point (100.00).
    await expect(inBranch.dispatch({ type: 'Withdraw', account, amount: 110_00 })).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect(branch.getState().plan!.inject).toEqual([]);
    expect(await ledger.store.readAll()).toEqual(realLog);
  });

  test('are refused, the branch as it was, when a later real event then breaks a rule', async () => {
    const { ledger, account, basePoint, branch, inBranch, realLog } = await ledgerWithLaterEvents();
    await branch.start(basePoint);
    // 80.00 at the branch point leaves 20.00: the real withdrawal of 60.00 after it could not have happened.
    await expect(inBranch.dispatch({ type: 'Withdraw', account, amount: 80_00 })).rejects.toBeInstanceOf(BranchRuleError);
    expect(branch.getState().plan!.inject).toEqual([]);
    expect(balanceIn(branch, account)).toBe(120_00);
    expect(await ledger.store.readAll()).toEqual(realLog);
  });

  test('a branch started at the present takes them at its end, dated now', async () => {
    const { ledger, account, branch, inBranch, realLog } = await ledgerWithLaterEvents();
    const last = await ledger.store.lastSeq();
    await branch.start(last);
    const { events } = await inBranch.dispatch({ type: 'Withdraw', account, amount: 110_00 });
    expect(events[0]!.meta).toMatchObject({ seq: last, at: TODAY.toISOString() });
    expect(balanceIn(branch, account)).toBe(10_00);
    expect(await ledger.store.readAll()).toEqual(realLog);
  });
});
