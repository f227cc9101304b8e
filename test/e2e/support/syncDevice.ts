import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  inactiveAccounts,
  listAccounts,
  listMessages,
  moneyMovedBy,
  type AccountsState,
  type OutboxState,
  type ReportsState,
} from '../../../src/domain/index.ts';
import type { StoredEvent } from '../../../src/eventstore/index.ts';
import type { TestDispatchResult } from '../../../src/app/testHook.ts';
import type { SyncStatus } from '../../../src/app/sync/types.ts';
import { newContext, VIEWPORTS } from './browser.ts';
import { openHookedTab, readLog } from './reliability.ts';
import { switchableProxy, type SwitchableProxy } from '../../app/sync/support/switchableProxy.ts';

/**
 * One device: a browser profile of its own (own IndexedDB) with the app open
 * through the test hook, reaching the sync server through a network of its own
 * that the test can cut.
 */
export interface Device {
  name: string;
  context: BrowserContext;
  page: Page;
  problems: string[];
  /** The app's console warnings (a rebase that did not finish says so there), for the message of a test that fails. */
  warnings: string[];
  /** The sync server's address as this device reaches it. */
  server: string;
  network: SwitchableProxy;
}

export async function openDevice(
  browser: Browser,
  name: string,
  server: string,
  viewport: keyof typeof VIEWPORTS = 'desktop',
  options: BrowserContextOptions = {},
): Promise<Device> {
  const context = await newContext(browser, { viewport: VIEWPORTS[viewport], locale: 'en-US', timezoneId: 'UTC', ...options });
  context.setDefaultTimeout(30_000);
  const network = await switchableProxy(server);
  const { page, problems } = await openHookedTab(context);
  return { name, context, page, problems, warnings: watchWarnings(page), server: network.url, network };
}

export function watchWarnings(page: Page): string[] {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  return warnings;
}

export async function closeDevice(device: Device): Promise<void> {
  await device.context.close();
  await device.network.close();
}

/**
 * The device loses its network: Chromium's offline mode (navigator.onLine, new
 * requests fail) does not cut a response already streaming, so the device's own
 * way to the server drops every open connection too.
 */
export async function goOffline(device: Device): Promise<void> {
  device.network.setOnline(false);
  await device.context.setOffline(true);
}

export async function goOnline(device: Device): Promise<void> {
  device.network.setOnline(true);
  await device.context.setOffline(false);
}

/** Whether a page call failed because the page navigated or closed under it (a rebase reloads the page). */
const navigatedAway = (error: unknown): boolean =>
  /Execution context was destroyed|navigat|Target closed|frame was detached|Cannot find context/i.test(String(error));

/** True in a page whose memory image is ready and whose log is healthy. */
const ready = () => {
  const state = window.__rewindTest?.state();
  return state?.status === 'ready' && state.health.state === 'ok';
};

/**
 * `fn` wrapped to run only if the page is ready at the very moment it runs: a
 * reload between a wait and a call would otherwise meet a fresh document whose
 * test hook is not there yet.
 */
function whenReady<A, R>(fn: (arg: A) => R | Promise<R>): (arg: A) => Promise<{ ready: false } | { ready: true; value: R }> {
  // Built on the Node side: the app's CSP forbids building functions in the page.
  return new Function('arg', `if (!(${ready.toString()})()) return { ready: false };
    return Promise.resolve((${fn.toString()})(arg)).then((value) => ({ ready: true, value }));`) as never;
}

/**
 * Runs `fn` in the page once its memory image is ready and its log healthy. A rebase reloads the
 * page by itself, so a call that meets a reload waits for the app to boot again
 * and runs once more; `once` calls (commands) run again only when they never started.
 */
export async function hooked<A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A, once = false): Promise<R> {
  const call = whenReady(fn);
  for (let attempt = 1; ; attempt++) {
    try {
      // A rebase replaces the log and then reloads: until the reload the old image is no longer the log's.
      await page.waitForFunction(ready, undefined, { timeout: 60_000 });
    } catch (error) {
      if (attempt < 10 && navigatedAway(error)) continue;
      throw error;
    }
    try {
      // Playwright's own type unboxes handles in the argument, which plain data never holds.
      const result = await page.evaluate(call as never, arg as never);
      if ((result as { ready: boolean }).ready) return (result as { value: R }).value;
      if (attempt >= 10) throw new Error('the page never stayed ready long enough to run a call');
    } catch (error) {
      if (once || attempt >= 10 || !navigatedAway(error)) throw error;
    }
  }
}

/** A command through the very dispatch the forms use; a reload under it answers a refusal named `Reloaded`. */
export async function command(page: Page, input: unknown): Promise<TestDispatchResult> {
  try {
    return await hooked(page, (c) => window.__rewindTest!.dispatch(c), input, true);
  } catch (error) {
    if (!navigatedAway(error)) throw error;
    return { ok: false, name: 'Reloaded', message: String(error) };
  }
}

export const syncStatus = (page: Page): Promise<SyncStatus> => hooked(page, () => window.__rewindTest!.sync.status(), undefined);
export const syncNow = (page: Page): Promise<string | undefined> => hooked(page, () => window.__rewindTest!.sync.syncNow(), undefined);
export const pairingLink = (page: Page): Promise<string | undefined> => hooked(page, () => window.__rewindTest!.sync.pairingLink(), undefined);
export const logOf = (page: Page): Promise<StoredEvent[]> => hooked(page, () => window.__rewindTest!.log(), undefined);

