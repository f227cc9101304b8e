import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterEach, describe, expect, inject, test } from 'vitest';
import { DeviceLedger } from '../server/support/ledger.ts';
import { newSpace, push } from '../server/support/client.ts';
import { switchableProxy, type SwitchableProxy } from '../app/sync/support/switchableProxy.ts';
import { CHROMIUM_FLAGS, useChromium, VIEWPORTS } from './support/browser.ts';
import { openHookedTab } from './support/reliability.ts';
import { openVerified, unexpectedProblems } from './support/syncSchedule.ts';
import { accessOf, useSyncServer } from './support/syncServer.ts';
import {
  closeDevice,
  command,
  createSpace,
  joinSpace,
  logOf,
  openDevice,
  settleAll,
  streamsOf,
  syncStatus,
  waitSynced,
  watchWarnings,
  type Device,
} from './support/syncDevice.ts';

// Crashes in the middle of sync: the browser closed during a push, the server stopped during a pull.

const browser = useChromium();
const server = useSyncServer('sqlite');
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A phone whose profile lives in a folder of its own, so it survives its browser being closed, with its own way to the server. */
async function persistentPhone(dir: string, network: SwitchableProxy): Promise<Device> {
  const context: BrowserContext = await chromium.launchPersistentContext(dir, {
    executablePath: inject('chromiumPath'),
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: VIEWPORTS.phone,
    locale: 'en-US',
    timezoneId: 'UTC',
    // page.route sees the app's requests only when no service worker stands in between.
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(30_000);
  for (const page of context.pages()) await page.close();
  const { page, problems } = await openHookedTab(context);
  return { name: 'Phone', context, page, problems, warnings: watchWarnings(page), server: network.url, network };
}

describe.each(['after the server stored it', 'before it reached the server'] as const)('the phone’s browser closed during a push, %s', (when) => {
  test('opening the phone again loses nothing and doubles nothing, on the phone or on the server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rewind-phone-'));
    const network = await switchableProxy(server().url);
    cleanups.push(async () => {
      await network.close();
      rmSync(dir, { recursive: true, force: true });
    });
    let phone = await persistentPhone(dir, network);
    const account = (await openVerified(phone, 'Ada First', 'ada@example.org', 100_00))!;
    const link = await createSpace(phone);

    // Hold the phone's next push: forwarded to the server or not, its answer never comes back.
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    await phone.page.route('**/spaces/*/commits', async (route) => {
      if (when === 'after the server stored it') await route.fetch();
      held();
    });
    const withdrawal = await command(phone.page, { type: 'Withdraw', account, amount: 10_00, note: 'Cinema' });
    if (!withdrawal.ok) throw new Error(withdrawal.message);
    const withdrawalId = withdrawal.events[0]!.id;
    await holding;
    expect((await server().events(accessOf(link))).some((p) => p.event.meta.id === withdrawalId)).toBe(when === 'after the server stored it');
    await phone.context.close();

    phone = await persistentPhone(dir, network);
    cleanups.push(() => phone.context.close());
    await settleAll([phone]);
    const stored = await server().events(accessOf(link));
    const ids = stored.map((p) => p.event.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id === withdrawalId)).toHaveLength(1);
    // The withdrawal notice too, once for the whole ledger.
    expect(stored.filter((p) => p.event.type === 'WithdrawalMessageQueued')).toHaveLength(1);
    const log = await logOf(phone.page);
    expect(new Set(log.map((e) => e.meta.id)).size).toBe(log.length);
    const onServer: Record<string, unknown[]> = {};
    for (const { event } of stored) (onServer[event.meta.stream] ??= []).push(event);
    expect(await streamsOf(phone.page)).toEqual(onServer);
    expect((await syncStatus(phone.page)).conflicts).toEqual([]);
    expect(unexpectedProblems(phone)).toEqual([]);
  }, 90_000);
});

test('the server stopped in the middle of a new device’s pull of 4,500 events: started again on the same file and port, the device goes on from where it was and holds every event once', async () => {
  // A ledger of 4,500 events pushed by another device straight to the server, its deposits a few hundred to a commit.
  const space = await newSpace(server().url);
  const writer = new DeviceLedger('tablet');
  const accounts = Array.from({ length: 10 }, (_, i) => `40000000000000${String(i).padStart(2, '0')}`);
  const commits = accounts.map((account) => writer.open(account, `Owner ${account.slice(-2)}`));
  const deposits = Array.from({ length: 4_500 - 40 }, (_, i) => writer.deposit(accounts[i % accounts.length]!, 1_00).events[0]!);
  for (let i = 0; i < deposits.length; i += 500) commits.push({ id: `deposits-${i}`, events: deposits.slice(i, i + 500) });
  expect((await push(server().url, space, commits, 'Tablet')).status).toBe(200);
  const total = (await server().events(space)).length;
  expect(total).toBe(4_500);

  const phone = await openDevice(browser(), 'Phone', server().url, 'phone');
  cleanups.push(() => closeDevice(phone));
  const asked: number[] = [];
  let stopped!: () => void;
  const stopping = new Promise<void>((resolve) => (stopped = resolve));
  await phone.page.route('**/spaces/*/events?*', async (route) => {
    const url = new URL(route.request().url());
    const after = Number(url.searchParams.get('after'));
    asked.push(after);
    // The second page of the pull: the server goes down under it.
    if (after > 0 && asked.filter((a) => a > 0).length === 1) {
      await server().stop();
      stopped();
      return route.abort('connectionreset');
    }
    // Pages of 1,500, so that 4,500 events take three.
    url.searchParams.set('limit', '1500');
    await route.continue({ url: url.href });
  });
  const link = `${new URL('?e2e', phone.page.url()).href}#/sync/join?${new URLSearchParams({ server: server().url, space: space.spaceId, secret: space.secret }).toString()}`;
  const joining = joinSpace(phone, link);
  await stopping;
  await expect.poll(async () => (await syncStatus(phone.page)).phase, { timeout: 30_000 }).toBe('offline');
  const beforeRestart = await logOf(phone.page);
  expect(beforeRestart.length).toBeGreaterThan(0);
  expect(beforeRestart.length).toBeLessThan(total);

  await server().start();
  await joining;
  await waitSynced(phone, 60_000);
  const log = await logOf(phone.page);
  expect(log).toHaveLength(total);
  expect(new Set(log.map((e) => e.meta.id)).size).toBe(total);
  // It went on from its position: once the first page was in, no page was asked for from before where it stopped.
  const stoppedAt = asked.find((a) => a > 0)!;
  expect(asked.slice(asked.indexOf(stoppedAt) + 1).every((a) => a >= stoppedAt)).toBe(true);
  // Each stream holds the server's events in the server's order, byte for byte but for the local seq.
  const held: Record<string, unknown[]> = {};
  for (const { event } of await server().events(space)) (held[event.meta.stream] ??= []).push(event);
  expect(await streamsOf(phone.page)).toEqual(held);
}, 90_000);
