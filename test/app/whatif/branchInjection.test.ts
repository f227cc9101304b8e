import { afterEach, describe, expect, test } from 'vitest';
import { ledgerProjections } from '../../../src/domain/index.ts';
import { createWhatIfBranch } from '../../../src/app/parts.ts';
import { buildInjection, type InjectDraft } from '../../../src/app/whatif/branchInjection.ts';
import { openLedger, type Ledger } from '../testLedger.ts';

let ledger: Ledger | undefined;
afterEach(async () => {
  await ledger?.close();
  ledger = undefined;
});

/** Ada opens with 100.00 and is verified; then 10.00 and 20.00 come in, a second apart. */
async function branchOverDeposits() {
  ledger = await openLedger('branch-injection');
  const account = await ledger.open('Ada', 'ada@example.org', 100_00);
  await ledger.verify(account);
  const [ten] = await ledger.run({ type: 'AddFunds', account, amount: 10_00 });
  const [twenty] = await ledger.run({ type: 'AddFunds', account, amount: 20_00 });
  const branch = createWhatIfBranch({ eventStore: ledger.store, projections: ledgerProjections });
  await branch.start(await ledger.store.lastSeq());
  const result = branch.getState().result!;
  const first = (await ledger.store.readAll({ limit: 1 }))[0]!;
  const inject = (place: InjectDraft['place']) =>
    buildInjection(ledger!.store, result, { kind: 'deposit', account, cents: 5_00, note: '', place });
  return { ten: ten!, twenty: twenty!, first, result, inject };
}

const plus = (at: string, ms: number) => new Date(Date.parse(at) + ms).toISOString();

describe('an injection placed by date and time', () => {
  test('goes right after the last event recorded at or before that time, and is recorded then', async () => {
    const { ten, twenty, result, inject } = await branchOverDeposits();
    expect(await inject({ at: ten.meta.at })).toMatchObject({ afterSeq: ten.meta.seq, event: { meta: { at: ten.meta.at } } });
    const between = plus(ten.meta.at, 500);
    expect(await inject({ at: between })).toMatchObject({ afterSeq: ten.meta.seq, event: { meta: { at: between } } });
    expect(await inject({ at: plus(twenty.meta.at, -1) })).toMatchObject({ afterSeq: ten.meta.seq });
    const later = plus(twenty.meta.at, 86_400_000);
    expect(await inject({ at: later })).toMatchObject({ afterSeq: result.toSeq, event: { meta: { at: later } } });
  });

  test('before the account was opened, is refused in the domain’s words', async () => {
    const { first, inject } = await branchOverDeposits();
    await expect(inject({ at: plus(first.meta.at, -60_000) })).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
  });

  test('a time that is no time is refused', async () => {
    const { inject } = await branchOverDeposits();
    await expect(inject({ at: 'not a time' })).rejects.toThrow(/date and time/);
  });

  test('placed by event number, it is dated as the event it follows', async () => {
    const { ten, inject } = await branchOverDeposits();
    expect(await inject({ afterSeq: ten.meta.seq })).toMatchObject({ afterSeq: ten.meta.seq, event: { meta: { at: ten.meta.at } } });
  });
});
