import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { useChromium } from './support/browser.ts';
import { importThroughUi, smallLedger, writeLogFile } from './support/ledgerFiles.ts';
import { toast } from './support/screens.ts';
import { openVerified, unexpectedProblems } from './support/syncSchedule.ts';
import { accessOf, useSyncServer } from './support/syncServer.ts';
import {
  closeDevice,
  command,
  createSpace,
  goOffline,
  goOnline,
  joinSpace,
  logOf,
  openDevice,
  readModelsOf,
  settleAll,
  streamsOf,
  syncStatus,
  waitSynced,
  type Device,
} from './support/syncDevice.ts';

// Two devices (a laptop and a phone, each its own Chromium profile) sharing one ledger through the real server on SQLite.

const browser = useChromium();
const server = useSyncServer('sqlite');
let devices: Device[] = [];

afterEach(async () => {
  for (const device of devices) await closeDevice(device);
  devices = [];
});

/** A laptop holding Ada's verified account with €100.00 and a phone (in `phoneLocale`) paired to it, both synced. */
async function pairedDevices(phoneLocale = 'en-US') {
  const laptop = await openDevice(browser(), 'Laptop', server().url);
  const phone = await openDevice(browser(), 'Phone', server().url, 'phone', { locale: phoneLocale });
  devices = [laptop, phone];
  const account = (await openVerified(laptop, 'Ada First', 'ada@example.org', 100_00))!;
  const link = await createSpace(laptop);
  await joinSpace(phone, link);
  return { laptop, phone, account, link };
}

/** The balance the Accounts screen shows for an owner (spaces of any kind read as one), once it shows `expected`. */
async function showsBalance(page: Page, owner: string, expected: string): Promise<void> {
  const row = page.getByRole('link').filter({ hasText: owner });
  const shown = async () => ((await row.locator('.money').first().textContent({ timeout: 30_000 })) ?? '').replace(/\s/g, ' ');
  await expect.poll(shown, { timeout: 30_000 }).toBe(expected);
}

test('the same account withdrawn on two offline devices: the withdrawal that no longer fits is decided again, refused and told on the phone (in German); both show the same balance', async () => {
  const { laptop, phone, account } = await pairedDevices('de-DE');
  await goOffline(laptop);
  await goOffline(phone);
  expect(await command(laptop.page, { type: 'Withdraw', account, amount: 80_00 })).toMatchObject({ ok: true });
  expect(await command(phone.page, { type: 'Withdraw', account, amount: 50_00, note: 'Bike' })).toMatchObject({ ok: true });
  await showsBalance(phone.page, 'Ada First', '50,00 €');

  await goOnline(laptop);
  await waitSynced(laptop);
  await goOnline(phone);
  await settleAll(devices);

  const [conflict, ...more] = (await syncStatus(phone.page)).conflicts;
  expect(more).toEqual([]);
  expect(conflict).toMatchObject({
    command: { type: 'Withdraw', account, amount: 50_00, note: 'Bike' },
    device: 'Phone',
    outcome: 'refused',
    reason: { code: 'INSUFFICIENT_FUNDS' },
    competing: [{ device: 'Laptop', type: 'FundsWithdrawn', amount: 80_00, accountNumber: account }],
  });
  expect(conflict!.reason!.message).toMatch(/\S/);
  expect((await syncStatus(laptop.page)).conflicts).toEqual([]);
  await showsBalance(phone.page, 'Ada First', '20,00 €');
  await showsBalance(laptop.page, 'Ada First', '€20.00');
  expect(await streamsOf(phone.page)).toEqual(await streamsOf(laptop.page));
  for (const device of devices) expect(unexpectedProblems(device)).toEqual([]);
}, 90_000);

test('the same account withdrawn on two offline devices where both fit: both are kept, and the phone is told its withdrawal was applied on top of the laptop’s', async () => {
  const { laptop, phone, account } = await pairedDevices();
  await goOffline(laptop);
  await goOffline(phone);
  await command(laptop.page, { type: 'Withdraw', account, amount: 30_00 });
  await command(phone.page, { type: 'Withdraw', account, amount: 20_00 });
  await goOnline(laptop);
  await waitSynced(laptop);
  await goOnline(phone);
  await settleAll(devices);

  expect((await syncStatus(phone.page)).conflicts).toMatchObject([
    { command: { type: 'Withdraw', account, amount: 20_00 }, device: 'Phone', outcome: 'applied', competing: [{ device: 'Laptop', type: 'FundsWithdrawn', amount: 30_00 }] },
  ]);
  await showsBalance(phone.page, 'Ada First', '€50.00');
  await showsBalance(laptop.page, 'Ada First', '€50.00');
  // One withdrawal notice each, recorded once for the whole ledger.
  const notices = (await readModelsOf(laptop.page)).outbox.filter((m) => m.kind === 'withdrawal').map((m) => m.amount);
  expect(notices.sort()).toEqual([20_00, 30_00]);
  expect(await readModelsOf(phone.page)).toEqual(await readModelsOf(laptop.page));
}, 90_000);

