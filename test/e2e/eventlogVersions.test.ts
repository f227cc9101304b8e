import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { violationsInBothThemes } from './support/axe.ts';
import { VIEWPORTS, newContext, useChromium } from './support/browser.ts';
import { historyContext, importThroughUi, openRewind, showScreen } from './support/ledgerFiles.ts';

// The event log over logs other versions of Rewind wrote: what a person sees of old events, and of newer ones.
const browser = useChromium();
const fixtures = join(import.meta.dirname, '../fixtures');

const events = (page: Page) => page.getByRole('region', { name: 'Events, newest first' }).getByRole('listitem');
const labels = (page: Page) => events(page).evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')));
const row = (page: Page, seq: number) => events(page).filter({ has: page.getByText(`#${seq}`, { exact: true }) });
const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });

let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
});

test.each(['phone', 'desktop'] as const)(
  'on a %s, a log Rewind 0.1.0 exported shows its movements as Uncategorized, finds them by that category, and says how an old event was read',
  async (viewport) => {
    context = await historyContext(browser(), viewport);
    const { page, problems } = await openRewind(context);
    // The small ledger as 0.1.0 exported it: every movement stored in schema 1, before categories.
    await importThroughUi(page, join(fixtures, 'schema-1/small.ndjson'));
    await showScreen(page, '#/log', 'Event log');
    await row(page, 15).waitFor();
    // Each movement shows its category in its row; other events show none.
    await expect.poll(() => row(page, 15).innerText()).toContain('Uncategorized');
    expect(await row(page, 11).innerText()).toContain('Uncategorized');
    expect(await row(page, 12).innerText()).not.toContain('Uncategorized');

    await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Uncategorized' });
    await status(page, '6 matching events in the whole log.').waitFor();
    expect(await labels(page)).toEqual([
      'Event 15, Funds added',
      'Event 14, Transfer received',
      'Event 13, Transfer sent',
      'Event 11, Funds withdrawn',
      'Event 7, Funds added',
      'Event 3, Funds added',
    ]);
    // This log holds nothing a newer version recorded: the type filter does not offer it.
    expect(await page.getByLabel('Type').locator('option').filter({ hasText: 'newer version' }).count()).toBe(0);

    // The category is in the address, and combines with the other filters.
    expect(new URL(page.url()).hash).toBe('#/log?category=Uncategorized');
    await page.getByLabel('Type').selectOption({ label: 'Funds withdrawn' });
    await status(page, '1 matching event in the whole log.').waitFor();
    expect(await labels(page)).toEqual(['Event 11, Funds withdrawn']);

    // The details say the event was lifted to today's shape, and show it both ways.
    await row(page, 11).getByRole('button', { name: 'Details' }).click();
    const details = row(page, 11);
    await details
      .getByText(
        'Stored in schema 1, shown in today’s shape (schema 2): category “Uncategorized” was added when reading it. The log keeps it as it was stored, and exports it that way.',
      )
      .waitFor();
    expect(await details.locator('pre').first().innerText()).toContain('"category": "Uncategorized"');
    const asStored = details.getByRole('button', { name: 'Show as stored' });
    await asStored.click();
    expect(await asStored.getAttribute('aria-pressed')).toBe('true');
    await details.getByRole('heading', { name: 'Payload as stored' }).waitFor();
    expect(await details.locator('pre').first().innerText()).not.toContain('category');
    expect(await details.locator('pre').nth(1).innerText()).not.toContain('upcastFrom');
    await asStored.click();
    await details.getByRole('heading', { name: 'Payload', exact: true }).waitFor();
    expect(await violationsInBothThemes(page)).toEqual([]);

    // A link to the log at a category opens it there, whatever the letter case.
    await showScreen(page, '#/accounts', 'Accounts');
    await showScreen(page, '#/log?category=uncategorized', 'Event log');
    expect(await page.getByLabel('Category', { exact: true }).inputValue()).toBe('Uncategorized');
    await status(page, '6 matching events in the whole log.').waitFor();
    expect(problems).toEqual([]);
  },
  60_000,
);

const NEWER = 'Recorded by a newer version of Rewind';

test.each([
  ['phone', 'en-US'],
  ['desktop', 'de-DE'],
] as const)(
  'on a %s (%s), the three events a newer version recorded show as such, with their raw types, are found by the type filter, and say what that means',
  async (viewport, locale) => {
    context = await newContext(browser(), { locale, timezoneId: 'UTC', viewport: VIEWPORTS[viewport] });
    const { page, problems } = await openRewind(context);
    await importThroughUi(page, join(fixtures, 'newer-version/small-from-v9.ndjson'), 'Into an empty log', 30_000);
    await showScreen(page, '#/log', 'Event log');
    await row(page, 19).waitFor();
    await expect.poll(async () => (await labels(page)).slice(0, 4)).toEqual([
      'Event 19, Funds withdrawn',
      `Event 18, ${NEWER} (BudgetSet)`,
      `Event 17, ${NEWER} (FundsAdded, schema 3)`,
      `Event 16, ${NEWER} (AccountFrozen)`,
    ]);
    // What this version cannot read it does not guess at: no amount, no category for the schema-3 deposit.
    const deposit = await row(page, 17).innerText();
    expect(deposit).toContain(NEWER);
    expect(deposit).not.toMatch(/Gifts|25/);
    // The movement the newer version decided in a schema this one reads is shown as usual.
    expect(await row(page, 19).innerText()).toContain('Groceries');

    await page.getByLabel('Type').selectOption({ label: 'Recorded by a newer version' });
    await status(page, '3 matching events in the whole log.').waitFor();
    expect(await labels(page)).toEqual([`Event 18, ${NEWER} (BudgetSet)`, `Event 17, ${NEWER} (FundsAdded, schema 3)`, `Event 16, ${NEWER} (AccountFrozen)`]);

    await row(page, 16).getByRole('button', { name: 'Details' }).click();
    await row(page, 16)
      .getByText(
        'This version of Rewind keeps it as it is and exports it as it is, but does not read it, so nothing else on these screens reflects what it did, and its account is read-only here. Update Rewind to see what it did.',
      )
      .waitFor();
    expect(await row(page, 16).locator('pre').first().innerText()).toContain('"reason": "Card reported lost"');
    expect(await violationsInBothThemes(page)).toEqual([]);
    expect(problems).toEqual([]);
  },
  60_000,
);
