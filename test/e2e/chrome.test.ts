import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useChromium, VIEWPORTS } from './support/browser.ts';
import { showScreen, withSmallLedger, type SmallLedger } from './support/ledgerFiles.ts';
import { mainTab } from './support/screens.ts';
import { MIN_TARGET, smallTargets } from './support/touch.ts';

const browser = useChromium();

/** The screens a person moves between; an account's is added with the ledger's account number. */
function screens(ledger: SmallLedger) {
  return [
    { hash: '#/accounts', heading: 'Accounts', title: 'Accounts · Rewind' },
    { hash: `#/accounts/${ledger.alice}`, heading: 'Alice Example', title: 'Alice Example · Rewind' },
    { hash: '#/outbox', heading: 'Outbox', title: 'Outbox · Rewind' },
    { hash: '#/reports', heading: 'Reports', title: 'Reports · Rewind' },
    { hash: '#/log', heading: 'Event log', title: 'Event log · Rewind' },
    { hash: '#/data', heading: 'Data', title: 'Data · Rewind' },
  ];
}

const header = (page: Page) => page.locator('header.app-header');
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const timeTravel = (page: Page) => page.getByRole('button', { name: 'Time travel', exact: true });
const pastBanner = (page: Page) => page.getByRole('status').filter({ hasText: 'Viewing the past' });
const branchBar = (page: Page) => page.getByRole('region', { name: 'What-if branch', exact: true });

async function box(locator: ReturnType<Page['locator']>) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

