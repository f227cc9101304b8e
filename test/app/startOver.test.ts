import { afterEach, expect, test } from 'vitest';
import { listAccounts } from '../../src/domain/index.ts';
import { asLedgerStates, openLedger, type Ledger } from '../../src/app/index.ts';

const opened: Ledger[] = [];
afterEach(async () => {
  for (const l of opened.splice(0)) await l.close();
});

/** A tab on the log, as after a page load. */
async function openTab(name: string): Promise<Ledger> {
  const ledger = await openLedger({ name, runProcessManagers: false });
  opened.push(ledger);
  await ledger.image.ready;
  return ledger;
}

const accountsOf = (l: Ledger) => listAccounts(asLedgerStates(l.image.getState().states).accounts);

async function ownLedger(name: string): Promise<Ledger> {
  const ledger = await openTab(name);
  await ledger.dispatch({ type: 'OpenAccount', owner: 'Ada Lovelace', email: 'ada@example.org', initialDeposit: 50_00 });
  return ledger;
}

test('the scope says how many events there are and whether every one is sample data', async () => {
  const ledger = await openTab('scope');
  expect(await ledger.files.startOverScope()).toEqual({ events: 0, allSample: false, anySample: false });
  const events = await ledger.loadSample(() => undefined);
  expect(await ledger.files.startOverScope()).toEqual({ events, allSample: true, anySample: true });
  await ledger.image.ready;
  const [account] = accountsOf(ledger);
  await ledger.dispatch({ type: 'AddFunds', account: account!.accountNumber, amount: 1_00, note: 'My own' });
  expect(await ledger.files.startOverScope()).toEqual({ events: events + 1, allSample: false, anySample: true });
});

test('starting over leaves an empty live log, and Restore brings back every event byte for byte', async () => {
  const before = await ownLedger('erase');
  await before.dispatch({ type: 'OpenAccount', owner: 'Grace Hopper', email: 'grace@example.org', initialDeposit: 20_00 });
  expect(await before.files.startOverScope()).toEqual({ events: 6, allSample: false, anySample: false });
  const lines = await before.eventStore.readLines();
  const events = await before.eventStore.lastSeq();
  expect(events).toBeGreaterThan(0);
  await before.files.startOver(events);

  const after = await openTab('erase');
  expect(await after.eventStore.lastSeq()).toBe(0);
  expect(accountsOf(after)).toEqual([]);
  expect(await after.files.describeBackup()).toMatchObject({ available: true });
  // The tab that erased can no longer write to the old log.
  await expect(before.dispatch({ type: 'OpenAccount', owner: 'Late', email: 'late@example.org', initialDeposit: 1_00 })).rejects.toThrow();

  await after.files.restoreBackup();
  const restored = await openTab('erase');
  expect(await restored.eventStore.lastSeq()).toBe(events);
  expect(await restored.eventStore.readLines()).toEqual(lines);
  expect(accountsOf(restored).map((a) => a.owner).sort()).toEqual(['Ada Lovelace', 'Grace Hopper']);
});

test('refused while a what-if branch is open or the past is shown, changing nothing', async () => {
  const ledger = await ownLedger('refused');
  const events = await ledger.eventStore.lastSeq();
  await ledger.branch.start(events);
  await expect(ledger.files.startOver(events)).rejects.toMatchObject({ code: 'LEAVE_VIEW_FIRST', message: /what-if branch is open/ });
  ledger.branch.discard();
  await ledger.travel.travelTo(1);
  await expect(ledger.files.startOver(events)).rejects.toMatchObject({ code: 'LEAVE_VIEW_FIRST', message: /viewing the past/ });
  ledger.travel.backToNow();
  expect(await ledger.eventStore.lastSeq()).toBe(events);
  expect(await ledger.files.describeBackup()).toEqual({ available: false });
  // Still the live log: it takes new events.
  await ledger.dispatch({ type: 'AddFunds', account: accountsOf(ledger)[0]!.accountNumber, amount: 1_00 });
});

test('refused when the log has grown since the person confirmed, changing nothing', async () => {
  const ledger = await ownLedger('grown');
  const confirmed = await ledger.eventStore.lastSeq();
  await ledger.dispatch({ type: 'AddFunds', account: accountsOf(ledger)[0]!.accountNumber, amount: 1_00 });
  await expect(ledger.files.startOver(confirmed)).rejects.toMatchObject({ code: 'LOG_CHANGED' });
  expect(await ledger.eventStore.lastSeq()).toBe(confirmed + 1);
  expect(await ledger.files.describeBackup()).toEqual({ available: false });
  await ledger.dispatch({ type: 'AddFunds', account: accountsOf(ledger)[0]!.accountNumber, amount: 1_00 });
  expect(await ledger.eventStore.lastSeq()).toBe(confirmed + 2);
});
