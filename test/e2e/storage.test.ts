import { expect, inject, test } from 'vitest';
import { newContext, openApp, saveScreenshots, useChromium } from './support/browser.ts';

const browser = useChromium();

const storageValue = (term: string) => `.pwa-storage dt:text-is("${term}") + dd`;

test('the storage panel shows space used and free, and explains eviction when storage is not persistent', async () => {
  const context = await newContext(browser());
  const { page, problems } = await openApp(context, '#/data');
  const panel = page.getByRole('region', { name: 'Storage on this device' });
  await expect.poll(() => page.locator(storageValue('Used')).textContent()).toMatch(/^\d+(\.\d)? (bytes?|kB|MB)$/);
  expect(await page.locator(storageValue('Available')).textContent()).toMatch(/^\d+(\.\d)? (kB|MB|GB|TB)$/);
  expect(await page.locator(storageValue('Persistent storage')).textContent()).toBe('Not granted');
  await panel.getByText('may delete Rewind’s data').waitFor();
  await panel.getByRole('button', { name: 'Export log' }).waitFor();

  // Headless Chromium declines without a prompt, as a browser does for a site seldom used.
  await panel.getByRole('button', { name: 'Keep data on this device' }).click();
  await panel.getByText('The browser declined.').waitFor();
  await saveScreenshots(page, 'storage-not-persisted');
  expect(problems).toEqual([]);
  await context.close();
});

test('once the browser grants persistent storage the panel says so', async () => {
  const context = await newContext(browser());
  const { page, problems } = await openApp(context, '#/data');
  const panel = page.getByRole('region', { name: 'Storage on this device' });
  const keepData = panel.getByRole('button', { name: 'Keep data on this device' });
  await keepData.waitFor();
  // Playwright has no name for this permission; Chromium's protocol does.
  const { targetInfo } = await (await context.newCDPSession(page)).send('Target.getTargetInfo');
  await (await browser().newBrowserCDPSession()).send('Browser.grantPermissions', {
    origin: new URL(inject('baseURL')).origin,
    browserContextId: targetInfo.browserContextId,
    permissions: ['durableStorage'],
  });
  await keepData.click();
  await expect.poll(() => page.locator(storageValue('Persistent storage')).textContent()).toBe('Granted');
  await panel.getByText('The browser keeps Rewind’s data until you clear it yourself.').waitFor();
  expect(await keepData.count()).toBe(0);
  expect(problems).toEqual([]);
  await context.close();
});