/** What has the focus, as a person would name it: its role-ish tag and its text or label. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return `${el.tagName.toLowerCase()}: ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim()}`;
  });
}

for (const size of ['phone', 'desktop'] as const) {
  describe(`at ${size} size`, () => {
    let page: Page;
    let ledger: SmallLedger;
    let problems: string[];
    let close: () => Promise<void>;
    beforeAll(async () => {
      const opened = await withSmallLedger(browser(), size);
      ({ page, ledger, problems } = opened);
      close = () => opened.context.close();
    });
    afterAll(() => close());

    test('each screen starts right under the header, and the page title names it', async () => {
      for (const screen of screens(ledger)) {
        await showScreen(page, screen.hash, screen.heading);
        const headerBottom = (await box(header(page))).y + (await box(header(page))).height;
        expect((await box(h1(page))).y - headerBottom, screen.heading).toBeLessThan(150);
        await expect.poll(() => page.title()).toBe(screen.title);
        // Headings go down one level at a time from the screen's h1.
        const levels = await page.locator('main').getByRole('heading').evaluateAll((hs) => hs.map((h) => Number(h.tagName.slice(1))));
        expect(levels[0], screen.heading).toBe(1);
        levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0), `${screen.heading}: h${level}`).toBeLessThanOrEqual(1));
      }
      expect(problems).toEqual([]);
    });

    test('time travel opens from the header, shows a slim banner that stays at the top, and Escape or Back to now close it', async () => {
      await showScreen(page, '#/accounts', 'Accounts');
      const headingTop = (await box(h1(page))).y;
      expect(await page.getByRole('slider', { name: 'Time travel' }).count()).toBe(0);
      await timeTravel(page).click();
      const slider = page.getByRole('slider', { name: 'Time travel' });
      await slider.waitFor();
      // On a phone the controls are a sheet over the bottom of the screen: the screen does not move.
      if (size === 'phone') {
        expect((await box(h1(page))).y).toBe(headingTop);
        const sheet = await box(page.getByRole('region', { name: 'Time travel controls' }));
        expect(sheet.y + sheet.height).toBeCloseTo(VIEWPORTS.phone.height, 0);
      }
      await page.getByRole('button', { name: 'Step back one event' }).click();
      await pastBanner(page).filter({ hasText: 'event 14 of 15' }).waitFor();

      // Escape folds the controls away and gives the focus back to the button that opened them.
      await slider.focus();
      await page.keyboard.press('Escape');
      await slider.waitFor({ state: 'detached' });
      expect(await focused(page)).toBe('button: Time travel');
      expect(await timeTravel(page).getAttribute('aria-expanded')).toBe('false');

      // The banner is one slim line, and stays under the header while the screen scrolls.
      const banner = await box(pastBanner(page));
      // (Two short lines at most on a phone, beside "Back to now".)
      expect(banner.height).toBeLessThanOrEqual(size === 'phone' ? 72 : 48);
      await showScreen(page, '#/log', 'Event log');
      await page.setViewportSize({ width: VIEWPORTS[size].width, height: 480 });
      await page.mouse.wheel(0, 600);
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
      expect((await box(pastBanner(page))).y).toBeLessThan(150);
      await page.setViewportSize(VIEWPORTS[size]);

      await page.getByRole('button', { name: 'Back to now' }).click();
      await pastBanner(page).waitFor({ state: 'detached' });
      expect(await focused(page)).toBe('button: Time travel');
      expect(problems).toEqual([]);
    });

    test('a what-if branch shows a slim banner with its actions in one menu; Escape closes the menu and the tool, focus back on Actions', async () => {
      await showScreen(page, '#/accounts', 'Accounts');
      await page.getByRole('button', { name: 'What if…', exact: true }).click();
      await branchBar(page).waitFor();
      const compare = branchBar(page).getByRole('button', { name: 'Compare with reality' });
      const actions = branchBar(page).getByRole('button', { name: 'Actions', exact: true });
      // One slim line: the branch's actions wait in one menu.
      expect((await box(branchBar(page))).height).toBeLessThanOrEqual(64);
      expect(await compare.isVisible()).toBe(false);
      await actions.click();
      for (const name of ['Compare with reality', 'Inject event', 'Save scenario', 'Export scenario']) {
        expect(await branchBar(page).getByRole('button', { name }).isVisible(), name).toBe(true);
      }
      await page.keyboard.press('Escape');
      await compare.waitFor({ state: 'hidden' });
      expect(await focused(page)).toBe('button: Actions');
      expect(await actions.getAttribute('aria-expanded')).toBe('false');

      await actions.click();
      await compare.click();
      const panel = page.getByRole('region', { name: 'Compare with reality' });
      await panel.waitFor();
      // On a phone the tool is a sheet over the screen, which stays where it was.
      if (size === 'phone') expect((await box(h1(page))).y).toBeLessThan(250);
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      expect(await focused(page)).toBe('button: Actions');

      await branchBar(page).getByRole('button', { name: 'Discard', exact: true }).click();
      await branchBar(page).waitFor({ state: 'detached' });
      expect(problems).toEqual([]);
    });

    test('Saved scenarios drops down from the header and Escape closes it', async () => {
      const toggle = page.getByRole('button', { name: 'Saved scenarios' });
      await toggle.click();
      const empty = page.getByText('No saved scenarios yet.', { exact: false });
      await empty.waitFor();
      await page.keyboard.press('Escape');
      await empty.waitFor({ state: 'detached' });
      expect(await focused(page)).toBe('button: Saved scenarios');
    });

    test('keyboard: a route change focuses the new screen’s heading and names the page; Back and Forward too', async () => {
      await showScreen(page, '#/accounts', 'Accounts');
      await page.locator(`a[href="#/accounts/${ledger.alice}"]`).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toBe('h1: Alice Example');
      await expect.poll(() => page.title()).toBe('Alice Example · Rewind');

      await mainTab(page, 'Event log').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toBe('h1: Event log');
      await expect.poll(() => page.title()).toBe('Event log · Rewind');

      await page.goBack();
      await expect.poll(() => focused(page)).toBe('h1: Alice Example');
      await expect.poll(() => page.title()).toBe('Alice Example · Rewind');
      await page.goForward();
      await expect.poll(() => focused(page)).toBe('h1: Event log');
      await expect.poll(() => page.title()).toBe('Event log · Rewind');

      // A reload is a first load: the page starts at its top, focus where the browser puts it.
      await page.reload();
      await h1(page).waitFor();
      await expect.poll(() => page.title()).toBe('Event log · Rewind');
      expect(await focused(page)).toBe('body');
    });

    if (size === 'phone') {
      test('every target on every screen is at least 44×44 px', async () => {
        const found: Record<string, string[]> = {};
        for (const screen of screens(ledger)) {
          await showScreen(page, screen.hash, screen.heading);
          const small = await smallTargets(page, MIN_TARGET);
          if (small.length > 0) found[screen.heading] = small;
        }
        // The header's controls, the banners, the time-travel sheet and the branch's menu.
        await showScreen(page, '#/accounts', 'Accounts');
        await timeTravel(page).click();
        await page.getByRole('button', { name: 'Step back one event' }).click();
        await pastBanner(page).waitFor();
        found['time travel'] = await smallTargets(page, MIN_TARGET);
        await page.getByRole('button', { name: 'Back to now' }).click();
        await timeTravel(page).click();
        await page.getByRole('button', { name: 'What if…', exact: true }).click();
        await branchBar(page).getByRole('button', { name: 'Actions', exact: true }).click();
        found['what-if menu'] = await smallTargets(page, MIN_TARGET);
        await branchBar(page).getByRole('button', { name: 'Save scenario' }).click();
        await page.getByRole('form', { name: 'Save scenario' }).waitFor();
        found['what-if tool'] = await smallTargets(page, MIN_TARGET);
        await branchBar(page).getByRole('button', { name: 'Discard', exact: true }).click();
        await branchBar(page).waitFor({ state: 'detached' });
        expect(Object.fromEntries(Object.entries(found).filter(([, small]) => small.length > 0))).toEqual({});
      });

      test('at 320 px all five tabs are on screen and can be tapped', async () => {
        await page.setViewportSize({ width: 320, height: 640 });
        await showScreen(page, '#/accounts', 'Accounts');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
        for (const name of ['Accounts', 'Outbox', 'Reports', 'Event log', 'Data']) {
          const tab = await box(mainTab(page, name));
          expect(tab.x, name).toBeGreaterThanOrEqual(0);
          expect(tab.x + tab.width, name).toBeLessThanOrEqual(320);
          expect(tab.height, name).toBeGreaterThanOrEqual(MIN_TARGET);
        }
        await mainTab(page, 'Data').click();
        await h1(page).filter({ hasText: 'Data' }).waitFor();
        await page.setViewportSize(VIEWPORTS.phone);
      });
    }
  });
}
