import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';
import { afterAll, expect, test } from 'vitest';
import { VIEWPORTS, newContext, useChromium } from './support/browser.ts';
import { openRewind, showScreen } from './support/ledgerFiles.ts';
import { openTimeTravel, branchAction } from './support/modes.ts';
import { loadSampleData } from './support/screens.ts';

const browser = useChromium();
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCHEMES = ['light', 'dark'] as const;

/** Every violation axe finds on the page as it is now, of any impact, in a line each so a failure reads on its own. */
async function violations(page: Page, scheme: string): Promise<string[]> {
  await page.emulateMedia({ colorScheme: scheme as 'light' | 'dark' });
  // Evaluated through the DevTools protocol, which the app's Content Security Policy does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    // Details only for what fails: collecting every passing node makes a run several times slower.
    return axe.run(document, { resultTypes: ['violations'] });
  });
  const where = await page.evaluate(() => location.hash || '/');
  return results.violations.map(
    (v: Result) => `${scheme} ${where}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`,
  );
}

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
