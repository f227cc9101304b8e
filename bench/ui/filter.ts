import type { Page } from 'playwright-core';
import { mainTab } from '../../test/e2e/support/screens.ts';
import { timeAction, type WatchResult } from './watch.ts';

export interface FilterKey extends WatchResult {
  /** The text in the field after this keystroke. */
  text: string;
}

/** The event log's Text filter, in its search form. */
function textFilter(page: Page) {
  return page.getByRole('search', { name: 'Filter events' }).getByLabel('Text', { exact: true });
}

/**
 * One keystroke into the focused Text filter, timed to the list showing its
 * result. Each text starts a search of its own (the screen mounts a fresh
 * list for it, status line included), so "updated" is: the field holding the
 * text so far, a status line that was not there before the key, and that
 * search's first rows on screen, or a step of it in with nothing found. A key
 * that leaves the matches as they were still counts once its search is in. A
 * search that finds fewer rows than the screen holds goes on by itself: only
 * its first rows are waited for.
 */
async function timeKey(page: Page, typed: string, key: string, timeoutMs: number): Promise<FilterKey> {
  const result = await timeAction(
    page,
    () =>
      page.evaluate(
        ({ typed, timeoutMs }) => {
          const before = document.querySelector('.event-log .log-status');
          const field = document.activeElement;
          if (!(field instanceof HTMLInputElement) || !field.closest('.log-filters')) throw new Error('The Text filter does not have the focus.');
          window.rewindUiWatch!.start(
            // Keys off the US layout arrive as text alone (an input event, no keydown).
            { label: `filtering by "${typed}"`, events: ['keydown', 'input'], target: '.log-filters input[type="search"]', timeoutMs },
            () => {
              const status = document.querySelector('.event-log .log-status');
              const text = status?.textContent ?? '';
              if (!status || status === before || field.value !== typed) return false;
              if (document.querySelectorAll('.event-log .log-row[aria-label]').length > 0) return true;
              if (!text.startsWith('0 ')) return false;
              if (text.endsWith('in the whole log.')) return true;
              // "0 matching events in events 100,020 down to 80,021.": a step is in and found nothing. Before its
              // first step a search says "down to" the event above its top, which is no result yet.
              const [, top, reached] = (/events (.+) down to (.+)\.$/.exec(text) ?? []).map((n) => Number(n.replace(/\D/g, '')));
              return top !== undefined && reached !== undefined && reached <= top;
            },
            () => document.querySelector('.event-log [role="alert"]')?.textContent ?? undefined,
            () =>
              `the field holding "${field.value}", the status "${document.querySelector('.event-log .log-status')?.textContent ?? '(none)'}" ` +
              `(${document.querySelector('.event-log .log-status') === before ? 'the one from before the key' : 'new'}), ` +
              `${document.querySelectorAll('.event-log .log-row[aria-label]').length} rows, the first ` +
              `"${document.querySelector('.event-log .log-row[aria-label]')?.getAttribute('aria-label') ?? '(none)'}"`,
          );
        },
        { typed, timeoutMs },
      ),
    () => page.keyboard.type(key),
  );
  return { ms: result.ms, inputDelayMs: result.inputDelayMs, seen: result.seen, text: typed };
}

/**
 * Opens the event log from the main navigation, waits for its newest rows,
 * then types `text` into the Text filter one character at a time, timing
 * each; clears the filters after.
 */
export async function measureFilter(page: Page, text: string, timeoutMs: number): Promise<FilterKey[]> {
  await mainTab(page, 'Event log').click();
  await page.getByRole('heading', { name: 'Event log', level: 1 }).waitFor();
  await page.getByRole('region', { name: 'Events, newest first' }).locator('.log-row[aria-label]').first().waitFor({ timeout: timeoutMs });
  const field = textFilter(page);
  if ((await field.inputValue()) !== '') throw new Error('The event log\'s Text filter is not empty: the keystrokes would not build the text given.');
  await field.click();
  const results: FilterKey[] = [];
  const keys = [...text];
  for (let i = 0; i < keys.length; i++) results.push(await timeKey(page, keys.slice(0, i + 1).join(''), keys[i]!, timeoutMs));
  await page.getByRole('button', { name: 'Clear filters' }).click();
  return results;
}
