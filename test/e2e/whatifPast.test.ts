import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { VIEWPORTS, newContext, useChromium } from './support/browser.ts';
import { importThroughUi, openRewind, showScreen, smallLedger, writeLogFile } from './support/ledgerFiles.ts';
import { submitAmount } from './support/screens.ts';

const browser = useChromium();

const banner = (page: Page) => page.getByRole('region', { name: 'What-if branch', exact: true });
const logRow = (page: Page, seq: number) =>
  page.getByRole('region', { name: 'Events, newest first' }).getByRole('listitem').filter({ has: page.getByText(`#${seq}`, { exact: true }) });
const historyLine = (page: Page, text: string) => page.locator('.history-line').filter({ hasText: text });
/** The real log's last seq, as this tab's memory image follows it (the page is opened with ?e2e for the test hook). */
const realEvents = (page: Page) => page.evaluate(() => window.__rewindTest!.state().seq);

/** A branch tool from the banner: on a phone it sits in the "Actions" menu. */
async function openBranchTool(page: Page, name: string): Promise<void> {
  const menu = banner(page).getByRole('button', { name: 'Actions', exact: true });
  if (await menu.isVisible()) await menu.click();
  await banner(page).getByRole('button', { name, exact: true }).click();
}

for (const size of ['desktop', 'phone'] as const) {
  test(`${size}: a branch started in the past takes its commands at the branch point, injects by date, and asks before discarding unsaved changes only`, { timeout: 90_000 }, async () => {
    // The small ledger, seen from Berlin: event 12 (Alice's withdrawal notice) was recorded Jan 10, 2026 at 10:01 UTC, 11:01 there.
    const ledger = smallLedger();
    const context = await newContext(browser(), { locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: VIEWPORTS[size] });
    const { page, problems } = await openRewind(context, '?e2e#/accounts');
    await importThroughUi(page, await writeLogFile(ledger.events));
    expect(await realEvents(page)).toBe(15);

    // A branch with nothing in it goes at once.
    await page.getByRole('button', { name: 'What if…', exact: true }).click();
    await banner(page).getByRole('button', { name: 'Discard', exact: true }).click();
    await banner(page).waitFor({ state: 'detached' });

    // Back to January 10, then "What if…" from there.
    await showScreen(page, '#/log', 'Event log');
    await page.getByLabel('Go to event number').fill('12');
    await page.getByRole('button', { name: 'Go', exact: true }).last().click();
    await logRow(page, 12).getByRole('button', { name: 'Show state after this event' }).click();
    await page.getByRole('button', { name: 'What if…', exact: true }).click();
    await banner(page).getByText('Branched at event 12 of 15, Jan 10, 2026, 11:01 AM.').waitFor();

    // Funds added to Bob's account in the branch land at the branch point: dated Jan 10, under the later real transfer.
    await showScreen(page, `#/accounts/${ledger.bob}`, 'Bob Example');
    await submitAmount(page, 'Add funds', '7', 'Found money');
    const found = historyLine(page, 'Found money');
    await found.waitFor();
    expect(await found.locator('time').innerText()).toBe('Jan 10, 2026, 11:01 AM');
    expect(await found.getByText('Hypothetical').count()).toBe(1);
    expect(await found.locator('.history-balance').innerText()).toBe('Balance €57.00');
    const lines = await page.locator('.history-line').allInnerTexts();
    expect(lines.findIndex((line) => line.includes('Found money'))).toBe(lines.findIndex((line) => line.includes('Rent share')) + 1);
    expect(await realEvents(page)).toBe(15);

    // Inject event starts at the branch point; placed by a Berlin date and time instead, it goes after the transfer (Jan 12).
    await openBranchTool(page, 'Inject event');
    const form = page.getByRole('form', { name: 'Inject event' });
    expect(await form.getByRole('radio', { name: /^At the branch point \(event 12 of 15/ }).isChecked()).toBe(true);
    await form.getByLabel('Event', { exact: true }).selectOption({ label: 'Deposit' });
    await form.getByLabel('Account', { exact: true }).selectOption(ledger.bob);
    await form.getByLabel('Amount (EUR)').fill('3');
    await form.getByRole('radio', { name: 'At a date and time' }).check();
    await form.getByLabel('Date and time', { exact: true }).fill('2026-01-13T09:30');
    await form.getByRole('button', { name: 'Inject into branch' }).click();
    await form
      .getByRole('status')
      .filter({ hasText: `Injected a deposit of €3.00 to Bob Example after event ${ledger.transferSeq}. It is dated Jan 13, 2026, 9:30 AM and hypothetical` })
      .waitFor();
    await banner(page).getByText('0 events skipped, 2 events injected.').waitFor();
    // A time still to come is refused, and nothing changes.
    await form.getByLabel('Amount (EUR)').fill('3');
    await form.getByLabel('Date and time', { exact: true }).fill('2999-01-01T10:00');
    await form.getByRole('button', { name: 'Inject into branch' }).click();
    await form.getByRole('alert').filter({ hasText: 'Choose a time that has passed' }).waitFor();
    expect(await form.getByLabel('Date and time', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await banner(page).getByText('0 events skipped, 2 events injected.').waitFor();

    // Discard asks first: Keep keeps the branch, and the focus goes back to Discard.
    const discard = banner(page).getByRole('button', { name: 'Discard', exact: true });
    await discard.click();
    const question = page.getByRole('alertdialog', { name: 'Discard this branch?' });
    await question.getByText('Its 2 changes are not saved.').waitFor();
    await question.getByRole('button', { name: 'Keep', exact: true }).click();
    await question.waitFor({ state: 'detached' });
    await banner(page).getByText('0 events skipped, 2 events injected.').waitFor();
    expect(await discard.evaluate((button) => button === document.activeElement)).toBe(true);

    // Escape keeps it too; then Discard discards, and reality is as it was.
    await discard.click();
    await question.waitFor();
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    await discard.click();
    await question.getByRole('button', { name: 'Discard', exact: true }).click();
    await banner(page).waitFor({ state: 'detached' });
    await found.waitFor({ state: 'detached' });
    expect(await page.locator('.history-line').first().locator('.history-balance').innerText()).toBe('Balance €90.00');

    // A branch whose changes are saved as a scenario goes at once too.
    await page.getByRole('button', { name: 'What if…', exact: true }).click();
    await submitAmount(page, 'Add funds', '5');
    await banner(page).getByText('0 events skipped, 1 event injected.').waitFor();
    await openBranchTool(page, 'Save scenario');
    const save = page.getByRole('form', { name: 'Save scenario' });
    await save.getByLabel('Scenario name').fill('Bob gets 5');
    await save.getByRole('button', { name: 'Save', exact: true }).click();
    await save.getByRole('status').filter({ hasText: 'Saved “Bob gets 5”.' }).waitFor();
    await discard.click();
    await banner(page).waitFor({ state: 'detached' });
    expect(await question.count()).toBe(0);
    expect(await realEvents(page)).toBe(15);
    expect(problems).toEqual([]);
    await context.close();
  });
}
