import type { BrowserContext, Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import {
  countNavigations,
  newContext,
  saveScreenshots,
  useChromium,
  waitForServiceWorkerControl,
  watchProblems,
  waitForApp,
} from './support/browser.ts';

const browser = useChromium();
const baseURL = inject('baseURL');

/** setOffline alone does not stop the service worker's own fetches: abort every request as well. */
async function cutNetwork(context: BrowserContext) {
  await context.setOffline(true);
  await context.route('**', (route) => route.abort('internetdisconnected'));
}

/** The footer's "N events in the log". */
async function eventsInLog(page: Page): Promise<number> {
  const text = (await page.locator('.app-footer').textContent()) ?? '';
  return Number(/([\d,]+) events? in the log/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
}

async function restoreNetwork(context: BrowserContext) {
  await context.unroute('**');
  await context.setOffline(false);
}

test('once the service worker controls it, the app opens and reloads with no network at all', async () => {
  const context = await newContext(browser());
  const page = await context.newPage();
  const problems = watchProblems(page);
  const navigations = countNavigations(page);
  await page.goto(`${baseURL}#/data`);
  await waitForServiceWorkerControl(page);
  // The first install takes control without reloading the page.
  expect(navigations()).toBe(1);
  await expect.poll(() => page.locator('dt:has-text("Works offline") + dd').textContent()).toBe('Yes');

  // Chromium's emulated offline state reaches open documents as events (new documents still read
  // navigator.onLine as true), so the indicator is checked on the open page.
  const offlineIndicator = page.getByText('Offline', { exact: true });
  await cutNetwork(context);
  await offlineIndicator.waitFor();
  await saveScreenshots(page, 'offline');
  await restoreNetwork(context);
  await offlineIndicator.waitFor({ state: 'detached' });

  await cutNetwork(context);
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await waitForApp(page);

  // A deep link opened offline gets the app shell too.
  const deepLink = await context.newPage();
  const deepProblems = watchProblems(deepLink);
  expect((await deepLink.goto(new URL('accounts/somewhere', baseURL).href))?.fromServiceWorker()).toBe(true);
  await waitForApp(deepLink);

  await restoreNetwork(context);
  expect([...problems, ...deepProblems]).toEqual([]);
  await context.close();
});

test('offline, commands work, events survive another offline reload, and nothing is lost when the network returns', async () => {
  const context = await newContext(browser(), { locale: 'en-US', timezoneId: 'UTC' });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${baseURL}#/accounts`);
  await waitForServiceWorkerControl(page);
  await waitForApp(page);

  await cutNetwork(context);
  await page.reload();
  await waitForApp(page);
  const form = page.getByRole('form', { name: /open an account/i }).or(page.locator('form', { hasText: 'Open account' }));
  await form.getByLabel('Owner').fill('Offline Olga');
  await form.getByLabel('E-mail').fill('olga@example.org');
  await form.getByLabel(/Initial deposit/).fill('12.34');
  await form.getByRole('button', { name: 'Open account' }).click();
  const olga = page.getByText('Offline Olga', { exact: true });
  await olga.first().waitFor();
  // The verification mailer runs offline too: its message is queued in the outbox.
  await page.goto(`${baseURL}#/outbox`);
  await page.getByText('olga@example.org').first().waitFor();
  const eventsOffline = await eventsInLog(page);
  expect(eventsOffline).toBeGreaterThanOrEqual(3);

  await page.reload();
  await waitForApp(page);
  await page.goto(`${baseURL}#/accounts`);
  await olga.first().waitFor();

  await restoreNetwork(context);
  await page.reload();
  await waitForApp(page);
  await page.goto(`${baseURL}#/accounts`);
  await olga.first().waitFor();
  await page.getByText('€12.34').first().waitFor();
  await page.goto(`${baseURL}#/outbox`);
  await page.getByText('olga@example.org').first().waitFor();
  expect(await eventsInLog(page)).toBe(eventsOffline);
  expect(problems).toEqual([]);
  await context.close();
});
