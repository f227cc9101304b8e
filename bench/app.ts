import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';
import { heapAfterGc, newProfile, watch } from './browser.ts';
import type { ReloadRun } from './lib/metrics.ts';

interface ReadyMark {
  ms: number;
  /** When the app started opening the log, and when the memory image started reading snapshots. */
  openingMs: number;
  bootingMs: number;
  domContentLoadedMs: number;
  seq: number;
  fromSeq: number;
}

/**
 * Loads the production app against the profile's log, `runs` times, each from
 * navigation start to the memory image's 'rewind:image-ready' mark; then the
 * JS heap of the last load, garbage collected, with the image ready.
 */
export async function measureReload(context: BrowserContext, baseURL: string, runs: number, say: (line: string) => void): Promise<ReloadRun> {
  const ms: number[] = [];
  const domContentLoadedMs: number[] = [];
  const openingMs: number[] = [];
  const bootingMs: number[] = [];
  let replayed = 0;
  let heapMb = 0;
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    watch(page, say);
    try {
      await page.goto(baseURL);
      await page.waitForFunction(() => performance.getEntriesByName('rewind:image-ready').length > 0, undefined, {
        timeout: 600_000,
        polling: 50,
      });
      const mark = await page.evaluate((): ReadyMark => {
        const entry = performance.getEntriesByName('rewind:image-ready')[0] as PerformanceMark;
        const detail = entry.detail as { seq: number; fromSeq: number };
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        const [opening, booting] = ['rewind:log-opening', 'rewind:image-booting'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN);
        return {
          ms: entry.startTime,
          openingMs: opening!,
          bootingMs: booting!,
          domContentLoadedMs: navigation.domContentLoadedEventEnd,
          seq: detail.seq,
          fromSeq: detail.fromSeq,
        };
      });
      ms.push(mark.ms);
      domContentLoadedMs.push(mark.domContentLoadedMs);
      openingMs.push(mark.openingMs);
      bootingMs.push(mark.bootingMs);
      replayed = mark.seq - mark.fromSeq;
      if (i === runs - 1) heapMb = await heapAfterGc(page);
    } finally {
      await page.close();
    }
  }
  return { ms, domContentLoadedMs, openingMs, bootingMs, replayed, heapMb };
}

export interface BootBundle {
  kb: number;
  files: { path: string; bytes: number; gzipBytes: number }[];
}

/**
 * The JS a first visit loads before the app's first render (its root element
 * gets content), gzipped at level 9 from the built files.
 */
export async function measureBootBundle(browser: Browser, baseURL: string, siteDir: string, say: (line: string) => void): Promise<BootBundle> {
  const context = await newProfile(browser);
  try {
    const page = await context.newPage();
    watch(page, say);
    const scripts = new Set<string>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.add(new URL(response.url()).pathname);
    });
    await page.goto(baseURL);
    await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);
    const files = [...scripts].map((path) => {
      const bytes = readFileSync(join(siteDir, decodeURIComponent(path)));
      return { path, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    });
    return { kb: files.reduce((n, f) => n + f.gzipBytes, 0) / 1024, files };
  } finally {
    await context.close();
  }
}
