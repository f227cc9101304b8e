import type { Page } from 'playwright-core';

/** What one timed action took, measured in the page. */
export interface WatchResult {
  /** From the input event's timestamp to the animation frame after the expected screen is in the DOM. */
  ms: number;
  /** How long the input event waited before the page handled it (a busy main thread shows here first). */
  inputDelayMs: number;
  /** The screen as the check found it updated, in the words of the watcher's `seen`. */
  seen: string;
}

export interface WatchOptions {
  /** Names the action in errors ("deposit of €12.34"). */
  label: string;
  /** The input events that mark the action (the first one counts): 'click', 'keydown', 'input'. */
  events: string[];
  /** The event's target must lie inside an element matching this selector, so a stray event does not start the clock. */
  target: string;
  timeoutMs: number;
}

/**
 * The page's side of a measurement. `start` arms it before the action:
 * `done` says whether the screen shows what the action should produce,
 * `failed` names a refusal the screen shows instead, `seen` describes the
 * screen (for an error, and in the result). `result` settles once the action has been measured.
 */
export interface UiWatch {
  start(options: WatchOptions, done: () => boolean, failed: () => string | undefined, seen: () => string): void;
  result(): Promise<WatchResult>;
}

declare global {
  interface Window {
    rewindUiWatch?: UiWatch;
  }
}

/**
 * Installs the watcher in the page (once per document). In these callbacks
 * functions are only passed inline or assigned to properties: tsx names every
 * function bound to a const with a helper the page does not have.
 */
export async function installWatch(page: Page): Promise<void> {
  await page.evaluate(() => {
    if (window.rewindUiWatch) return;
    let current: Promise<WatchResult> | undefined;
    const api = {} as UiWatch;
    api.start = (options, done, failed, seen) => {
      if (done()) throw new Error(`${options.label}: the screen already shows the expected result before the action.`);
      current = new Promise<WatchResult>((resolve, reject) => {
        const inputs = new AbortController();
        let startedAt: number | undefined;
        let inputDelayMs = 0;
        let settled = false;
        // A callback used twice lives on an object: tsx leaves functions assigned to properties unnamed.
        const stop = {} as { fail(error: Error): void };
        const observer = new MutationObserver(() => {
          if (startedAt === undefined || settled) return;
          const refusal = failed();
          if (refusal !== undefined) return stop.fail(new Error(`${options.label}: the screen says "${refusal}".`));
          if (!done()) return;
          settled = true;
          observer.disconnect();
          const from = startedAt;
          const shown = seen();
          requestAnimationFrame(() => {
            clearTimeout(timer);
            resolve({ ms: performance.now() - from, inputDelayMs, seen: shown });
          });
        });
        const timer = setTimeout(() => {
          const why = startedAt === undefined ? `its input event (${options.events.join(' or ')}) never reached ${options.target}` : `the screen shows ${seen()}`;
          stop.fail(new Error(`${options.label}: nothing as expected after ${options.timeoutMs} ms: ${why}.`));
        }, options.timeoutMs);
        stop.fail = (error) => {
          if (settled) return;
          settled = true;
          inputs.abort();
          observer.disconnect();
          clearTimeout(timer);
          reject(error);
        };
        for (const type of options.events) {
          document.addEventListener(
            type,
            (event) => {
              if (!(event.target instanceof Element) || !event.target.closest(options.target)) return;
              const now = performance.now();
              // Input events carry when the browser received them; one stamped oddly falls back to now.
              startedAt = event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now;
              inputDelayMs = now - startedAt;
              inputs.abort();
            },
            { capture: true, signal: inputs.signal },
          );
        }
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      // Rejections are read by result(); this keeps the page from reporting them as unhandled meanwhile.
      current.catch(() => undefined);
    };
    api.result = () => current ?? Promise.reject(new Error('No action was being watched.'));
    window.rewindUiWatch = api;
  });
}

/**
 * Times one action in the page: `arm` starts the watcher (a page.evaluate
 * calling window.rewindUiWatch.start with the checks for this action) and
 * returns what it wants kept, then `act` performs the real input event, then
 * the page's measurement is awaited.
 */
export async function timeAction<T>(page: Page, arm: () => Promise<T>, act: () => Promise<void>): Promise<WatchResult & { armed: T }> {
  await installWatch(page);
  const armed = await arm();
  await act();
  const result = await page.evaluate(() => window.rewindUiWatch!.result());
  return { ...result, armed };
}
