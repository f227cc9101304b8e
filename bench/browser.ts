import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../test/e2e/support/browser.ts';
import { findChromium } from '../test/e2e/support/chromium.ts';
import type { CpuProfile } from './lib/cpuProfile.ts';
import type { BenchApi } from './page/protocol.ts';

const MB = 1024 * 1024;

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_FLAGS });
}

/** The machine and browser a run measures on. */
export function machine(browser: Browser) {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${platform()} ${release()}`,
    chromium: browser.version(),
    node: process.version,
    /** Other work on the machine skews every figure: the 1-minute load average when the run started. */
    loadAverageAtStart: Math.round(loadavg()[0]! * 100) / 100,
  };
}

/**
 * A fresh profile. Service workers are blocked: the bench page lives beside the
 * app on one origin (one IndexedDB), and the app's worker would answer its
 * navigations with the app's index.html.
 */
export function newProfile(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
}

/** Reports uncaught errors and console errors of a page, so a broken phase says why. */
export function watch(page: Page, say: (line: string) => void): void {
  page.on('pageerror', (error) => say(`  page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') say(`  console error: ${message.text().slice(0, 300)}`);
  });
}

/** Opens `url` in a new tab (after `prepare`), runs `fn` on it, and closes the tab (and its connections). */
export async function onPage<T>(
  context: BrowserContext,
  url: string,
  say: (line: string) => void,
  fn: (page: Page) => Promise<T>,
  prepare?: (page: Page) => Promise<unknown>,
): Promise<T> {
  const page = await context.newPage();
  watch(page, say);
  try {
    await prepare?.(page);
    await page.goto(url);
    return await fn(page);
  } finally {
    await page.close();
  }
}

/** Opens the bench page in a new tab, runs `fn` with its API once it is there, and closes the tab. */
export function onBenchPage<T>(context: BrowserContext, baseURL: string, say: (line: string) => void, fn: (page: Page) => Promise<T>): Promise<T> {
  return onPage(context, new URL('bench/', baseURL).href, say, async (page) => {
    await page.waitForFunction(() => (window as { rewindBench?: BenchApi }).rewindBench !== undefined);
    return fn(page);
  });
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** The page's JS heap after a full garbage collection, in MB. */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await heapUsed(cdp)) / MB;
  } finally {
    await cdp.detach();
  }
}

/**
 * Runs `fn` while sampling the page's JS heap through the DevTools protocol
 * every `everyMs` (the inspector answers between tasks and on interrupts, so
 * samples keep coming while the page computes). The heap is collected first,
 * so the peak is what `fn` itself adds, garbage not yet collected included.
 */
export async function peakHeapDuring<T>(page: Page, fn: () => Promise<T>, everyMs = 50): Promise<{ value: T; peakMb: number; samples: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  let peak = await heapUsed(cdp);
  let samples = 1;
  let running = true;
  const sampler = (async () => {
    while (running) {
      try {
        peak = Math.max(peak, await heapUsed(cdp));
        samples += 1;
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  try {
    const value = await fn();
    return { value, peakMb: peak / MB, samples };
  } finally {
    running = false;
    await sampler;
    await cdp.detach().catch(() => undefined);
  }
}

/** Runs `fn` under V8's sampling CPU profiler (adds overhead: never on a measuring run). */
export async function cpuProfileDuring<T>(page: Page, fn: () => Promise<T>): Promise<{ value: T; profile: CpuProfile }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    const value = await fn();
    const { profile } = await cdp.send('Profiler.stop');
    return { value, profile: profile as CpuProfile };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
