import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { violationsInBothThemes } from './support/axe.ts';
import { VIEWPORTS, newContext, screenshotDir, useChromium } from './support/browser.ts';
import { importThroughUi, openRewind, showScreen, smallLedger, withSmallLedger, writeLogFile } from './support/ledgerFiles.ts';
import { projectRoot } from './support/preview.ts';
import { MIN_TARGET, smallTargets } from './support/touch.ts';
import {
  accountBalance,
  accountRow,
  actionChoice,
  closeAccount,
  commandForm,
  mainTab,
  openAccount,
  submitAmount,
  toast,
  transferOption,
} from './support/screens.ts';

const browser = useChromium();

const historyLines = (page: Page) => page.locator('.history-line');
const newLines = (page: Page) => page.locator('.history-line-new');
const sheet = (page: Page, name: string) => page.getByRole('dialog', { name });

/** The message a refused command left about a field: the field is marked invalid and described by it. */
async function problemWith(field: Locator): Promise<string> {
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const [messageId] = (await field.getAttribute('aria-describedby'))!.split(' ');
  return (await field.page().locator(`[id="${messageId}"]`).textContent()) ?? '';
}

/** The README's screenshots are rewritten only when asked; every run keeps its own copy with the others. */
async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.REWIND_README_SCREENSHOTS ? join(projectRoot, 'docs', 'screenshots') : screenshotDir;
  mkdirSync(dir, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

test('on a phone the history is on the first screen; each action opens in a sheet, says it worked in a passing toast and highlights the new line', async () => {
  const { ledger, context, page, problems } = await withSmallLedger(browser(), 'phone');
  await showScreen(page, `#/accounts/${ledger.alice}`, 'Alice Example');

  // Nothing is open: the switcher and then the history, within the first 844 px.
  expect(await commandForm(page, 'Add funds').count()).toBe(0);
  const history = await page.getByRole('heading', { name: 'History', level: 2 }).boundingBox();
  expect(history!.y + history!.height).toBeLessThanOrEqual(VIEWPORTS.phone.height);
  await expect.poll(() => historyLines(page).count()).toBe(5);

  // Add funds: a sheet with the focus on its amount; done, the sheet goes and the focus is back on its button.
  await actionChoice(page, 'Add funds').click();
  const addFunds = sheet(page, 'Add funds');
  await addFunds.waitFor();
  expect(await addFunds.getByLabel('Amount (EUR)').evaluate((input) => input === document.activeElement)).toBe(true);
  await addFunds.getByLabel('Amount (EUR)').fill('25');
  await addFunds.getByRole('button', { name: 'Add funds', exact: true }).click();
  await toast(page).filter({ hasText: 'Added €25.00.' }).waitFor();
  await addFunds.waitFor({ state: 'detached' });
  expect(await actionChoice(page, 'Add funds').evaluate((button) => button === document.activeElement)).toBe(true);
  await expect.poll(() => accountBalance(page).textContent()).toBe('€75.00');
  await expect.poll(() => newLines(page).textContent()).toMatch(/^Deposit.*\+€25\.00/);
  expect(await smallTargets(page, MIN_TARGET)).toEqual([]);
  expect(await historyLines(page).first().getAttribute('class')).toContain('history-line-new');
  // No success box stays behind; the toast goes on Dismiss.
  expect(await page.locator('.form-success:not(:empty)').count()).toBe(0);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect.poll(() => toast(page).textContent()).toBe('');

  // Withdrawing more than there is: the sheet shows what is available, says why, and nothing changes.
  await actionChoice(page, 'Withdraw').click();
  const withdraw = sheet(page, 'Withdraw');
  await withdraw.getByText('Available: €75.00').waitFor();
  await withdraw.getByLabel('Amount (EUR)').fill('500');
  await page.screenshot({ path: join(screenshotDir, 'account-sheet-phone.png'), animations: 'disabled' });
  expect(await violationsInBothThemes(page)).toEqual([]);
  expect(await smallTargets(page, MIN_TARGET)).toEqual([]);
  await withdraw.getByRole('button', { name: 'Withdraw', exact: true }).click();
  expect(await problemWith(withdraw.getByLabel('Amount (EUR)'))).toContain('75.00');
  expect(await withdraw.getByLabel('Amount (EUR)').inputValue()).toBe('500');
  expect(await accountBalance(page).textContent()).toBe('€75.00');
  expect(await historyLines(page).count()).toBe(6);
  await withdraw.getByRole('button', { name: 'Close', exact: true }).click();
  await withdraw.waitFor({ state: 'detached' });
  expect(await actionChoice(page, 'Withdraw').evaluate((button) => button === document.activeElement)).toBe(true);

  // A transfer from its sheet.
  await page.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Transfer' }).click();
  const transfer = sheet(page, 'Transfer');
  await transfer.getByText('Available: €75.00').waitFor();
  await transfer.getByLabel('To').selectOption({ label: (await transferOption(page, 'Bob Example'))! });
  await transfer.getByLabel('Amount (EUR)').fill('5');
  await transfer.getByRole('button', { name: 'Transfer', exact: true }).click();
  await toast(page).filter({ hasText: 'Sent €5.00 to Bob Example.' }).waitFor();
  await expect.poll(() => accountBalance(page).textContent()).toBe('€70.00');
  await expect.poll(() => newLines(page).textContent()).toMatch(/^Transfer to Bob Example/);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await screenshot(page, 'account-phone');
  expect(problems).toEqual([]);
  await context.close();
}, 60_000);

test('keyboard only on a phone: Enter opens the sheet with the focus inside, Escape closes it and the focus returns; a reload mid-flow changes nothing', async () => {
  const { ledger, context, page } = await withSmallLedger(browser(), 'phone');
  await showScreen(page, `#/accounts/${ledger.bob}`, 'Bob Example');
  await actionChoice(page, 'Withdraw').focus();
  await page.keyboard.press('Enter');
  const withdraw = sheet(page, 'Withdraw');
  await withdraw.waitFor();
  expect(await withdraw.getByLabel('Amount (EUR)').evaluate((input) => input === document.activeElement)).toBe(true);
  await page.keyboard.type('12');
  await page.keyboard.press('Escape');
  await withdraw.waitFor({ state: 'detached' });
  expect(await actionChoice(page, 'Withdraw').evaluate((button) => button === document.activeElement)).toBe(true);

  // Typed but not sent, then reloaded: the ledger is as it was, and no sheet is open.
  await page.keyboard.press('Enter');
  await withdraw.getByLabel('Amount (EUR)').fill('40');
  await page.reload();
  await page.getByRole('heading', { name: 'Bob Example', level: 1 }).waitFor();
  await expect.poll(() => accountBalance(page).textContent()).toBe('€90.00');
  await expect.poll(() => historyLines(page).count()).toBe(5);
  expect(await sheet(page, 'Withdraw').count()).toBe(0);

  // Sent with the keyboard, then reloaded at once: the withdrawal is in the log.
  await actionChoice(page, 'Withdraw').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('40');
  await page.keyboard.press('Enter');
  await toast(page).filter({ hasText: 'Withdrew €40.00.' }).waitFor();
  await page.reload();
  await expect.poll(() => accountBalance(page).textContent()).toBe('€50.00');
  await expect.poll(() => historyLines(page).first().textContent()).toMatch(/^Withdrawal/);
  await context.close();
}, 60_000);

test('on a desktop the chosen form sits beside the history; Close asks first, naming the account, and a closed account offers nothing', async () => {
  const { ledger, context, page, problems } = await withSmallLedger(browser(), 'desktop');
  await showScreen(page, `#/accounts/${ledger.alice}`, 'Alice Example');
  // Add funds until another is chosen; no dialog.
  expect(await actionChoice(page, 'Add funds').getAttribute('aria-pressed')).toBe('true');
  await commandForm(page, 'Add funds').waitFor();
  await submitAmount(page, 'Add funds', '10', 'Pocket money');
  await toast(page).filter({ hasText: 'Added €10.00.' }).waitFor();
  expect(await violationsInBothThemes(page)).toEqual([]);
  await expect.poll(() => newLines(page).textContent()).toMatch(/^Deposit\s*Category: Uncategorized\s*Pocket money/);
  expect(await commandForm(page, 'Add funds').getByLabel('Amount (EUR)').inputValue()).toBe('');

  await page.getByRole('button', { name: 'Dismiss' }).click();
  await actionChoice(page, 'Withdraw').click();
  expect(await actionChoice(page, 'Withdraw').getAttribute('aria-pressed')).toBe('true');
  expect(await actionChoice(page, 'Add funds').getAttribute('aria-pressed')).toBe('false');
  expect(await commandForm(page, 'Add funds').count()).toBe(0);
  expect(await page.getByRole('dialog').count()).toBe(0);
  await commandForm(page, 'Withdraw').getByText('Available: €60.00').waitFor();
  await screenshot(page, 'account-desktop');
  await submitAmount(page, 'Withdraw', '60');
  await toast(page).filter({ hasText: 'Withdrew €60.00.' }).waitFor();
  await expect.poll(() => accountBalance(page).textContent()).toBe('€0.00');
  await commandForm(page, 'Withdraw').getByText('Available: €0.00').waitFor();

  // Bob holds money: the confirmation says it must be at zero, closing is refused, Keep returns the focus.
  await showScreen(page, `#/accounts/${ledger.bob}`, 'Bob Example');
  const danger = page.getByRole('region', { name: 'Danger zone' });
  await danger.getByRole('button', { name: 'Close account' }).click();
  const confirm = sheet(page, 'Close account');
  await confirm.getByText(/^Close Bob Example’s account \d{4} \d{4} \d{4} \d{4} for good\?$/).waitFor();
  await confirm.getByText('It must hold €0.00 to close, and it holds €90.00: move the money out first.').waitFor();
  await page.screenshot({ path: join(screenshotDir, 'account-close-desktop.png'), animations: 'disabled' });
  expect(await violationsInBothThemes(page)).toEqual([]);
  await confirm.getByRole('button', { name: 'Close account', exact: true }).click();
  await expect.poll(() => confirm.getByRole('alert').textContent()).toContain('90.00');
  await confirm.getByRole('button', { name: 'Keep the account' }).click();
  await confirm.waitFor({ state: 'detached' });
  expect(await danger.getByRole('button', { name: 'Close account' }).evaluate((button) => button === document.activeElement)).toBe(true);
  expect(await page.locator('.account-header').getByText('Verified', { exact: true }).count()).toBe(1);

  // Alice is at zero: confirmed, her account closes, and the screen offers nothing more.
  await showScreen(page, `#/accounts/${ledger.alice}`, 'Alice Example');
  await closeAccount(page);
  await toast(page).filter({ hasText: /^Alice Example’s account \d{4} \d{4} \d{4} \d{4} is closed\.$/ }).waitFor();
  await page.getByText('This account is closed: it takes no more changes. Its history stays.').waitFor();
  expect(await page.getByRole('group', { name: 'Actions' }).count()).toBe(0);
  expect(await page.getByRole('region', { name: 'Danger zone' }).count()).toBe(0);
  await expect.poll(() => historyLines(page).first().textContent()).toMatch(/^Closed/);
  expect(problems).toEqual([]);
  await context.close();
}, 60_000);

test('in German, a new account asks for its code in a banner until verified, and the available balance is in euros the German way', async () => {
  const context = await newContext(browser(), { locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: VIEWPORTS.desktop });
  const { page, problems } = await openRewind(context);
  await importThroughUi(page, await writeLogFile(smallLedger().events));
  await showScreen(page, '#/accounts', 'Accounts');
  await openAccount(page, 'Dana Newcomer', 'dana@example.org', '300');
  await accountRow(page, 'Dana Newcomer').getByRole('link').click();
  await page.getByRole('heading', { name: 'Dana Newcomer', level: 1 }).waitFor();

  const banner = commandForm(page, 'Verify this account');
  await banner.getByRole('link', { name: 'Outbox' }).waitFor();
  expect(await violationsInBothThemes(page)).toEqual([]);
  // On a phone too the banner leaves the history on the first screen.
  await page.setViewportSize(VIEWPORTS.phone);
  const history = await page.getByRole('heading', { name: 'History', level: 2 }).boundingBox();
  expect(history!.y + history!.height).toBeLessThanOrEqual(VIEWPORTS.phone.height);
  await page.setViewportSize(VIEWPORTS.desktop);
  await actionChoice(page, 'Withdraw').click();
  await commandForm(page, 'Withdraw').getByText('Available: 300,00 €').waitFor();

  // The code from the Outbox's message, typed into the banner: it goes once the account is verified.
  await mainTab(page, 'Outbox').click();
  const link = page.getByRole('article').filter({ hasText: 'Dana Newcomer' }).getByRole('link', { name: 'Open the verification link' });
  const code = /code=(\d{6})/.exec((await link.getAttribute('href')) ?? '')![1]!;
  await page.goBack();
  await banner.getByLabel('Verification code').fill(code);
  await banner.getByRole('button', { name: 'Verify', exact: true }).click();
  await toast(page).filter({ hasText: 'Verified: money can now leave this account.' }).waitFor();
  await banner.waitFor({ state: 'detached' });
  await page.locator('.account-header').getByText('Verified', { exact: true }).waitFor();
  // Left alone, the toast goes by itself after a few seconds.
  await expect.poll(() => toast(page).textContent(), { timeout: 20_000 }).toBe('');
  expect(await page.getByRole('button', { name: 'Dismiss' }).count()).toBe(0);
  expect(problems).toEqual([]);
  await context.close();
}, 60_000);

test('in a what-if branch a real line of the history can be skipped from the account screen, and included again', async () => {
  const { ledger, context, page, problems } = await withSmallLedger(browser(), 'desktop');
  await showScreen(page, `#/accounts/${ledger.alice}`, 'Alice Example');
  // Not in the log itself: skipping is for branches only.
  expect(await page.getByRole('button', { name: 'Skip in this branch' }).count()).toBe(0);
  await page.getByRole('button', { name: 'What if…', exact: true }).click();
  await page.getByRole('region', { name: 'What-if branch', exact: true }).waitFor();

  const groceries = historyLines(page).filter({ hasText: 'Groceries' });
  await groceries.getByRole('button', { name: 'Skip in this branch' }).click();
  await expect.poll(() => accountBalance(page).textContent()).toBe('€70.00');
  await expect.poll(() => groceries.count()).toBe(0);
  const skipped = page.locator('.history-skipped');
  await skipped.getByRole('heading', { name: 'Skipped in this branch' }).waitFor();
  expect(await skipped.textContent()).toContain('Withdrawal');
  expect(await violationsInBothThemes(page)).toEqual([]);

  await skipped.getByRole('button', { name: 'Include again' }).click();
  await expect.poll(() => accountBalance(page).textContent()).toBe('€50.00');
  await expect.poll(() => groceries.count()).toBe(1);
  expect(await skipped.count()).toBe(0);
  expect(problems).toEqual([]);
  await context.close();
}, 60_000);
