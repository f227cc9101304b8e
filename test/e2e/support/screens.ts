import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { newContext, openApp, saveScreenshots, useChromium, waitForApp } from './browser.ts';

export interface LedgerPage {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

/**
 * A fresh profile (empty log) with the app booted, in a fixed locale and time zone so amounts and dates
 * read the same on every machine: "€1,234.56", "Mar 14, 2026".
 */
export async function openLedgerPage(browser: Browser, path = ''): Promise<LedgerPage> {
  const context = await newContext(browser, { locale: 'en-US', timezoneId: 'UTC' });
  const { page, problems } = await openApp(context, path);
  await waitForApp(page);
  return { context, page, problems };
}

/** One ledger page for the whole test file (each test picks up where the one before left it): opened before its tests, closed after them. */
export function useLedgerPage(): () => LedgerPage {
  const browser = useChromium();
  let app: LedgerPage | undefined;
  beforeAll(async () => {
    app = await openLedgerPage(browser());
  });
  afterAll(async () => {
    await app?.context.close();
  });
  return () => {
    if (!app) throw new Error('The ledger page is not open: call useLedgerPage() at the top of the test file.');
    return app;
  };
}

/** A command's form by its title ("Add funds", "Open an account"). */
export function commandForm(page: Page, name: string) {
  return page.getByRole('form', { name });
}

/** A tab of the main navigation ("Outbox", "Log"). */
export function mainTab(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
}

/** First run: "Load sample data", then wait until it is all in the log. */
export async function loadSampleData(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await page.getByRole('heading', { name: 'Sample data loaded' }).waitFor({ timeout: 20_000 });
}

/** The "Money in the system" figure on the Accounts screen. */
export function moneyInSystem(page: Page) {
  return page.locator('.stat', { hasText: 'Money in the system' }).locator('dd');
}

/** A row of the accounts list by owner. */
export function accountRow(page: Page, owner: string) {
  return page.locator('.account-list > li').filter({ has: page.getByText(owner, { exact: true }) });
}

/** Full-page screenshots from the top: a sticky header would otherwise be drawn where the page was scrolled to. */
export async function screenshotScreen(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshots(page, name);
}

/** Whether the screen fits 360 px (the narrowest phone the app supports) without scrolling sideways. */
export async function fitsNarrowPhone(page: Page): Promise<boolean> {
  const original = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  if (original) await page.setViewportSize(original);
  return fits;
}

/** Opens an account from the form on the Accounts screen and waits until it says the account is open. */
export async function openAccount(page: Page, owner: string, email: string, deposit = ''): Promise<void> {
  const open = commandForm(page, 'Open an account');
  await open.getByLabel('Owner').fill(owner);
  await open.getByLabel('E-mail').fill(email);
  await open.getByLabel('Initial deposit, optional (EUR)').fill(deposit);
  await open.getByRole('button', { name: 'Open account', exact: true }).click();
  await open.getByRole('status').filter({ hasText: `for ${owner}.` }).waitFor();
}

/** A button of the account screen's action switcher ("Add funds", "Withdraw", "Transfer"). */
export function actionChoice(page: Page, name: string) {
  return page.getByRole('group', { name: 'Actions' }).getByRole('button', { name, exact: true });
}

/** Opens an action's form on the account screen (beside the history, or in a sheet on a phone) unless it shows already. */
export async function chooseAction(page: Page, name: string): Promise<void> {
  if (await commandForm(page, name).isVisible()) return;
  await actionChoice(page, name).click();
  await commandForm(page, name).waitFor();
}

/** The passing confirmation at the bottom of the account screen ("Added €5.00."). */
export function toast(page: Page) {
  return page.locator('.toast').getByRole('status');
}

/** Closes the account shown from its Danger zone, confirming in the dialog that names it. */
export async function closeAccount(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Danger zone' }).getByRole('button', { name: 'Close account' }).click();
  await page.getByRole('dialog', { name: 'Close account' }).getByRole('button', { name: 'Close account', exact: true }).click();
}

/** Types an amount (and a note) into a money form on the account screen ("Add funds", "Withdraw", "Transfer") and submits it. */
export async function submitAmount(page: Page, formName: string, amount: string, note = ''): Promise<void> {
  await chooseAction(page, formName);
  const form = commandForm(page, formName);
  await form.getByLabel('Amount (EUR)').fill(amount);
  if (note) await form.getByLabel('Note, optional').fill(note);
  await form.getByRole('button', { name: formName, exact: true }).click();
}

/** Goes to the Accounts screen and from there to the account of `owner`. */
export async function goToAccount(page: Page, owner: string): Promise<void> {
  await page.goto(new URL('#/accounts', page.url()).href);
  await accountRow(page, owner).getByRole('link').click();
  await page.getByRole('heading', { name: owner, level: 1 }).waitFor();
}

/** The balance at the top of the account screen. */
export function accountBalance(page: Page) {
  return page.locator('.account-balance-value');
}

/** The Transfer form's choice for `owner`'s account ("Owner · 1234 5678 …"). */
export async function transferOption(page: Page, owner: string): Promise<string | undefined> {
  await chooseAction(page, 'Transfer');
  const labels = await commandForm(page, 'Transfer').getByLabel('To').locator('option').allTextContents();
  return labels.find((l) => l.startsWith(`${owner} · `));
}