test('live: with both online, money added on the laptop’s account screen shows on the phone’s Accounts screen, and the phone’s withdrawal on the laptop’s, with no one asking to sync', async () => {
  const { laptop, phone, account } = await pairedDevices();
  await laptop.page.goto(new URL(`#/accounts/${account}`, laptop.page.url()).href);
  const addFunds = laptop.page.getByRole('form', { name: 'Add funds' });
  await addFunds.getByLabel('Amount (EUR)').fill('12.34');
  await addFunds.getByRole('button', { name: 'Add funds' }).click();
  await toast(laptop.page).filter({ hasText: 'Added €12.34.' }).waitFor();
  await showsBalance(phone.page, 'Ada First', '€112.34');

  expect(await command(phone.page, { type: 'Withdraw', account, amount: 2_34 })).toMatchObject({ ok: true });
  await laptop.page.goto(new URL('#/accounts', laptop.page.url()).href);
  await showsBalance(laptop.page, 'Ada First', '€110.00');
  await settleAll(devices);
  expect(await streamsOf(phone.page)).toEqual(await streamsOf(laptop.page));
}, 90_000);

test('importing a file with Replace on a synced phone takes the phone out of the space; the laptop and the server keep the shared ledger and go on syncing', async () => {
  const { laptop, phone, account, link } = await pairedDevices();
  await command(phone.page, { type: 'Withdraw', account, amount: 10_00 });
  await settleAll(devices);
  const shared = await streamsOf(laptop.page);

  const other = smallLedger({ alice: 'Carol Other', bob: 'Dan Other' });
  await importThroughUi(phone.page, await writeLogFile(other.events), 'Replace the current log');
  await expect.poll(async () => (await syncStatus(phone.page)).phase).toBe('off');
  expect((await logOf(phone.page)).length).toBe(other.events.length);

  // The laptop never sees the imported ledger, and the server holds only the shared one.
  await command(laptop.page, { type: 'AddFunds', account, amount: 5_00 });
  await waitSynced(laptop);
  const held = await server().events(accessOf(link));
  expect(held.some((p) => p.event.meta.id === other.events[0]!.meta.id)).toBe(false);
  expect(held.length).toBe(Object.values(shared).flat().length + 1);
  expect((await logOf(laptop.page)).length).toBe(held.length);
  await laptop.page.goto(new URL('#/accounts', laptop.page.url()).href);
  await showsBalance(laptop.page, 'Ada First', '€95.00');
  expect(await laptop.page.getByRole('link').filter({ hasText: 'Carol Other' }).count()).toBe(0);
}, 90_000);

test('a command landing on the phone while it rebases: the rebase is tried again and the phone ends synced, nothing lost', async () => {
  const { laptop, phone, account } = await pairedDevices();
  const own = (await openVerified(phone, 'Bea Phone', 'bea@example.org', 10_00))!;
  await settleAll(devices);
  await goOffline(phone);
  await command(phone.page, { type: 'Withdraw', account, amount: 10_00 });
  await command(laptop.page, { type: 'AddFunds', account, amount: 5_00 });
  await waitSynced(laptop);

  // The phone comes back online while its person keeps adding cents to their own account.
  const adding = phone.page
    .evaluate(async (to) => {
      for (let i = 0; i < 200; i++) await window.__rewindTest!.dispatch({ type: 'AddFunds', account: to, amount: 1 });
    }, own)
    .catch(() => undefined);
  await goOnline(phone);
  await adding;
  await settleAll(devices);
  expect(await streamsOf(phone.page)).toEqual(await streamsOf(laptop.page));
  expect((await readModelsOf(phone.page)).accounts.find((a) => a.accountNumber === account)?.balance).toBe(95_00);
}, 90_000);
