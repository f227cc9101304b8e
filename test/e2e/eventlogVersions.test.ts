import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { violationsInBothThemes } from './support/axe.ts';
import { useChromium } from './support/browser.ts';
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
