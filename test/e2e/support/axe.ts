import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const SCHEMES = ['light', 'dark'] as const;

/** Every violation axe finds on the page as it is now, of any impact, in a line each so a failure reads on its own. */
export async function violations(page: Page, scheme: string): Promise<string[]> {
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

/** The violations in the light and then the dark theme. */
export async function violationsInBothThemes(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of SCHEMES) found.push(...(await violations(page, scheme)));
  return found;
}
