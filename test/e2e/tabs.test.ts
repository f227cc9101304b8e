import type { BrowserContext, Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { ledgerProjections } from '../../src/domain/index.ts';
import { foldAll } from '../../src/replay/index.ts';
import type { TestDispatchResult } from '../../src/app/testHook.ts';
import { newContext, useChromium } from './support/browser.ts';
import {
  commandMix,
  dispatch,
  dispatchAll,
  imageOf,
  logProblems,
  negativeBalances,
  openHookedTab,
  openVerifiedAccounts,
  readLog,
  settledLog,
} from './support/reliability.ts';
import { toast } from './support/screens.ts';

const browser = useChromium();
/** Commands the tabs send in all, shared among them: with more tabs each sends fewer, and conflicts come more often. */
const COMMANDS = 200;
const OWNERS = ['Ada', 'Bob', 'Cy', 'Dee', 'Eve', 'Fay', 'Gus', 'Hal', 'Ida', 'Jo'];
/** The screens the tabs show while they work (a chart-heavy screen such as Reports would mostly measure rendering). */
const SCREENS = ['#/accounts', '#/outbox', '#/data', '#/accounts'];

const ledgerContext = (): Promise<BrowserContext> => newContext(browser(), { locale: 'en-US', timezoneId: 'UTC' });

async function concurrentTabs(tabCount: number) {
  const perTab = COMMANDS / tabCount;
  const context = await ledgerContext();
  const tabs = [];
  for (let i = 0; i < tabCount; i++) tabs.push(await openHookedTab(context, SCREENS[i]));
  const pages = tabs.map((t) => t.page);
  const accounts = await openVerifiedAccounts(pages[0]!, OWNERS);

  const started = performance.now();
  const outcomes = await Promise.all(pages.map((page, i) => dispatchAll(page, commandMix(accounts, perTab, 7 * tabCount + i))));
  const seconds = (performance.now() - started) / 1000;
  const log = await settledLog(pages[0]!);
  const retried = outcomes.flat().filter((o) => o.ok && o.attempts > 1).length;
  console.info(
    `${tabCount} tabs × ${perTab} commands: ${seconds.toFixed(1)} s (${Math.round(COMMANDS / seconds)} commands/s, ${retried} decided again after a conflict), log of ${log.events.length} events`,
  );

  // Gapless, no repeated id, streams consistent, no half of a command.
  expect(logProblems(log)).toEqual([]);
  expect(negativeBalances(log.events)).toEqual([]);

  // Exactly the acknowledged commands wrote events: every one is there where it was acknowledged, and a refused one wrote nothing.
  const acknowledged = outcomes.flat().flatMap((o) => (o.ok ? o.events : []));
  const bySeq = new Map(log.events.map((e) => [e.meta.seq, e]));
  for (const event of acknowledged) expect(bySeq.get(event.seq)?.meta).toMatchObject({ id: event.id, stream: event.stream });
  const setupEvents = log.events.filter((e) => e.meta.causationId === undefined).length - acknowledged.length;
  expect(setupEvents).toBe(OWNERS.length * 4);
  // Refusals are the rules at work (and, rarely, retries running out), never anything else.
  const refusals = outcomes.flat().filter((o): o is Extract<TestDispatchResult, { ok: false }> => !o.ok);
  expect(refusals.filter((r) => r.code !== 'INSUFFICIENT_FUNDS' && r.code !== 'CONFLICT')).toEqual([]);
  expect(acknowledged.length).toBeGreaterThan(COMMANDS * 0.5);

  // One notice per withdrawal, however many tabs were open: the notifier ran in one tab at a time.
  const withdrawals = log.events.filter((e) => e.type === 'FundsWithdrawn').length;
  expect(log.events.filter((e) => e.type === 'WithdrawalMessageQueued')).toHaveLength(withdrawals);

  // Every tab's memory image is the fold of the whole log.
  const expected = foldAll(ledgerProjections, log.events);
  for (const page of pages) {
    await expect.poll(async () => (await imageOf(page)).seq).toBe(log.events.length);
    expect((await imageOf(page)).states).toEqual(expected);
  }
  for (const { problems } of tabs) expect(problems).toEqual([]);
  await context.close();
}

// These assert what the log holds, not how fast: the time limits leave room for a busy 2-core machine.
test(`two tabs append ${COMMANDS / 2} commands each on shared accounts: the log is gapless, balances never go below zero, both tabs agree`, async () => {
  await concurrentTabs(2);
}, 150_000);

test(`four tabs append ${COMMANDS / 4} commands each on shared accounts: the same`, async () => {
  await concurrentTabs(4);
}, 300_000);

test('a visible tab shows another tab’s change within a second; a frozen (hidden) tab catches up as soon as it is shown', async () => {
  const context = await ledgerContext();
  const watcher = await openHookedTab(context);
  const writer = await openHookedTab(context);
  const opened = await dispatch(writer.page, { type: 'OpenAccount', owner: 'Ada Lovelace', email: 'ada@example.org', initialDeposit: 100_00 });
  if (!opened.ok) throw new Error(opened.message);
  const account = `#/accounts/${opened.events[0]!.stream.slice('account-'.length)}`;
  await watcher.page.goto(new URL(account, watcher.page.url()).href);
  await writer.page.goto(new URL(account, writer.page.url()).href);
  const balance = watcher.page.locator('.account-balance-value');
  await expect.poll(() => balance.textContent()).toBe('€100.00');

  const addFunds = async (amount: string) => {
    const form = writer.page.getByRole('form', { name: 'Add funds' });
    await form.getByLabel('Amount (EUR)').fill(amount);
    await form.getByRole('button', { name: 'Add funds', exact: true }).click();
    await toast(writer.page).filter({ hasText: amount }).waitFor();
  };

  await addFunds('12.34');
  await expect.poll(() => balance.textContent(), { timeout: 1_000, interval: 25 }).toBe('€112.34');

  // Chromium freezes hidden background tabs; a frozen tab runs nothing, and hears nothing, until it is shown.
  const lifecycle = await context.newCDPSession(watcher.page);
  await lifecycle.send('Page.setWebLifecycleState', { state: 'frozen' });
  await addFunds('7.66');
  await new Promise((resolve) => setTimeout(resolve, 300));
  await lifecycle.send('Page.setWebLifecycleState', { state: 'active' });
  await expect.poll(() => balance.textContent(), { timeout: 1_000, interval: 25 }).toBe('€120.00');
  expect(watcher.problems).toEqual([]);
  await context.close();
});

/** The Web Locks this page's origin holds and waits for, by name. */
const locks = (page: Page) =>
  page.evaluate(async () => {
    const { held = [], pending = [] } = await navigator.locks.query();
    return { held: held.map((l) => l.name).sort(), pending: pending.map((l) => l.name).sort() };
  });

test('process managers and snapshots run in one tab at a time; when it closes another takes over, with no message sent twice and none skipped', async () => {
  const context = await ledgerContext();
  const leader = await openHookedTab(context);
  const follower = await openHookedTab(context, '#/outbox');
  const roles = ['rewind-process-managers', 'rewind-snapshots'];
  expect(await locks(follower.page)).toEqual({ held: roles, pending: roles });

  const open = (from: number, count: number) =>
    dispatchAll(
      follower.page,
      Array.from({ length: count }, (_, i) => ({ type: 'OpenAccount', owner: `Owner ${from + i}`, email: `owner${from + i}@example.org` })),
    );
  await open(0, 15);
  // The leader is still queueing messages for these when it goes, and more accounts keep opening meanwhile.
  const more = open(15, 25);
  await leader.page.close();
  expect((await more).every((r) => r.ok)).toBe(true);

  const log = await settledLog(follower.page);
  const opened = log.events.filter((e) => e.type === 'AccountOpened').map((e) => (e.payload as { accountNumber: string }).accountNumber);
  const messages = log.events.filter((e) => e.type === 'VerificationMessageQueued').map((e) => (e.payload as { accountNumber: string }).accountNumber);
  expect(opened).toHaveLength(40);
  expect(messages.sort()).toEqual(opened.sort());
  expect(logProblems(log)).toEqual([]);
  expect(await locks(follower.page)).toEqual({ held: roles, pending: [] });

  // Snapshots are the new leader's job too: of a position the old leader never saw.
  const extra = await dispatch(follower.page, { type: 'AddFunds', account: opened[0], amount: 5_00 });
  if (!extra.ok) throw new Error(extra.message);
  await follower.page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const seq = extra.events[0]!.seq;
  await expect.poll(async () => (await readLog(follower.page)).snapshots.filter((s) => s.seq >= seq).length).toBe(ledgerProjections.length);
  expect(follower.problems).toEqual([]);
  await context.close();
});

test('a newer version opening the database in another tab: older tabs let go at once and say "A newer version is open", never an unhandled DatabaseClosedError', async () => {
  const context = await ledgerContext();
  const older = [await openHookedTab(context), await openHookedTab(context, '#/outbox')];
  const [first] = older;
  const opened = await dispatch(first!.page, { type: 'OpenAccount', owner: 'Ada Lovelace', email: 'ada@example.org', initialDeposit: 100_00 });
  if (!opened.ok) throw new Error(opened.message);
  await expect.poll(async () => (await readLog(first!.page)).events.length).toBe(4);

  // The newer version: same origin, the database opened at a higher version with one more table.
  const newer = await context.newPage();
  await newer.goto(new URL('favicon.svg', inject('baseURL')).href);
  const version = await newer.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('rewind', 1000);
        request.onupgradeneeded = () => request.result.createObjectStore('newerVersionTable');
        request.onsuccess = () => resolve(request.result.version);
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error('The upgrade was blocked by an older tab.'));
      }),
  );
  expect(version).toBe(1000);

  for (const { page } of older) {
    await expect.poll(async () => (await imageOf(page)).health).toEqual({ state: 'newer-version' });
    const banner = page.getByRole('alert').filter({ hasText: 'A newer version is open' });
    await banner.getByRole('button', { name: 'Reload' }).waitFor();
  }
  // What was shown stays readable, and a command says why it cannot be saved.
  const page = first!.page;
  await page.goto(new URL('#/accounts', page.url()).href);
  await page.getByText('Ada Lovelace').first().waitFor();
  const refused = await dispatch(page, { type: 'AddFunds', account: opened.events[0]!.stream.slice('account-'.length), amount: 1_00 });
  expect(refused).toMatchObject({ ok: false, name: 'EventStoreClosedError', message: expect.stringMatching(/newer version of Rewind/) });
  // The old tabs let go of their roles, so the newer version's tabs can run the managers.
  expect((await locks(newer)).held).toEqual([]);
  for (const { problems } of older) expect(problems).toEqual([]);

  // Reloaded, the tab opens the database as it now is.
  await page.reload();
  await expect.poll(async () => (await imageOf(page).catch(() => undefined))?.status).toBe('ready');
  expect((await imageOf(page)).health).toEqual({ state: 'ok' });
  await context.close();
});
