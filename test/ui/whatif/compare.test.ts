import { afterEach, describe, expect, test } from 'vitest';
import type { AccountOpened, Stored } from '../../../src/domain/index.ts';
import { asLedgerStates, openLedger, type Ledger } from '../../../src/app/index.ts';
import { compareWithReality } from '../../../src/ui/whatif/compare.ts';

let ledger: Ledger | undefined;
afterEach(async () => {
  await ledger?.close();
  ledger = undefined;
});

/** Opens an account (with a first deposit unless it is 0); `seqs` are the events that wrote it. */
async function open(owner: string, initialDeposit: number): Promise<{ account: string; seqs: number[] }> {
  const deposit = initialDeposit > 0 ? { initialDeposit } : {};
  const { events } = await ledger!.dispatch({ type: 'OpenAccount', owner, email: `${owner.toLowerCase()}@example.org`, ...deposit });
  return { account: (events[0] as Stored<AccountOpened>).payload.accountNumber, seqs: events.map((e) => e.meta.seq) };
}

const live = () => asLedgerStates(ledger!.image.getState().states);
const inBranch = () => asLedgerStates(ledger!.branch.getState().result!.states);

describe('comparing a what-if branch with reality', () => {
  test('lists the accounts that differ, with the difference and what else changed; the rest are counted as the same', async () => {
    ledger = await openLedger({ name: 'compare', runProcessManagers: false });
    await ledger.image.ready;
    const ada = await open('Ada', 100_00);
    const bob = await open('Bob', 20_00);
    const cy = await open('Cy', 5_00);

    await ledger.branch.start(Math.max(...cy.seqs));
    for (const seq of bob.seqs.toReversed()) await ledger.branch.toggleSkip(seq);
    await ledger.dispatch({ type: 'AddFunds', account: ada.account, amount: 50_00 });
    const dee = (await ledger.dispatch({ type: 'OpenAccount', owner: 'Dee', email: 'dee@example.org', initialDeposit: 7_00 })).events[0] as Stored<AccountOpened>;

    const comparison = compareWithReality(inBranch(), live());
    expect(comparison.sameCount).toBe(1);
    expect(comparison.accounts.map(({ owner, difference, notes }) => ({ owner, difference, notes }))).toEqual([
      { owner: 'Ada', difference: 50_00, notes: [] },
      { owner: 'Dee', difference: 7_00, notes: ['Only in this branch'] },
      { owner: 'Bob', difference: -20_00, notes: ['Only in reality'] },
    ]);
    const onlyInBranch = comparison.accounts.find((a) => a.owner === 'Dee')!;
    expect(onlyInBranch).toMatchObject({ accountNumber: dee.payload.accountNumber, reality: undefined, branch: { balance: 7_00 } });
    expect(comparison.totals.find((t) => t.label === 'Money in the system')).toEqual({
      label: 'Money in the system',
      kind: 'money',
      toned: true,
      branch: 100_00 + 50_00 + 5_00 + 7_00,
      reality: 100_00 + 20_00 + 5_00,
    });
    expect(comparison.totals.find((t) => t.label === 'Open accounts')).toMatchObject({ branch: 3, reality: 3 });
  });

  test('a branch that changes nothing shows no account, every one counted as the same', async () => {
    ledger = await openLedger({ name: 'compare-same', runProcessManagers: false });
    await ledger.image.ready;
    await open('Ada', 100_00);
    const bob = await open('Bob', 0);
    await ledger.branch.start(Math.max(...bob.seqs));

    const comparison = compareWithReality(inBranch(), live());
    expect(comparison.accounts).toEqual([]);
    expect(comparison.sameCount).toBe(2);
    expect(comparison.totals.every((t) => t.branch === t.reality)).toBe(true);
  });

  test('an account closed only in the branch is named so', async () => {
    ledger = await openLedger({ name: 'compare-closed', runProcessManagers: false });
    await ledger.image.ready;
    const ada = await open('Ada', 0);
    await ledger.branch.start(Math.max(...ada.seqs));
    await ledger.dispatch({ type: 'CloseAccount', account: ada.account });

    const [difference] = compareWithReality(inBranch(), live()).accounts;
    expect(difference).toMatchObject({ owner: 'Ada', difference: 0, notes: ['Closed in this branch'] });
  });
});
