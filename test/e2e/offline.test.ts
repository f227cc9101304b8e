import type { BrowserContext } from 'playwright-core';
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

async function restoreNetwork(context: BrowserContext) {
  await context.unroute('**');
  await context.setOffline(false);
}

test('once the service worker controls it, the app opens and reloads with no network at all', async () => {
  const context = await newContext(browser());
  const page = await context.newPage();
  const problems = watchProblems(page);
  const navigations = countNavigations(page);
  await page.goto(baseURL);
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
