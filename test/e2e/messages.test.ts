import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { syntheticLedger } from '../../src/domain/index.ts';
import { formatAccountNumber } from '../../src/ui/components/accountNumber.ts';
import { newContext, useChromium, VIEWPORTS } from './support/browser.ts';
import { importThroughUi, openRewind, showScreen, smallLedger, writeLogFile } from './support/ledgerFiles.ts';
import { goToAccount, submitAmount } from './support/screens.ts';

const browser = useChromium();

const logRows = (page: Page) => page.getByRole('region', { name: 'Events, newest first' }).getByRole('listitem');
const rowLabels = (page: Page) => logRows(page).evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')));
const logStatus = (page: Page) => page.getByRole('status').filter({ hasText: /matching event/ });

test('in German on a phone: a refused withdrawal names the owner with money written the German way, the log reads in words and filters by account', async () => {
  const ledger = smallLedger();
  const context = await newContext(browser(), { locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: VIEWPORTS.phone });
  const { page, problems } = await openRewind(context);
  await importThroughUi(page, await writeLogFile(ledger.events));

  // Alice holds 50.00: asking for 500 says what she has and what to enter, in German number format.
  await goToAccount(page, 'Alice Example');
  await submitAmount(page, 'Withdraw', '500');
  await page.getByText('Alice Example has 50,00 €: enter 50,00 € or less.').waitFor();

  // The Outbox writes her earlier withdrawal's money the German way, and her account number grouped.
  await showScreen(page, '#/outbox', 'Outbox');
  const message = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'You withdrew 20,00 €' }) });
  expect((await message.innerText()).replace(/[\u00a0\u202f]/g, ' ')).toContain(`you withdrew 20,00 € from account ${formatAccountNumber(ledger.alice)} (Groceries).`);

  // The event log: readable names, owners instead of stream ids, and an account picker.
  await showScreen(page, '#/log', 'Event log');
  await logRows(page).first().waitFor();
  expect((await rowLabels(page)).slice(0, 3)).toEqual(['Event 15, Funds added', 'Event 14, Transfer received', 'Event 13, Transfer sent']);
  expect(await logRows(page).first().innerText()).toContain(`Bob Example · ${formatAccountNumber(ledger.bob)}`);
  expect(await page.locator('.log-stream').allInnerTexts()).not.toContainEqual(expect.stringContaining('account-'));

  const picker = page.getByLabel('Account', { exact: true });
  await picker.selectOption({ label: `Alice Example · ${formatAccountNumber(ledger.alice)}` });
  await logStatus(page).filter({ hasText: '7 matching events in the whole log.' }).waitFor();
  expect(await rowLabels(page)).toContain('Event 11, Funds withdrawn');
  expect(await rowLabels(page)).not.toContain('Event 15, Funds added');
  expect(page.url()).toContain(`#/log?account=${ledger.alice}`);

  // The account is in the address: Back returns to all accounts, Forward to Alice, and a link opens at Bob.
  await page.goBack();
  await logStatus(page).waitFor({ state: 'detached' });
  expect(await picker.inputValue()).toBe('');
  await page.goForward();
  await logStatus(page).filter({ hasText: '7 matching events in the whole log.' }).waitFor();
  expect(await picker.locator('option:checked').innerText()).toBe(`Alice Example · ${formatAccountNumber(ledger.alice)}`);

  await page.getByLabel('Type').selectOption({ label: 'Funds withdrawn' });
  await logStatus(page).filter({ hasText: '1 matching event in the whole log.' }).waitFor();
  expect(await rowLabels(page)).toEqual(['Event 11, Funds withdrawn']);
  await page.goto(new URL(`#/log?account=${ledger.bob}`, page.url()).href);
  await logStatus(page).filter({ hasText: '0 matching events in the whole log.' }).waitFor();
  expect(await picker.locator('option:checked').innerText()).toBe(`Bob Example · ${formatAccountNumber(ledger.bob)}`);
  expect(problems).toEqual([]);
  await context.close();
}, 60_000);

test('in US English on a desktop: big counts have separators, positions are grouped, and a refusal names the owner', async () => {
  const events = [...syntheticLedger({ accounts: 12, events: 1_500, seed: 11 })];
  const context = await newContext(browser(), { locale: 'en-US', timezoneId: 'America/New_York', viewport: VIEWPORTS.desktop });
  const { page, problems } = await openRewind(context);
  await importThroughUi(page, await writeLogFile(events, 'big.ndjson'), 'Into an empty log', 30_000);

  await page.locator('.app-footer').getByText(/^1,500 events in the log\. This tab /).waitFor();

  await showScreen(page, '#/log', 'Event log');
  await logRows(page).first().waitFor();
  expect((await rowLabels(page))[0]).toMatch(/^Event 1,500, [A-Z][a-z]+( [a-z-]+)+$/);
  await logRows(page).first().getByText('#1,500', { exact: true }).waitFor();

  // A number typed as the screens show it, grouped, is understood.
  await page.getByLabel('Go to event number').fill('1,234');
  await page.getByRole('button', { name: 'Go', exact: true }).last().click();
  await logRows(page).filter({ has: page.getByText('#1,234', { exact: true }) }).waitFor();
  await page.getByLabel('Go to event number').fill('99999');
  await page.getByRole('button', { name: 'Go', exact: true }).last().click();
  await page.getByRole('alert').filter({ hasText: 'Enter an event number from 1 to 1,500.' }).waitFor();

  // Asking an account for far more than it holds names its owner and says what to do.
  const owner = (await page.locator('.log-stream').first().innerText()).split(' · ')[0]!;
  await goToAccount(page, owner);
  await submitAmount(page, 'Withdraw', '99999999');
  const refusal = new RegExp(
    `^${owner}( has €[\\d,]+\\.\\d\\d: (enter €[\\d,]+\\.\\d\\d or less|add funds before taking money out)|’s account \\d{4} \\d{4} \\d{4} \\d{4} is (not verified yet|closed))`,
  );
  await page.getByText(refusal).waitFor();
  expect(problems).toEqual([]);
  await context.close();
}, 60_000);
