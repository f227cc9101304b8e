import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { violationsInBothThemes } from './support/axe.ts';
import { VIEWPORTS, useChromium } from './support/browser.ts';
import { balances, historyContext, importThroughUi, openRewind, showScreen, withSmallLedger } from './support/ledgerFiles.ts';
import { accountRow, actionChoice, chooseAction, commandForm, openAccount, toast } from './support/screens.ts';
import { MIN_TARGET, smallTargets } from './support/touch.ts';
import type { BrowserContext } from 'playwright-core';

// Categories on the account screen: chosen in the forms, shown on each line, narrowing the history; and
// accounts a newer Rewind changed, shown but not offered for changes.
const browser = useChromium();
const fixtures = join(import.meta.dirname, '../fixtures');

let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
});

const historyLines = (page: Page) => page.locator('.history-line');
const historyCount = (page: Page) => page.getByRole('region', { name: 'History' }).locator('.history-count');
const categoryFilter = (page: Page) => page.getByRole('combobox', { name: 'Category', exact: true });
const categoriesOfLines = (page: Page) => historyLines(page).locator('.history-category').evaluateAll((chips) => chips.map((c) => c.lastChild?.textContent));

/** What a Category field suggests as the person types (its datalist). */
const suggestions = (field: Locator) => field.evaluate((input: HTMLInputElement) => [...(input.list?.options ?? [])].map((o) => o.value));

/** Fills a money form, its category typed as a person types it, submits it and waits for its toast. */
async function record(page: Page, action: string, amount: string, category: string, done: string, to?: string) {
  await chooseAction(page, action);
  const form = commandForm(page, action);
  if (to) await form.getByLabel('To', { exact: true }).selectOption({ label: to });
  await form.getByLabel('Amount (EUR)').fill(amount);
  await form.getByLabel('Category, optional').pressSequentially(category);
  await form.getByRole('button', { name: action, exact: true }).click();
  await toast(page).filter({ hasText: done }).waitFor();
}

test.each(['phone', 'desktop'] as const)(
  'on a %s, a person files deposits, withdrawals and transfers under categories, sees them in the history, and narrows it to one (kept on reload, Back and Forward)',
  async (size) => {
    const opened = await withSmallLedger(browser(), size);
    context = opened.context;
    const { ledger, page, problems } = opened;
    await showScreen(page, `#/accounts/${ledger.alice}`, 'Alice Example');
    // The lines recorded before are Uncategorized.
    await expect.poll(() => categoriesOfLines(page)).toEqual(['Uncategorized', 'Uncategorized', 'Uncategorized']);

    // The field offers the presets first; empty means Uncategorized, and it says so.
    await chooseAction(page, 'Add funds');
    const category = commandForm(page, 'Add funds').getByLabel('Category, optional');
    expect(await suggestions(category)).toEqual(['Salary', 'Groceries', 'Rent', 'Transport', 'Leisure', 'Savings', 'Other']);
    expect(await category.getAttribute('aria-describedby')).toBeTruthy();
    await commandForm(page, 'Add funds').getByText('Left empty, it is Uncategorized.').waitFor();
    if (size === 'phone') expect(await smallTargets(page, MIN_TARGET)).toEqual([]);
    if (size === 'phone') await page.getByRole('dialog', { name: 'Add funds' }).getByRole('button', { name: 'Close' }).click();

    await record(page, 'Add funds', '1200', 'salary', 'Added €1,200.00.');
    await expect.poll(() => page.locator('.history-line-new .history-category').textContent()).toBe('Category: Salary');
    await record(page, 'Withdraw', '35', 'Eating out', 'Withdrew €35.00.');
    await expect.poll(() => page.locator('.history-line-new .history-category').textContent()).toBe('Category: Eating out');
    await record(page, 'Transfer', '20', 'Gifts', 'Sent €20.00 to Bob Example.', `Bob Example · ${ledger.bob.replace(/(\d{4})(?=\d)/g, '$1 ')}`);
    await expect.poll(() => categoriesOfLines(page)).toEqual(['Gifts', 'Eating out', 'Salary', 'Uncategorized', 'Uncategorized', 'Uncategorized']);

    // The custom categories now in use are suggested beside the presets.
    await chooseAction(page, 'Withdraw');
    await expect.poll(() => suggestions(commandForm(page, 'Withdraw').getByLabel('Category, optional'))).toEqual(
      expect.arrayContaining(['Salary', 'Other', 'Eating out', 'Gifts']),
    );
    if (size === 'phone') await page.getByRole('dialog', { name: 'Withdraw' }).getByRole('button', { name: 'Close' }).click();

    // The filter: All, then the categories the account uses.
    const filter = categoryFilter(page);
    await expect.poll(() => filter.locator('option').allTextContents()).toEqual(['All categories', 'Salary', 'Eating out', 'Gifts', 'Uncategorized']);
    await filter.selectOption('Eating out');
    await expect.poll(() => categoriesOfLines(page)).toEqual(['Eating out']);
    expect(await historyCount(page).textContent()).toBe('1 entry in Eating out');
    expect(new URL(page.url()).hash).toBe(`#/accounts/${ledger.alice}?category=Eating+out`);
    if (size === 'phone') expect(await smallTargets(page, MIN_TARGET)).toEqual([]);
    expect(await violationsInBothThemes(page)).toEqual([]);

    await page.reload();
    await page.getByRole('heading', { name: 'Alice Example', level: 1 }).waitFor();
    await expect.poll(() => categoriesOfLines(page)).toEqual(['Eating out']);
    expect(await categoryFilter(page).inputValue()).toBe('Eating out');

    await categoryFilter(page).selectOption('Uncategorized');
    await expect.poll(() => categoriesOfLines(page)).toEqual(['Uncategorized', 'Uncategorized', 'Uncategorized']);
    await page.goBack();
    await expect.poll(() => categoriesOfLines(page)).toEqual(['Eating out']);
    expect(await categoryFilter(page).inputValue()).toBe('Eating out');
    await page.goForward();
    await expect.poll(() => categoriesOfLines(page)).toHaveLength(3);
    await categoryFilter(page).selectOption('All categories');
    await expect.poll(() => categoriesOfLines(page)).toHaveLength(6);
    expect(new URL(page.url()).hash).toBe(`#/accounts/${ledger.alice}`);

    // On Bob's account the forms suggest what he received under (Gifts) and what anyone spent on (Eating out).
    await showScreen(page, `#/accounts/${ledger.bob}`, 'Bob Example');
    await chooseAction(page, 'Add funds');
    await expect.poll(() => suggestions(commandForm(page, 'Add funds').getByLabel('Category, optional'))).toEqual([
      'Salary', 'Groceries', 'Rent', 'Transport', 'Leisure', 'Savings', 'Other', 'Eating out', 'Gifts',
    ]);
    expect(problems).toEqual([]);
  },
  90_000,
);

