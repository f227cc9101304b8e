import { afterEach, expect, test } from 'vitest';
import { getAccount, type AccountsState } from '../../src/domain/index.ts';
import { useChromium } from './support/browser.ts';
import { openHookedTab } from './support/reliability.ts';
import { openVerified } from './support/syncSchedule.ts';
import { useSyncServer } from './support/syncServer.ts';
import { closeDevice, command, createSpace, hooked, joinSpace, openDevice, streamsOf, syncStatus, waitSynced, type Device } from './support/syncDevice.ts';

// A synced device with two tabs open: one tab runs sync, the other's changes still reach the other device,
// and both tabs say how sync stands.

const browser = useChromium();
const server = useSyncServer('sqlite');
let devices: Device[] = [];

afterEach(async () => {
  for (const device of devices) await closeDevice(device);
  devices = [];
});

const balanceIn = async (page: Device['page'], account: string) => {
  const { states } = await hooked(page, () => window.__rewindTest!.state(), undefined);
  return getAccount(states.accounts as unknown as AccountsState, account)?.balance;
};

test('two tabs of a synced laptop: a withdrawal in the tab that does not run sync reaches the phone, and both tabs show the status', async () => {
  const laptop = await openDevice(browser(), 'Laptop', server().url);
  const phone = await openDevice(browser(), 'Phone', server().url, 'phone');
  devices = [laptop, phone];
  const account = (await openVerified(laptop, 'Ada First', 'ada@example.org', 100_00))!;
  await joinSpace(phone, await createSpace(laptop));

  // A second tab of the laptop: the first holds the leader's lock, so it runs sync and the process managers.
  const { page: second } = await openHookedTab(laptop.context);
  const withdrawn = await command(second, { type: 'Withdraw', account, amount: 30_00 });
  expect(withdrawn.ok).toBe(true);

  await expect.poll(() => balanceIn(phone.page, account), { timeout: 30_000 }).toBe(70_00);
  await waitSynced(laptop);
  await waitSynced(phone);
  // The second tab hears how sync stands from the tab that runs it.
  await expect.poll(async () => (await syncStatus(second)).phase, { timeout: 30_000 }).toBe('synced');
  for (const page of [laptop.page, second]) await expect.poll(() => page.getByRole('link', { name: /Synced/ }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
  // One withdrawal notice for the whole ledger, recorded by the laptop, whichever tab made the withdrawal.
  expect(await streamsOf(phone.page)).toEqual(await streamsOf(laptop.page));
  const notices = Object.values(await streamsOf(phone.page))
    .flat()
    .filter((e) => (e as { type: string }).type === 'WithdrawalMessageQueued');
  expect(notices).toHaveLength(1);
});
