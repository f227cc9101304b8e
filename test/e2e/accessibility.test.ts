import type { Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { VIEWPORTS, newContext, useChromium } from './support/browser.ts';
import { SCHEMES, violations } from './support/axe.ts';
import { openRewind, showScreen } from './support/ledgerFiles.ts';
import { openTimeTravel, branchAction } from './support/modes.ts';
import { loadSampleData } from './support/screens.ts';

const browser = useChromium();
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

/** Each screen a person reaches, as they reach it, checked in both themes. */
async function everyScreen(page: Page): Promise<string[]> {
  const found: string[] = [];
  const check = async () => {
    for (const scheme of SCHEMES) found.push(...(await violations(page, scheme)));
  };

  await check(); // first run, an empty ledger
  await loadSampleData(page);
  await showScreen(page, '#/accounts', 'Accounts');
  await check();
  await page.locator('.account-list a').first().click();
  await page.locator('.account-screen h1').waitFor();
  await check();
  for (const [hash, heading] of [
    ['#/outbox', 'Outbox'],
    ['#/reports', 'Reports'],
    ['#/log', 'Event log'],
    ['#/data', 'Data'],
  ] as const) {
    await showScreen(page, hash, heading);
    await check();
  }

  await showScreen(page, '#/accounts', 'Accounts');
  await openTimeTravel(page);
  await check();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'What if…' }).click();
  await page.getByRole('region', { name: 'What-if branch', exact: true }).waitFor();
  await check();
  await branchAction(page, 'Compare with reality');
  await check();
  return found;
}

test.each(Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])(
  'axe finds no accessibility problem of any impact on any screen at %s size, in the light and the dark theme',
  async (size) => {
    const context = await newContext(browser(), { locale: 'en-US', timezoneId: 'UTC', viewport: VIEWPORTS[size] });
    closers.push(() => context.close());
    const { page, problems } = await openRewind(context);
    expect(await everyScreen(page)).toEqual([]);
    expect(problems).toEqual([]);
  },
  120_000,
);
