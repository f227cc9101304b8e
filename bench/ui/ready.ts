import type { Page } from 'playwright-core';

/** The log's last seq when the memory image was ready: the 'rewind:image-ready' mark's detail (src/app/image/memoryImage.ts). */
export interface AppReady {
  seq: number;
  /** Since navigation start, as bench/app.ts measureReload reads it. */
  readyMs: number;
}

/**
 * Waits for the production app to have its memory image (the mark it sets)
 * and its first screen drawn (a level-1 heading in the page): what a person
 * waits for before doing anything.
 */
export async function waitForApp(page: Page, timeoutMs = 600_000): Promise<AppReady> {
  const ready = await page.evaluate(
    (timeout) =>
      new Promise<AppReady>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`The app set no 'rewind:image-ready' mark within ${timeout} ms.`)), timeout);
        // Buffered: a mark set before this observer is delivered to it too.
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntriesByName('rewind:image-ready')[0] as PerformanceMark | undefined;
          if (!entry) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve({ seq: (entry.detail as { seq: number }).seq, readyMs: entry.startTime });
        }).observe({ type: 'mark', buffered: true });
      }),
    timeoutMs,
  );
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: timeoutMs });
  return ready;
}
