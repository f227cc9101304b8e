import { expect, test } from 'vitest';
import { newContext, openApp, saveScreenshots, useChromium, waitForApp } from './support/browser.ts';

const browser = useChromium();

test('the built app loads and renders its title', async () => {
  const context = await newContext(browser());
  const { page, problems } = await openApp(context);
  expect(await page.title()).toMatch(/^(.+ · )?Rewind$/);
  await waitForApp(page);
  await saveScreenshots(page, 'app');
  expect(problems).toEqual([]);
  await context.close();
});

test('the Content-Security-Policy lets the app run but refuses inline, foreign and eval’d scripts', async () => {
  const context = await newContext(browser());
  const { page, problems } = await openApp(context);
  await waitForApp(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("worker-src 'self'");
  expect(problems).toEqual([]);

  const refused = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    const w = window as unknown as { inlineRan?: boolean; evalRan?: boolean };
    const inline = document.createElement('script');
    inline.textContent = 'window.inlineRan = true';
    document.head.append(inline);
    const foreign = document.createElement('script');
    foreign.src = 'https://example.com/evil.js';
    document.head.append(foreign);
    // A string timer is eval: it runs in the page, unlike this function, which DevTools evaluates.
    (setTimeout as unknown as (code: string) => void)('window.evalRan = true');
    await new Promise((done) => setTimeout(done, 100));
    return { inlineRan: w.inlineRan === true, evalRan: w.evalRan === true, violations };
  });
  expect(refused.inlineRan).toBe(false);
  expect(refused.evalRan).toBe(false);
  expect(refused.violations).toEqual(
    expect.arrayContaining([
      'script-src-elem inline',
      'script-src-elem https://example.com/evil.js',
      'script-src eval',
    ]),
  );
  await context.close();
});
