import type { Page } from 'playwright-core';
import { timeAction, type WatchResult } from './watch.ts';

export interface TravelStep extends WatchResult {
  /** The log position the step landed on. */
  seq: number;
}

/** The header's "Time travel" button, which unfolds the slider's panel. */
function toggle(page: Page) {
  return page.getByRole('button', { name: 'Time travel', exact: true });
}

/**
 * One ArrowLeft on the focused slider, timed to the screen at the position
 * before: the slider there, the banner saying "Viewing the past: event N of
 * …" (it renders from the same view as every screen, so the screen's read
 * models are those at N), no replay still running, and on the account screen
 * the history re-read to match: its newest line's balance is the header's.
 */
async function timeStep(page: Page, timeoutMs: number): Promise<TravelStep> {
  const { armed, ...result } = await timeAction(
    page,
    () =>
      page.evaluate((timeoutMs) => {
        const slider = document.querySelector<HTMLInputElement>('input[type="range"][aria-label="Time travel"]');
        if (!slider) throw new Error('The time-travel slider is not on screen.');
        const to = Number(slider.value) - 1;
        if (to < 0) throw new Error('The time-travel slider is at the start of the log: no step back is left.');
        const banner = `Viewing the past: event ${new Intl.NumberFormat().format(to)} of `;
        window.rewindUiWatch!.start(
          { label: `time travel to event ${to}`, events: ['keydown'], target: 'input[type="range"]', timeoutMs },
          () => {
            const header = document.querySelector('.account-header .account-balance-value')?.textContent;
            const newest = document.querySelector('section.account-history .history-line .history-balance .money')?.textContent;
            return (
              slider.value === String(to) &&
              (document.querySelector('.past-banner strong')?.textContent ?? '').startsWith(banner) &&
              (document.querySelector('.time-travel-loading')?.textContent ?? '') === '' &&
              (header === undefined || header === newest)
            );
          },
          () =>
            [...document.querySelectorAll('[role="alert"]')]
              .map((element) => element.textContent ?? '')
              .find((text) => text.startsWith('Time travel failed')),
          () =>
            `the slider at ${slider.value}, the banner "${document.querySelector('.past-banner strong')?.textContent ?? '(none)'}", ` +
            `"${document.querySelector('.time-travel-loading')?.textContent ?? ''}", balance ` +
            `${document.querySelector('.account-header .account-balance-value')?.textContent ?? '(none)'} and newest history line's ` +
            `${document.querySelector('section.account-history .history-line .history-balance .money')?.textContent ?? '(none)'}`,
        );
        return to;
      }, timeoutMs),
    () => page.keyboard.press('ArrowLeft'),
  );
  return { ...result, seq: armed };
}

/**
 * Opens time travel from the header, focuses the slider and steps back
 * `steps` events one key press at a time, timing each; then goes back to now
 * and folds the panel away, as a person leaving time travel does.
 */
export async function measureTimeTravel(page: Page, steps: number, timeoutMs: number): Promise<TravelStep[]> {
  if ((await toggle(page).getAttribute('aria-expanded')) !== 'true') await toggle(page).click();
  const slider = page.getByRole('slider', { name: 'Time travel' });
  await slider.waitFor();
  await slider.focus();
  const results: TravelStep[] = [];
  for (let i = 0; i < steps; i++) results.push(await timeStep(page, timeoutMs));
  const back = page.getByRole('button', { name: 'Back to now' });
  if (await back.isVisible()) await back.click();
  await page.locator('.past-banner').waitFor({ state: 'detached', timeout: timeoutMs });
  if ((await toggle(page).getAttribute('aria-expanded')) === 'true') await toggle(page).click();
  return results;
}
