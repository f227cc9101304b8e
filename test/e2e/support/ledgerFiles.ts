import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { StoredEvent } from '../../../src/eventstore/index.ts';
import { seededRandom } from '../../../src/domain/random.ts';
import { createLedgerBuilder } from '../../../src/domain/sample/ledgerBuilder.ts';
import { exportEvents } from '../../../src/files/exportLog.ts';
import { VIEWPORTS, newContext, openApp, type OpenedPage } from './browser.ts';

const day = (d: number, hour = 10) => new Date(Date.UTC(2026, 0, d, hour));

export interface SmallLedger {
  events: StoredEvent[];
  alice: string;
  bob: string;
  /** The seq of Alice's withdrawal of 20.00 (her balance goes from 100.00 to 80.00). */
  withdrawalSeq: number;
  /** The seq of the transfer's received half (Alice 50.00, Bob 80.00 after it). */
  transferSeq: number;
}

/**
 * Two accounts and a handful of events, decided by the real domain: Alice opens
 * with 100.00 and Bob with 50.00, both verify, Alice withdraws 20.00, transfers
 * 30.00 to Bob, Bob adds 10.00. Now: Alice 50.00, Bob 90.00.
 */
export function smallLedger(names = { alice: 'Alice Example', bob: 'Bob Example' }, notes = { deposit: 'Birthday money' }): SmallLedger {
  const b = createLedgerBuilder(seededRandom(7));
  const open = (owner: string, email: string, initialDeposit: number, when: Date) => {
    const events = b.run({ type: 'OpenAccount', owner, email, initialDeposit }, when)!;
    const number = (events[0]!.payload as { accountNumber: string }).accountNumber;
    const code = (events.find((e) => e.type === 'VerificationMessageQueued')!.payload as { code: string }).code;
    return { number, code };
  };
  const alice = open(names.alice, 'alice@example.org', 10_000, day(5));
  const bob = open(names.bob, 'bob@example.org', 5_000, day(6));
  b.run({ type: 'VerifyAccount', account: alice.number, code: alice.code }, day(7));
  b.run({ type: 'VerifyAccount', account: bob.number, code: bob.code }, day(7, 12));
  const withdrawal = b.run({ type: 'Withdraw', account: alice.number, amount: 2_000, note: 'Groceries' }, day(10))!;
  const transfer = b.run({ type: 'Transfer', from: alice.number, to: bob.number, amount: 3_000, note: 'Rent share' }, day(12))!;
  b.run({ type: 'AddFunds', account: bob.number, amount: 1_000, note: notes.deposit }, day(15));
  return {
    events: [...b.events()],
    alice: alice.number,
    bob: bob.number,
    withdrawalSeq: withdrawal[0]!.meta.seq,
    transferSeq: transfer.find((e) => e.type === 'TransferReceived')!.meta.seq,
  };
}

/** Writes events as a Rewind log file (the app's own writer) into a fresh temp folder; returns its path. */
export async function writeLogFile(events: StoredEvent[], name = 'ledger.ndjson'): Promise<string> {
  async function* pages() {
    yield events;
  }
  const exported = await exportEvents(pages(), { selection: { kind: 'all' } }, { appVersion: 'e2e', now: () => new Date('2026-02-01T00:00:00.000Z') });
  const path = join(mkdtempSync(join(tmpdir(), 'rewind-e2e-')), name);
  writeFileSync(path, Buffer.from(await exported.blob.arrayBuffer()));
  return path;
}

/** Writes text as a file into a fresh temp folder; returns its path. */
export function writeTextFile(text: string, name = 'damaged.ndjson'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'rewind-e2e-')), name);
  writeFileSync(path, text);
  return path;
}

type Mode = 'Into an empty log' | 'Replace the current log' | 'Merge with the current log';

/** Imports a file through the Data screen; resolves once the app has reloaded and says what was imported. */
export async function importThroughUi(page: Page, path: string, mode: Mode = 'Into an empty log', timeout = 10_000): Promise<void> {
  await page.goto(new URL('#/data', page.url()).href);
  await page.getByLabel('Log file').setInputFiles(path);
  await page.getByRole('radio', { name: mode }).check();
  await Promise.all([page.waitForEvent('load', { timeout }), page.getByRole('button', { name: 'Import log', exact: true }).click()]);
  await page.getByRole('status').filter({ hasText: 'The app reloaded to show the imported log.' }).waitFor();
}

/** Every account's balance as the Accounts screen shows it, by owner (it goes to that screen). */
export async function balances(page: Page): Promise<Record<string, string>> {
  await showScreen(page, '#/accounts', 'Accounts');
  await page.locator('a[href^="#/accounts/"] .money').first().waitFor();
  const rows = await page
    .locator('a[href^="#/accounts/"]')
    .evaluateAll((links) => links.map((a) => [a.querySelector('.account-owner')?.textContent ?? '', a.querySelector('.money')?.textContent ?? '']));
  return Object.fromEntries(rows);
}

/** The balance text an account row of the Accounts screen shows. */
export async function balanceOf(page: Page, owner: string): Promise<string> {
  const row = page.getByRole('link').filter({ hasText: owner });
  return (await row.locator('.money').first().textContent()) ?? '';
}

/**
 * A fresh profile for the history tests: US English, UTC (so dates read the
 * same on every machine), and saves that download. Headless Chromium has
 * showSaveFilePicker but cancels it at once; hiding it sends the app down its
 * other path, a Blob download, which Playwright sees as a download event.
 */
export async function historyContext(browser: Browser, viewport: keyof typeof VIEWPORTS = 'desktop'): Promise<BrowserContext> {
  const context = await newContext(browser, { locale: 'en-US', timezoneId: 'UTC', viewport: VIEWPORTS[viewport], acceptDownloads: true });
  await context.addInitScript(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined }));
  return context;
}

/** Opens the app in a new tab of `context` and waits for its first screen. */
export async function openRewind(context: BrowserContext, path = '#/accounts'): Promise<OpenedPage> {
  const opened = await openApp(context, path);
  await opened.page.getByRole('navigation', { name: 'Main' }).waitFor();
  return opened;
}

/** Goes to a screen by its hash route and waits for its heading. */
export async function showScreen(page: Page, hash: string, heading: string): Promise<void> {
  await page.goto(new URL(hash, page.url()).href);
  await page.getByRole('heading', { name: heading, exact: true, level: 1 }).waitFor();
}

/** A fresh profile holding the small ledger (imported through the Data screen), on the Accounts screen. */
export async function withSmallLedger(browser: Browser, viewport: keyof typeof VIEWPORTS = 'desktop') {
  const ledger = smallLedger();
  const context = await historyContext(browser, viewport);
  const { page, problems } = await openRewind(context);
  await importThroughUi(page, await writeLogFile(ledger.events));
  await showScreen(page, '#/accounts', 'Accounts');
  return { ledger, context, page, problems };
}
