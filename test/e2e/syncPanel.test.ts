import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../server/http/startServer.ts';
import { openSqliteStore } from '../../server/store/openStore.ts';
import { violationsInBothThemes } from './support/axe.ts';
import { newContext, useChromium, VIEWPORTS } from './support/browser.ts';
import { openRewind, showScreen } from './support/ledgerFiles.ts';
import { problemOf } from './support/forms.ts';
import { accountBalance, goToAccount, mainTab, openAccount, submitAmount, toast } from './support/screens.ts';

const browser = useChromium();

const ANDROID = 'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36';
/** Sync steps cross a server and a second browser profile: a busy machine may take a while. */
const SYNC_WAIT = { timeout: 20_000 };

let server: RunningServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'rewind-sync-panel-'));
  server = await startServer({ store: await openSqliteStore(join(dataDir, 'sync.db')) });
});

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const syncPanel = (page: Page) => page.getByRole('region', { name: 'Sync', exact: true });
/** The header's status: its name starts with "Sync:" (the words after it show). */
const headerStatus = (page: Page) => page.getByRole('banner').getByRole('link', { name: /^Sync: / });

async function device(viewport: keyof typeof VIEWPORTS, options: { locale?: string; userAgent?: string } = {}): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await newContext(browser(), { locale: options.locale ?? 'en-US', timezoneId: 'UTC', viewport: VIEWPORTS[viewport], userAgent: options.userAgent });
  const opened = await openRewind(context);
  return { context, ...opened };
}

/** On the Data screen: creates a sync space on the test's server with this device's name, and waits until it is synced. */
async function createSpace(page: Page, name: string): Promise<void> {
  await showScreen(page, '#/data', 'Data');
  const panel = syncPanel(page);
  await panel.getByLabel('Sync server').fill(server.url);
  await panel.getByLabel('This device’s name').fill(name);
  await panel.getByRole('button', { name: 'Create a sync space' }).click();
  await panel.getByText('Synced: everything on this device is on the server.').waitFor(SYNC_WAIT);
}

/** Alice Smith's account with €100.00, verified through the link in its Outbox message, so money can leave it. */
async function aliceWithMoney(page: Page): Promise<void> {
  await openAccount(page, 'Alice Smith', 'alice@example.org', '100.00');
  await mainTab(page, 'Outbox').click();
  await page.getByRole('article').filter({ hasText: 'Alice Smith' }).getByRole('link', { name: 'Open the verification link' }).click();
  await page.getByText(/is verified\. Money can now leave it\./).waitFor();
}

/** A local address where nothing listens. */
async function closedAddress(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as { port: number };
  await new Promise((done) => probe.close(done));
  return `http://127.0.0.1:${port}`;
}

async function pairingLink(page: Page): Promise<string> {
  const panel = syncPanel(page);
  await panel.getByRole('button', { name: 'Show the pairing link' }).click();
  return panel.getByLabel('Pairing link', { exact: true }).inputValue();
}

