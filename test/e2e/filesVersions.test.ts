import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { violationsInBothThemes } from './support/axe.ts';
import { VIEWPORTS, newContext, useChromium } from './support/browser.ts';
import { balances, importThroughUi, openRewind, showScreen } from './support/ledgerFiles.ts';

// A file a newer Rewind exported, taken in through the Data screen and given back out as it came.
const browser = useChromium();
const V9 = join(import.meta.dirname, '../fixtures/newer-version/small-from-v9.ndjson');
const SMALL = join(import.meta.dirname, '../fixtures/schema-1/small.ndjson');
const eventLines = (text: string) => text.split('\n').slice(1, -1);

let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
});

/** A fresh profile whose exports arrive as downloads (headless Chromium's save picker cancels at once). */
async function profile(viewport: keyof typeof VIEWPORTS, locale: string): Promise<BrowserContext> {
  const opened = await newContext(browser(), { locale, timezoneId: 'UTC', viewport: VIEWPORTS[viewport], acceptDownloads: true });
  await opened.addInitScript(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined }));
  return opened;
}

async function exportWholeLog(page: Page): Promise<string> {
  await showScreen(page, '#/data', 'Data');
  const form = page.getByRole('form', { name: 'Export' });
  const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Export log' }).click()]);
  await form.getByRole('status').filter({ hasText: /^Exported / }).waitFor();
  return readFileSync(await download.path(), 'utf8');
}

test.each([
  // On the phone the file is merged into the same log as Rewind 0.1.0 exported it; on the desktop it starts an empty one.
  ['phone', 'en-US', 'Merged small-from-v9.ndjson: 4 new events added, 15 already here.'],
  ['desktop', 'de-DE', 'Imported 19 events from small-from-v9.ndjson.'],
] as const)(
  'on a %s (%s), a file with a newer version’s events imports, says what it kept, shows the accounts, and exports them unchanged',
  async (viewport, locale, outcome) => {
    context = await profile(viewport, locale);
    const { page, problems } = await openRewind(context);
    if (viewport === 'phone') {
      await importThroughUi(page, SMALL, 'Into an empty log', 30_000);
      await importThroughUi(page, V9, 'Merge with the current log', 30_000);
    } else {
      await importThroughUi(page, V9, 'Into an empty log', 30_000);
    }

    const said = page.getByRole('status').filter({ hasText: 'The app reloaded to show the imported log.' });
    await expect.poll(() => said.innerText()).toBe(
      `${outcome} The app reloaded to show the imported log. ` +
        '3 events were recorded by a newer version of Rewind (AccountFrozen, BudgetSet, FundsAdded schema 3). ' +
        'They are kept and exported as they are; update Rewind to see what they did.',
    );
    const note = 'This log holds 3 events recorded by a newer version of Rewind: they are kept and exported as they are.';
    await page.getByText(note).waitFor();
    if (viewport === 'desktop') expect(await violationsInBothThemes(page)).toEqual([]);

    // The schema-3 deposit to Bob is not read; the withdrawal the newer version decided after it is.
    const money = (cents: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
    expect(await balances(page)).toEqual({ 'Alice Example': money(50_00), 'Bob Example': money(80_00) });

    const exported = await exportWholeLog(page);
    expect(eventLines(exported)).toEqual(eventLines(readFileSync(V9, 'utf8')));
    // The note stays while the log holds them, after the outcome has been said.
    await page.getByText(note).waitFor();
    expect(problems).toEqual([]);
  },
  90_000,
);
