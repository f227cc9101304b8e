import type { Page } from 'playwright-core';
import { afterAll, expect, inject, test } from 'vitest';
import { VIEWPORTS, newContext, useChromium, waitForApp } from './support/browser.ts';
import { historyContext, importThroughUi, openRewind, showScreen, smallLedger, writeLogFile } from './support/ledgerFiles.ts';
import { seededRandom } from '../../src/domain/random.ts';
import { createLedgerBuilder } from '../../src/domain/sample/ledgerBuilder.ts';

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

/** One account: 100.00 deposited on 5 January, 20.00 withdrawn at 23:30 UTC on 9 January (00:30 on the 10th in Berlin). */
function lateWithdrawal() {
  const b = createLedgerBuilder(seededRandom(3));
  const opened = b.run({ type: 'OpenAccount', owner: 'Berta Spät', email: 'berta@example.org', initialDeposit: 10_000 }, new Date('2026-01-05T10:00:00Z'))!;
  const account = (opened[0]!.payload as { accountNumber: string }).accountNumber;
  const code = (opened.find((e) => e.type === 'VerificationMessageQueued')!.payload as { code: string }).code;
  b.run({ type: 'VerifyAccount', account, code }, new Date('2026-01-05T11:00:00Z'));
  b.run({ type: 'Withdraw', account, amount: 2_000, note: 'Late night' }, new Date('2026-01-09T23:30:00Z'));
  return [...b.events()];
}

test.each(['phone', 'desktop'] as const)('in Berlin, a withdrawal at 23:30 UTC counts on the next local day in Reports (%s)', async (viewport) => {
  const context = await newContext(browser(), { locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: VIEWPORTS[viewport] });
  closers.push(() => context.close());
  const { page, problems } = await openRewind(context);
  await importThroughUi(page, await writeLogFile(lateWithdrawal()));
  await showScreen(page, '#/reports', 'Reports');
  const moved = page.getByRole('region', { name: 'Money moved' });
  await moved.getByRole('radio', { name: 'Day' }).check();
  await expect.poll(() => moved.locator('tbody tr').allInnerTexts()).toEqual(['Jan 10, 2026\t€20.00']);
  const chart = page.getByRole('region', { name: 'Balances over time' });
  expect(await chart.locator('figcaption').textContent()).toMatch(/^Money in the system went from €100\.00 on Jan 5, 2026 to €80\.00 on Jan 10, 2026;/);
  expect(problems).toEqual([]);
});