test('desktop: sync is offered on the Data screen; a wrong address changes nothing; a space is created, the device renamed, the link and its QR code shown on request', async () => {
  const { context, page, problems } = await device('desktop');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openAccount(page, 'Alice Smith', 'alice@example.org', '100.00');
  expect(await headerStatus(page).count()).toBe(0);

  await showScreen(page, '#/data', 'Data');
  const panel = syncPanel(page);
  await panel.getByText('Keep this ledger on your phone and your laptop.').waitFor();
  const address = panel.getByLabel('Sync server');
  expect(await address.inputValue()).toBe('http://127.0.0.1:8787');
  expect(await panel.getByLabel('This device’s name').inputValue()).toBe('Laptop');

  // Not an address: told under the field, which gets the focus.
  await address.fill('my server');
  await panel.getByRole('button', { name: 'Create a sync space' }).click();
  expect(await problemOf(address)).toBe('“my server” is not a web address: enter one such as http://127.0.0.1:8787.');
  expect(await address.evaluate((input) => input === document.activeElement)).toBe(true);
  // No server there: told beside the form, and sync stays off.
  await address.fill(await closedAddress());
  await panel.getByRole('button', { name: 'Create a sync space' }).click();
  await panel.getByRole('alert').filter({ hasText: 'cannot be reached' }).getByText(/Nothing was changed\.$/).waitFor(SYNC_WAIT);
  expect(await panel.getByRole('button', { name: 'Create a sync space' }).isVisible()).toBe(true);
  expect(await headerStatus(page).count()).toBe(0);

  await createSpace(page, 'Laptop');
  await headerStatus(page).filter({ hasText: 'Synced' }).waitFor();
  expect(await panel.getByText(server.url, { exact: true }).isVisible()).toBe(true);

  const name = panel.getByLabel('This device’s name');
  await name.fill('');
  await panel.getByRole('button', { name: 'Rename' }).click();
  await panel.getByRole('alert').getByText(/^Give this device a name/).waitFor();
  await name.fill('Work laptop');
  await panel.getByRole('button', { name: 'Rename' }).click();
  await panel.getByRole('status').filter({ hasText: 'This device is now called Work laptop.' }).waitFor();

  // The secret shows only inside the link the person asked to see.
  const secretFree = await page.locator('main').innerHTML();
  const link = await pairingLink(page);
  const secret = new URLSearchParams(link.slice(link.indexOf('?') + 1)).get('secret')!;
  expect(link.startsWith(new URL('#/sync/join?server=', page.url()).href)).toBe(true);
  expect(secret.length).toBeGreaterThanOrEqual(43);
  expect(secretFree).not.toContain(secret);
  await panel.getByRole('img', { name: 'QR code of the pairing link' }).locator('svg').waitFor();
  await panel.getByRole('button', { name: 'Copy link' }).click();
  await panel.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  expect(await violationsInBothThemes(page)).toEqual([]);
  // The header's status leads to the Sync panel.
  await showScreen(page, '#/accounts', 'Accounts');
  await headerStatus(page).click();
  await syncPanel(page).waitFor();
  // The browser logs the request to the closed address; nothing else may go wrong.
  expect(problems.filter((p) => !p.includes('net::ERR_CONNECTION_REFUSED'))).toEqual([]);
  await context.close();
});

