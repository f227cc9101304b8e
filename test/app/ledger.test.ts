import { afterEach, describe, expect, test } from 'vitest';
import { getAccount, listMessages, type AccountOpened, type Stored } from '../../src/domain/index.ts';
import { asLedgerStates, openLedger, type Ledger } from '../../src/app/index.ts';

let ledger: Ledger | undefined;
afterEach(async () => {
  await ledger?.close();
  ledger = undefined;
});

async function withAccount(deposit = 100_00) {
  ledger = await openLedger({ name: 'ledger' });
  await ledger.image.ready;
  const opened = await ledger.dispatch({ type: 'OpenAccount', owner: 'Ada', email: 'ada@example.org', initialDeposit: deposit });
  const account = (opened.events[0] as Stored<AccountOpened>).payload.accountNumber;
  // The verification mailer reacts asynchronously; let it settle so the log stops moving.
  await expect.poll(() => listMessages(live(ledger!).outbox).length).toBe(1);
  return { ledger, account };
}

const live = (l: Ledger) => asLedgerStates(l.image.getState().states);

describe('the ledger', () => {
  test('a dispatched command is visible in the memory image when it resolves', async () => {
    const { ledger, account } = await withAccount();
    expect(getAccount(live(ledger).accounts, account)).toMatchObject({ owner: 'Ada', balance: 100_00 });
  });

  test('commands dispatched together each resolve with their events already in the memory image', async () => {
    const { ledger, account } = await withAccount(1);
    const seen = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        ledger.dispatch({ type: 'AddFunds', account, amount: i + 1 }).then(({ events }) => ({
          seq: events[0]!.meta.seq,
          shown: ledger.image.getState().seq,
        })),
      ),
    );
    for (const { seq, shown } of seen) expect(shown).toBeGreaterThanOrEqual(seq);
    expect(getAccount(live(ledger).accounts, account)?.balance).toBe(1 + (30 * 31) / 2);
  });

  test('the verification mailer queues a message for each opened account', async () => {
    const { ledger, account } = await withAccount();
    expect(listMessages(live(ledger).outbox)[0]).toMatchObject({ accountNumber: account, status: 'queued' });
  });

  test('while viewing the past, commands are refused and nothing is written', async () => {
    const { ledger, account } = await withAccount();
    await ledger.travel.travelTo(1);
    const before = await ledger.eventStore.lastSeq();
    await expect(ledger.dispatch({ type: 'AddFunds', account, amount: 5_00 })).rejects.toMatchObject({ code: 'VIEWING_PAST' });
    expect(await ledger.eventStore.lastSeq()).toBe(before);
  });

  test('in a what-if branch, commands are decided against the branch and never written', async () => {
    const { ledger, account } = await withAccount(100_00);
    const realSeq = await ledger.eventStore.lastSeq();
    await ledger.branch.start(realSeq);
    await ledger.dispatch({ type: 'AddFunds', account, amount: 50_00 });
    const branchStates = asLedgerStates(ledger.branch.getState().result!.states);
    expect(getAccount(branchStates.accounts, account)?.balance).toBe(150_00);
    expect(getAccount(live(ledger).accounts, account)?.balance).toBe(100_00);
    expect(ledger.branch.getState().plan?.inject[0]?.event.meta?.id).toMatch(/^what-if:/);
    // Closing needs a zero balance in the branch, not in reality.
    await expect(ledger.dispatch({ type: 'CloseAccount', account })).rejects.toMatchObject({ code: 'NONZERO_BALANCE' });
    expect(await ledger.eventStore.lastSeq()).toBe(realSeq);
    // Two commands in one turn of the branch: both injected, the second decided on the first.
    const both = await Promise.all([
      ledger.dispatch({ type: 'AddFunds', account, amount: 1 }),
      ledger.dispatch({ type: 'AddFunds', account, amount: 2 }),
    ]);
    expect(both.map((r) => r.events[0]!.meta.version)).toEqual([
      both[0]!.events[0]!.meta.version,
      both[0]!.events[0]!.meta.version + 1,
    ]);
    const after = asLedgerStates(ledger.branch.getState().result!.states);
    expect(getAccount(after.accounts, account)?.balance).toBe(150_03);
    ledger.branch.discard();
    await ledger.dispatch({ type: 'AddFunds', account, amount: 1 });
    expect(await ledger.eventStore.lastSeq()).toBe(realSeq + 1);
  });
});