test.each(['phone', 'desktop'] as const)(
  'on a %s, accounts a newer Rewind changed are marked, say so, offer no changes, and are not offered as a transfer’s receiver',
  async (size) => {
    context = await historyContext(browser(), size);
    const { page, problems } = await openRewind(context);
    expect(page.viewportSize()).toEqual(VIEWPORTS[size]);
    await importThroughUi(page, join(fixtures, 'newer-version/small-from-v9.ndjson'));
    expect(await balances(page)).toEqual({ 'Alice Example': '€50.00', 'Bob Example': '€80.00' });
    for (const owner of ['Alice Example', 'Bob Example']) await accountRow(page, owner).getByText('Needs a newer Rewind').waitFor();

    await accountRow(page, 'Alice Example').getByRole('link').click();
    await page.getByRole('heading', { name: 'Alice Example', level: 1 }).waitFor();
    await page
      .getByText(
        'This account has 1 change recorded by a newer version of Rewind. Its balance may be out of date here, and it cannot be changed until you update Rewind.',
      )
      .waitFor();
    expect(await page.getByRole('group', { name: 'Actions' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Danger zone' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Add funds|Withdraw|Transfer|Verify|Close account/ }).count()).toBe(0);
    await expect.poll(() => historyLines(page).count()).toBeGreaterThan(0);
    expect(await violationsInBothThemes(page)).toEqual([]);

    // A new account can send money, but not to the accounts this version cannot change.
    await showScreen(page, '#/accounts', 'Accounts');
    await openAccount(page, 'Carol Newcomer', 'carol@example.org', '10');
    await accountRow(page, 'Carol Newcomer').getByRole('link').click();
    await page.getByRole('heading', { name: 'Carol Newcomer', level: 1 }).waitFor();
    await actionChoice(page, 'Transfer').click();
    await commandForm(page, 'Transfer').waitFor();
    expect(await commandForm(page, 'Transfer').getByLabel('To', { exact: true }).locator('option').allTextContents()).toEqual([
      'Choose an account',
      'Another account number…',
    ]);
    expect(problems).toEqual([]);
  },
  90_000,
);
