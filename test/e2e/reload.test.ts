import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { waitForApp, useChromium } from './support/browser.ts';
import { loadSampleData, moneyInSystem, openLedgerPage } from './support/screens.ts';

const browser = useChromium();

/** Hides the page as far as the app can tell: phones do this before they may kill a tab. */
async function hidePage(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

/** The highest seq of any snapshot in any of the origin's databases. */
function newestSnapshotSeq(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let newest = 0;
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      if (db.objectStoreNames.contains('snapshots')) {
        const keys = await new Promise<IDBValidKey[]>((resolve) => {
          const request = db.transaction('snapshots').objectStore('snapshots').getAllKeys();
          request.onsuccess = () => resolve(request.result);
        });
        for (const key of keys) newest = Math.max(newest, (key as [string, number, number])[2]);
      }
      db.close();
    }
    return newest;
  });
}

const footer = (page: Page) => page.locator('.app-footer');

test('after a reload the memory image comes back from the snapshot plus the events after it', async () => {
  const { context, page, problems } = await openLedgerPage(browser());
  await loadSampleData(page);
  const sampleEvents = Number(/([\d,]+) events? in the log/.exec((await footer(page).textContent()) ?? '')![1]!.replace(/,/g, ''));

  await hidePage(page);
  await expect.poll(() => newestSnapshotSeq(page)).toBe(sampleEvents);

  // The tail: events recorded after the snapshot.
  const form = page.locator('form', { hasText: 'Open account' });
  await form.getByLabel('Owner').fill('Tail Tess');
  await form.getByLabel('E-mail').fill('tess@example.org');
  await form.getByLabel(/Initial deposit/).fill('5.00');
  await form.getByRole('button', { name: 'Open account' }).click();
  await page.getByText('Tail Tess', { exact: true }).first().waitFor();
  await expect.poll(async () => (await footer(page).textContent())?.includes(`${(sampleEvents + 4).toLocaleString('en-US')} events`)).toBe(true);
  const money = await moneyInSystem(page).textContent();

  await page.reload();
  await waitForApp(page);
  // 4 events after the snapshot: AccountOpened, EmailReserved, FundsAdded and the queued verification message.
  await footer(page).getByText(`opened from a snapshot at event ${sampleEvents.toLocaleString('en-US')} and replayed the 4 events after it`).waitFor();
  expect(await moneyInSystem(page).textContent()).toBe(money);
  await page.getByText('Tail Tess', { exact: true }).first().waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

test('reloaded on the Outbox and on Reports, each screen shows what it showed before (its read models load after the first screen); Back and Forward keep them, and a command right after a reload lands', async () => {
  const { context, page, problems } = await openLedgerPage(browser());
  await loadSampleData(page);
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
  const messages = page.getByRole('article');
  const moved = page.getByRole('region', { name: 'Money moved' }).locator('tfoot');

  await nav('Outbox').click();
  await page.getByRole('heading', { name: /^Waiting to be sent/ }).waitFor();
  const messageCount = await messages.count();
  expect(messageCount).toBeGreaterThan(0);
  await nav('Reports').click();
  await moved.waitFor();
  const movedTotal = await moved.textContent();

  await page.reload();
  await moved.waitFor();
  expect(await moved.textContent()).toBe(movedTotal);
  await page.goBack();
  await page.getByRole('heading', { name: /^Waiting to be sent/ }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: /^Waiting to be sent/ }).waitFor();
  await expect.poll(() => messages.count()).toBe(messageCount);
  await page.goForward();
  await moved.waitFor();
  expect(await moved.textContent()).toBe(movedTotal);

  // Straight after a reload on the accounts list: the command waits for the decisions, then is recorded.
  await page.goto(new URL('#/accounts', page.url()).href);
  await page.reload();
  const form = page.locator('form', { hasText: 'Open account' });
  await form.getByLabel('Owner').fill('Right After');
  await form.getByLabel('E-mail').fill('after@example.org');
  await form.getByRole('button', { name: 'Open account' }).click();
  await page.getByText('Right After', { exact: true }).first().waitFor();
  await nav('Outbox').click();
  await page.getByRole('article').filter({ hasText: 'after@example.org' }).first().waitFor();
  expect(problems).toEqual([]);
  await context.close();
});
