import type { Page } from 'playwright-core';
import { formatAccountNumber } from '../../src/ui/components/accountNumber.ts';
import { mainTab } from '../../test/e2e/support/screens.ts';
import { timeAction, type WatchResult } from './watch.ts';

/** What the account screen showed once its history's first lines were in. */
export interface OpenedAccount extends WatchResult {
  owner: string;
  /** History lines on screen: the first batch the screen reads. */
  lines: number;
}

/** The Accounts screen, from the main navigation, its search narrowed to one account number. */
async function findAccount(page: Page, accountNumber: string): Promise<void> {
  await mainTab(page, 'Accounts').click();
  await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
  await page.getByLabel('Search accounts').fill(accountNumber);
}

/** The account's row on the Accounts screen, by its number as the row shows it. */
function accountLink(page: Page, accountNumber: string) {
  return page
    .locator('.account-list > li')
    .filter({ has: page.getByText(formatAccountNumber(accountNumber), { exact: true }) })
    .getByRole('link');
}

/** Opens the account from the Accounts screen, untimed: the screen commands and time travel need. */
export async function goToAccount(page: Page, accountNumber: string, timeoutMs: number): Promise<void> {
  await findAccount(page, accountNumber);
  await accountLink(page, accountNumber).click();
  await page.locator('section.account-history .history-line').first().waitFor({ timeout: timeoutMs });
}

/**
 * Opens an account as a person does: the Accounts screen, its search, a click
 * on the account's row; timed from the click to the account screen showing
 * that account's number and its history's first lines, as many as the
 * history's count says it shows.
 */
export async function openAccount(page: Page, accountNumber: string, timeoutMs: number): Promise<OpenedAccount> {
  await findAccount(page, accountNumber);
  const link = accountLink(page, accountNumber);
  await link.waitFor();
  const { armed: _armed, ...measured } = await timeAction(
    page,
    () =>
      page.evaluate(
        ({ accountNumber, timeoutMs }) => {
          window.rewindUiWatch!.start(
            { label: `opening account ${accountNumber}`, events: ['click'], target: 'a.account-row', timeoutMs },
            () => {
              const number = document.querySelector('.account-header .account-number')?.textContent?.replace(/\s/g, '');
              const count = document.querySelector('section.account-history .history-count')?.textContent ?? '';
              const lines = document.querySelectorAll('section.account-history .history-line').length;
              // "Showing the newest 20 entries", "7 entries in all": the lines the screen says it shows are all there.
              return number === accountNumber && lines > 0 && Number(count.replace(/\D/g, '')) === lines;
            },
            () =>
              document.querySelector('section.account-history [role="alert"]')?.textContent ??
              (document.querySelector('.account-header') === null && document.querySelector('main h1')?.textContent?.startsWith('Account ')
                ? document.querySelector('main .screen p')?.textContent ?? 'no such account'
                : undefined),
            () =>
              `account ${document.querySelector('.account-header .account-number')?.textContent ?? '(none)'} with ` +
              `${document.querySelectorAll('section.account-history .history-line').length} history lines, ` +
              `"${document.querySelector('section.account-history .history-count')?.textContent ?? ''}"`,
          );
        },
        { accountNumber, timeoutMs },
      ),
    () => link.click(),
  );
  const owner = (await page.locator('.account-header h1').textContent()) ?? '';
  const lines = await page.locator('section.account-history .history-line').count();
  return { ...measured, owner, lines };
}
