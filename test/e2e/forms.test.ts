import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { newContext, openApp, screenshotDir, useChromium, VIEWPORTS, waitForApp, type OpenedPage } from './support/browser.ts';
import { focusedName, problemIsUnder, problemOf } from './support/forms.ts';
import { accountBalance, accountRow, commandForm } from './support/screens.ts';

const browser = useChromium();

async function openIn(locale: string, viewport: { width: number; height: number }): Promise<OpenedPage> {
  const context = await newContext(browser(), { locale, timezoneId: 'UTC', viewport });
  const opened = await openApp(context);
  await waitForApp(opened.page);
  return opened;
}

/** Opens an action's form on the account screen: beside the history, or in a sheet on a phone. */
async function chooseAction(page: Page, name: string) {
  const form = commandForm(page, name);
  if (!(await form.isVisible())) await page.getByRole('group', { name: 'Actions' }).getByRole('button', { name, exact: true }).click();
  await form.waitFor();
  return form;
}

describe('in German on a phone', () => {
  let app: OpenedPage;
  let page: Page;
  beforeAll(async () => {
    app = await openIn('de-DE', VIEWPORTS.phone);
    page = app.page;
    mkdirSync(screenshotDir, { recursive: true });
  });
  afterAll(async () => {
    await app.page.context().close();
  });

  test('an account opened with both fields empty shows both problems under their fields and puts the focus on the first', async () => {
    const open = commandForm(page, 'Open an account');
    const owner = open.getByLabel('Owner');
    const email = open.getByLabel('E-mail');
    await open.getByRole('button', { name: 'Open account', exact: true }).click();

    await expect.poll(() => problemOf(owner)).toBe("The owner's name is required.");
    expect(await problemOf(email)).toBe('The e-mail address is required.');
    // Each message sits right under its own input, and the summary has nothing the fields do not say.
    expect(await problemIsUnder(owner)).toBe(true);
    expect(await problemIsUnder(email)).toBe(true);
    expect((await open.getByRole('alert', { includeHidden: true }).textContent())?.trim()).toBe('');
    expect(await focusedName(owner)).toBe('owner');
    expect(await page.locator('.account-list > li').count()).toBe(0);
    await page.screenshot({ path: join(screenshotDir, 'forms-problems-de-phone.png') });

    // The amount field is written the German way.
    expect(await open.getByLabel('Initial deposit, optional (EUR)').getAttribute('placeholder')).toBe('0,00');

    await owner.fill('Dana Newcomer');
    await email.fill('dana@example.org');
    await open.getByRole('button', { name: 'Open account', exact: true }).click();
    await open.getByRole('status').filter({ hasText: 'for Dana Newcomer.' }).waitFor();
    expect(await owner.getAttribute('aria-invalid')).toBeNull();
    expect(await problemOf(email)).toBe('');
  });

  test('"1.234,56" adds 1.234,56 €; "99999999999999" is refused naming the limit in euros', async () => {
    await accountRow(page, 'Dana Newcomer').getByRole('link').click();
    await page.getByRole('heading', { name: 'Dana Newcomer', level: 1 }).waitFor();

    let form = await chooseAction(page, 'Add funds');
    await form.getByLabel('Amount (EUR)').fill('1.234,56');
    await form.getByRole('button', { name: 'Add funds', exact: true }).click();
    await expect.poll(() => accountBalance(page).textContent()).toBe('1.234,56\u00a0€');

    form = await chooseAction(page, 'Add funds');
    const amount = form.getByLabel('Amount (EUR)');
    await amount.fill('99999999999999');
    await form.getByRole('button', { name: 'Add funds', exact: true }).click();
    await expect.poll(() => problemOf(amount)).toBe('The most one amount can be is 10.000.000.000,00\u00a0€.');
    expect(await problemIsUnder(amount)).toBe(true);
    await page.screenshot({ path: join(screenshotDir, 'forms-amount-limit-de-phone.png') });
    expect(await focusedName(amount)).toBe('amount');
    expect(await amount.inputValue()).toBe('99999999999999');
    expect(await accountBalance(page).textContent()).toBe('1.234,56\u00a0€');
    expect(app.problems).toEqual([]);
  });
});

describe('in English on a desktop, by keyboard alone', () => {
  let app: OpenedPage;
  beforeAll(async () => {
    app = await openIn('en-US', VIEWPORTS.desktop);
  });
  afterAll(async () => {
    await app.page.context().close();
  });

  test('Tab and Enter through the open-account form: its problems, then the account opened', async () => {
    const { page } = app;
    const open = commandForm(page, 'Open an account');
    const owner = open.getByLabel('Owner');
    const email = open.getByLabel('E-mail');
    const deposit = open.getByLabel('Initial deposit, optional (EUR)');

    // From the top of the page, Tab until the owner's field has the focus.
    for (let presses = 0; (await focusedName(owner)) !== 'owner'; presses++) {
      expect(presses).toBeLessThan(60);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('Grace Hopper');
    await page.keyboard.press('Tab');
    await page.keyboard.type('grace@');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12,34');
    await page.keyboard.press('Enter');

    await expect.poll(() => problemOf(email)).toBe('"grace@" is not a valid e-mail address, such as name@example.org.');
    expect(await problemOf(deposit)).toBe('"12,34" is not an amount here: write the cents after a point, such as 12.34.');
    expect(await problemOf(owner)).toBe('');
    expect(await focusedName(email)).toBe('email');
    expect(await page.locator('.account-list > li').count()).toBe(0);

    // The focus is on the e-mail: type it again, Tab to the deposit, type it again, Enter.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('grace@example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('1,234.50');
    await page.keyboard.press('Enter');

    await open.getByRole('status').filter({ hasText: 'for Grace Hopper.' }).waitFor();
    await expect.poll(() => accountRow(page, 'Grace Hopper').textContent()).toContain('€1,234.50');
    expect(await problemOf(email)).toBe('');
    expect(await problemOf(deposit)).toBe('');
    expect(app.problems).toEqual([]);
  });

  test('a receiving account number typed wrong is said under the typed number, which takes the focus', async () => {
    const { page } = app;
    await accountRow(page, 'Grace Hopper').getByRole('link').click();
    await page.getByRole('heading', { name: 'Grace Hopper', level: 1 }).waitFor();
    const form = await chooseAction(page, 'Transfer');
    await form.getByLabel('To').selectOption({ label: 'Another account number…' });
    const typed = form.getByLabel('Receiving account number');
    await typed.fill('1234');
    await form.getByLabel('Amount (EUR)').fill('5');
    await page.keyboard.press('Enter');

    await expect.poll(() => problemOf(typed)).toBe('An account number has 16 digits and does not start with 0.');
    expect(await problemOf(form.getByLabel('To'))).toBe('');
    expect(await typed.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await accountBalance(page).textContent()).toBe('€1,234.50');
    expect(app.problems).toEqual([]);
  });
});