test('phone, in German: a pairing link joins on "Join"; a withdrawal refused after syncing is told in words and retried with a changed amount; disconnecting keeps the ledger', async () => {
  const laptop = await device('desktop');
  await aliceWithMoney(laptop.page);
  await createSpace(laptop.page, 'Laptop');
  const link = await pairingLink(laptop.page);
  const secret = new URLSearchParams(link.slice(link.indexOf('?') + 1)).get('secret')!;

  const phone = await device('phone', { locale: 'de-DE', userAgent: ANDROID });
  const { page } = phone;
  await page.goto(link);
  await page.getByRole('heading', { name: 'Join a sync space', level: 1 }).waitFor();
  // A reload on the route shows it again; the secret is never on screen.
  await page.reload();
  const join = page.getByRole('form', { name: 'Join the sync space' });
  await join.getByText(server.url, { exact: true }).waitFor();
  expect(await page.locator('body').innerText()).not.toContain(secret);
  expect(await join.getByLabel('This device’s name').inputValue()).toBe('Phone');
  expect(await violationsInBothThemes(page)).toEqual([]);
  let loads = 0;
  page.on('load', () => loads++);
  await join.getByRole('button', { name: 'Join', exact: true }).click();
  await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor(SYNC_WAIT);
  await headerStatus(page).filter({ hasText: 'Synced' }).waitFor(SYNC_WAIT);
  // The empty phone took the space's log in one switch and opened it in place, without reloading the page.
  expect(loads).toBe(0);

  // Both devices withdraw from the same account: the phone while offline, so the laptop's lands on the server first.
  await goToAccount(page, 'Alice Smith');
  await accountBalance(page).filter({ hasText: '100,00' }).waitFor(SYNC_WAIT);
  await phone.context.setOffline(true);
  await submitAmount(page, 'Withdraw', '50,00');
  await toast(page).filter({ hasText: 'Withdrew' }).waitFor();
  await headerStatus(page).filter({ hasText: /Offline|waiting to send/ }).waitFor(SYNC_WAIT);
  await goToAccount(laptop.page, 'Alice Smith');
  await submitAmount(laptop.page, 'Withdraw', '80.00');
  await toast(laptop.page).filter({ hasText: 'Withdrew' }).waitFor();
  await headerStatus(laptop.page).filter({ hasText: 'Synced' }).waitFor(SYNC_WAIT);
  await phone.context.setOffline(false);

  // The phone is told on the accounts screen and in the header, and the Sync panel says it in words.
  await showScreen(page, '#/accounts', 'Accounts');
  const banner = page.getByRole('region', { name: 'Sync' });
  await banner.getByText('A change made on this device was refused after syncing.').waitFor(SYNC_WAIT);
  await headerStatus(page).filter({ hasText: 'Needs attention' }).waitFor();
  await banner.getByRole('link', { name: 'Review in Sync' }).click();
  const conflict = syncPanel(page).getByRole('listitem').filter({ hasText: 'Withdraw 50,00 € from Alice Smith’s account' });
  await conflict.getByText(/^Made on Phone at \d\d:\d\d\.$/).waitFor();
  await conflict.getByText(/^Meanwhile Laptop withdrew 80,00\s€ from Alice Smith’s account at \d\d:\d\d\.$/).waitFor();
  await conflict.getByText(/refused: .*20[.,]00/).waitFor();
  expect(await violationsInBothThemes(page)).toEqual([]);

  // As a what-if: a branch opens from now, where the withdrawal is refused too, with the way to see it in place of the laptop's.
  await conflict.getByRole('button', { name: 'Try as what-if' }).click();
  await conflict.getByRole('alert').getByText(/^The what-if branch is open, but the command is refused there too: .*skip the other device’s change/).waitFor();
  await page.getByRole('region', { name: 'What-if branch', exact: true }).getByRole('button', { name: 'Discard', exact: true }).click();
  await page.getByRole('region', { name: 'What-if branch', exact: true }).waitFor({ state: 'detached' });

  // Too much again: refused with the reason, nothing recorded; then an amount that fits lands and the notice goes.
  await conflict.getByRole('button', { name: 'Change and retry' }).click();
  const retry = conflict.getByRole('form', { name: 'Change and retry' });
  const amount = retry.getByLabel('Amount (EUR)');
  expect(await amount.inputValue()).toBe('50,00');
  await amount.fill('30,00');
  await retry.getByRole('button', { name: 'Retry' }).click();
  await expect.poll(() => problemOf(amount)).toBe('Alice Smith has 20,00\u00a0€: enter 20,00\u00a0€ or less.');
  await amount.fill('20,00');
  await retry.getByRole('button', { name: 'Retry' }).click();
  await conflict.waitFor({ state: 'detached' });
  await headerStatus(page).filter({ hasText: 'Synced' }).waitFor(SYNC_WAIT);
  await showScreen(page, '#/accounts', 'Accounts');
  expect(await page.getByRole('region', { name: 'Sync' }).count()).toBe(0);
  await laptop.page.getByText('€0.00').first().waitFor(SYNC_WAIT);

  // Disconnecting asks first, says the ledger stays, and leaves it as it is.
  await showScreen(page, '#/data', 'Data');
  await syncPanel(page).getByRole('button', { name: 'Disconnect this device…' }).click();
  const question = syncPanel(page).getByRole('heading', { name: 'Disconnect this device?' });
  await question.waitFor();
  expect(await question.evaluate((h) => h === document.activeElement)).toBe(true);
  await syncPanel(page).getByText(/The ledger stays on this device as it is/).waitFor();
  await syncPanel(page).getByRole('button', { name: 'Disconnect', exact: true }).click();
  await syncPanel(page).getByRole('button', { name: 'Create a sync space' }).waitFor();
  expect(await headerStatus(page).count()).toBe(0);
  await goToAccount(page, 'Alice Smith');
  await accountBalance(page).filter({ hasText: '0,00' }).waitFor();

  // The browser logs the pushes tried while offline; nothing else may go wrong.
  expect(phone.problems.filter((p) => !p.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  expect(laptop.problems).toEqual([]);
  await phone.context.close();
  await laptop.context.close();
}, 90_000);