/** Creates a space on `server` from this device and waits until it says synced; answers the pairing link. */
export async function createSpace(device: Device): Promise<string> {
  const problem = await hooked(device.page, ([url, name]) => window.__rewindTest!.sync.createSpace(url, name), [device.server, device.name] as const);
  if (problem) throw new Error(`${device.name} could not create a space: ${problem}`);
  await waitSynced(device);
  return (await pairingLink(device.page))!;
}

/** Joins the space a pairing link names, reaching the server through this device's own network. */
export async function joinSpace(device: Device, link: string): Promise<void> {
  const query = new URLSearchParams(link.slice(link.lastIndexOf('?') + 1));
  query.set('server', device.server);
  const own = `${link.slice(0, link.lastIndexOf('?'))}?${query.toString()}`;
  const problem = await hooked(device.page, ([l, name]) => window.__rewindTest!.sync.joinSpace(l, name), [own, device.name] as const);
  if (problem) throw new Error(`${device.name} could not join: ${problem}`);
  await waitSynced(device);
}

/**
 * Waits until the device says it is synced with nothing waiting to send. It
 * asks for a sync first each time: the status a command finds is the one from
 * before its push.
 */
export async function waitSynced(device: Device, timeout = 30_000): Promise<void> {
  await expect
    .poll(async () => {
      await syncNow(device.page);
      const { phase, waiting, error } = await syncStatus(device.page);
      return { phase, waiting, error };
    }, { timeout, message: `${device.name} never said it was synced` })
    .toEqual({ phase: 'synced', waiting: 0, error: undefined });
}

/**
 * Brings every device to rest: each syncs until all say synced with nothing
 * waiting, hold the same number of events, and every memory image and process
 * manager has read the whole log (so no reaction is still to come).
 */
export async function settleAll(devices: Device[], timeout = 60_000): Promise<void> {
  await expect
    .poll(
      async () => {
        const views: { phase: string; waiting: number; events: number; imageDone: boolean; managersDone: boolean; warnings: string[] }[] = [];
        for (const device of devices) {
          await syncNow(device.page);
          const { phase, waiting } = await syncStatus(device.page);
          const { seq } = await hooked(device.page, () => window.__rewindTest!.state(), undefined);
          const { events, checkpoints } = await readLog(device.page);
          const managersDone = checkpoints.filter((c) => c.name.startsWith('pm:') && c.seq === events.length).length === 2;
          views.push({ phase, waiting, events: events.length, imageDone: seq === events.length, managersDone, warnings: device.warnings.slice(-3) });
        }
        const same = views.every((v) => v.events === views[0]!.events);
        return views.every((v) => v.phase === 'synced' && v.waiting === 0 && v.imageDone && v.managersDone) && same ? 'at rest' : JSON.stringify(views);
      },
      { timeout, interval: 250, message: 'the devices never came to rest' },
    )
    .toBe('at rest');
}

/** A device's log by stream, each stream's events in version order, without the local seq. */
export async function streamsOf(page: Page): Promise<Record<string, unknown[]>> {
  const byStream: Record<string, StoredEvent[]> = {};
  for (const event of await logOf(page)) (byStream[event.meta.stream] ??= []).push(event);
  return Object.fromEntries(
    Object.entries(byStream)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([stream, events]) => [
        stream,
        events.sort((a, b) => a.meta.version - b.meta.version).map(({ type, payload, meta: { seq: _seq, ...meta } }) => ({ type, payload, meta })),
      ]),
  );
}

/** A moment after every event the tests record, for the inactive-accounts report. */
const LATER = '2100-01-01T00:00:00.000Z';

/**
 * What the screens show from the read models: balances and account rows, the
 * outbox, the inactive accounts and money moved by month, plus the report and
 * totals states whole. The accounts list and the outbox keep each device's
 * arrival order (the log order, which differs per device), so those two are
 * compared as sets, sorted by account number and message id.
 */
export async function readModelsOf(page: Page) {
  const { states } = await hooked(page, () => window.__rewindTest!.state(), undefined);
  const accounts = states.accounts as unknown as AccountsState;
  const reports = states.reports as unknown as ReportsState;
  const byNumber = (a: { accountNumber: string }, b: { accountNumber: string }) => a.accountNumber.localeCompare(b.accountNumber);
  return {
    accounts: listAccounts(accounts).sort(byNumber),
    outbox: listMessages(states.outbox as unknown as OutboxState).sort((a, b) => a.messageId.localeCompare(b.messageId)),
    inactive: inactiveAccounts(accounts, LATER).map((a) => a.accountNumber).sort(),
    monthly: moneyMovedBy(reports, 'month'),
    reports,
    totals: states.totals,
    spending: states.spending,
  };
}

/** What the device's log says should be in the system: deposits minus withdrawals, up to the image's seq. */
export function moneyIn(events: readonly StoredEvent[], throughSeq: number): number {
  let sum = 0;
  for (const e of events) {
    if (e.meta.seq > throughSeq) break;
    const amount = (e.payload as { amount?: number } | null)?.amount ?? 0;
    if (e.type === 'FundsAdded') sum += amount;
    else if (e.type === 'FundsWithdrawn') sum -= amount;
  }
  return sum;
}
