import type { Page } from 'playwright-core';
import { afterAll, expect, inject, test } from 'vitest';
import { VIEWPORTS, newContext, useChromium, waitForApp } from './support/browser.ts';
import { historyContext, importThroughUi, openRewind, showScreen, smallLedger, writeLogFile } from './support/ledgerFiles.ts';

const browser = useChromium();
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

/** A CSS colour as the browser computes it ("rgb(23, 30, 37)") in the form a theme-color meta holds ("#171e25"). */
const hex = (rgb: string) =>
  '#' + (rgb.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('');

async function themeColourAndHeader(page: Page, scheme: 'light' | 'dark') {
  return page.evaluate((scheme) => {
    const meta = document.querySelector(`meta[name="theme-color"][media="(prefers-color-scheme: ${scheme})"]`);
    const header = document.querySelector('.app-header');
    return { meta: meta?.getAttribute('content'), header: header ? getComputedStyle(header).backgroundColor : '' };
  }, scheme);
}

test.each(['light', 'dark'] as const)('the browser bar takes the header’s colour in the %s theme', async (scheme) => {
  const context = await newContext(browser(), { colorScheme: scheme, viewport: VIEWPORTS.phone });
  closers.push(() => context.close());
  const { page } = await openRewind(context);
  const { meta, header } = await themeColourAndHeader(page, scheme);
  expect(meta).toBe(hex(header));
});

test('robots.txt lets search engines see the app (it holds no personal data on the server)', async () => {
  const response = await fetch(new URL('/robots.txt', inject('baseURL')));
  expect(response.status).toBe(200);
  const text = await response.text();
  expect(text).toMatch(/^User-agent: \*$/m);
  expect(text).toMatch(/^Disallow:\s*$/m);
});

test.each(['phone', 'desktop'] as const)('an import shows "Opening the imported log…" until the reloaded app shows the accounts (%s)', async (viewport) => {
  const context = await historyContext(browser(), viewport);
  closers.push(() => context.close());
  // Seen from inside the page, as it is painted: the reload replaces the document soon after.
  const seen: { text: string; onTop: boolean; covers: boolean; document: number }[] = [];
  await context.exposeBinding('reportReopening', (_source, report: (typeof seen)[number]) => void seen.push(report));
  await context.addInitScript(() => {
    const win = window as unknown as { reportReopening(report: unknown): void };
    new MutationObserver(() => {
      const screen = document.querySelector('.reopening');
      if (!screen || screen.hasAttribute('data-reported')) return;
      screen.setAttribute('data-reported', '');
      requestAnimationFrame(() => {
        const box = screen.getBoundingClientRect();
        const middle = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
        win.reportReopening({
          text: screen.textContent,
          onTop: middle !== null && screen.contains(middle),
          covers: box.width >= innerWidth && box.height >= innerHeight,
          document: performance.timeOrigin,
        });
      });
    }).observe(document, { childList: true, subtree: true });
  });
  const { page } = await openRewind(context);
  const before = await page.evaluate(() => performance.timeOrigin);
  await importThroughUi(page, await writeLogFile(smallLedger().events));
  expect(seen).toEqual([{ text: expect.stringContaining('Opening the imported log…'), onTop: true, covers: true, document: before }]);
  // The reloaded page is a new document, and it shows the imported accounts, with no screen left over.
  await waitForApp(page);
  expect(await page.evaluate(() => performance.timeOrigin)).toBeGreaterThan(before);
  await showScreen(page, '#/accounts', 'Accounts');
  await page.getByRole('link', { name: /Alice Example/ }).first().waitFor();
  expect(await page.locator('.reopening').count()).toBe(0);
});
