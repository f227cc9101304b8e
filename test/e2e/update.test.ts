import { cpSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  countNavigations,
  newContext,
  openApp,
  saveScreenshots,
  useChromium,
  waitForServiceWorkerControl,
  waitForApp,
} from './support/browser.ts';
import { BUILD_LABEL_SELECTOR, buildVariant } from './support/buildVariant.ts';
import { projectRoot, startPreview, type PreviewServer } from './support/preview.ts';
import { loadSampleData, moneyInSystem } from './support/screens.ts';

const browser = useChromium();
const work = 'test-results/e2e-update';
const site = resolve(projectRoot, work, 'site');
let v2: string;
let server: PreviewServer;

/** Puts a build where the server serves from, as a deploy would. */
function deploy(buildDir: string) {
  rmSync(site, { recursive: true, force: true });
  cpSync(buildDir, site, { recursive: true });
}

beforeAll(async () => {
  const v1 = await buildVariant(`${work}/v1`, 'v1');
  v2 = await buildVariant(`${work}/v2`, 'v2');
  deploy(v1);
  server = await startPreview(site);
});

afterAll(async () => {
  await server?.close();
});

const runningVersion = (page: Page) => page.locator(BUILD_LABEL_SELECTOR).getAttribute('content');
const updateBanner = (page: Page) => page.getByRole('status', { name: 'Update available' });

test('a new version waits for "Reload", then every open tab moves to it', async () => {
  const context = await newContext(browser());
  const tabs = [await openApp(context, '', server.url), await openApp(context, '', server.url)];
  const [a, b] = tabs.map((t) => t.page) as [Page, Page];
  for (const page of [a, b]) {
    await waitForServiceWorkerControl(page);
    expect(await runningVersion(page)).toBe('v1');
    // Gone after any reload: proves whether a tab reloaded.
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  }
  // Data recorded in version 1 must come through the update intact.
  await loadSampleData(a);
  const money = await moneyInSystem(a).textContent();
  await expect.poll(() => moneyInSystem(b).textContent()).toBe(money);
  const navigations = [countNavigations(a), countNavigations(b)];

  deploy(v2);
  // The app checks for a new version whenever a tab becomes visible.
  await b.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await updateBanner(a).waitFor();
  await updateBanner(b).waitFor();
  await saveScreenshots(a, 'update-available');

  // Nothing reloads on its own.
  await a.waitForTimeout(1000);
  for (const page of [a, b]) {
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(await runningVersion(page)).toBe('v1');
  }
  expect(navigations.map((n) => n())).toEqual([0, 0]);

  const reloads = [a.waitForEvent('load'), b.waitForEvent('load')];
  await a.getByRole('button', { name: 'Reload' }).click();
  await Promise.all(reloads);
  for (const page of [a, b]) {
    expect(await runningVersion(page)).toBe('v2');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBeUndefined();
    await waitForApp(page);
    expect(await updateBanner(page).count()).toBe(0);
    expect(await moneyInSystem(page).textContent()).toBe(money);
  }
  expect(tabs.flatMap((t) => t.problems)).toEqual([]);
  await context.close();
  // Two tabs, the sample data, two service-worker installs and two reloads: each step has its own limit.
}, 90_000);
