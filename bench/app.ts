import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { applyPhoneProfile, PHONE } from './ui/phone.ts';
import { heapAfterGc, newProfile, watch } from './browser.ts';
import type { ReloadRun } from './lib/metrics.ts';
import { launchProfile } from './profiles.ts';

interface ReadyMark {
  ms: number;
  wholeMs: number;
  /** When the app started opening the log, and when the memory image started reading snapshots. */
  openingMs: number;
  bootingMs: number;
  domContentLoadedMs: number;
  seq: number;
  fromSeq: number;
}

/**
 * Loads the production app against the profile's log, `runs` times, each from
 * navigation start to the memory image's 'rewind:first-screen' mark (what the
 * first screen shows is in) and to its 'rewind:image-ready' mark (every read
 * model in); then the JS heap of the last load, garbage collected, with the image ready.
 */
export async function measureReload(
  context: BrowserContext,
  baseURL: string,
  runs: number,
  say: (line: string) => void,
  /** Runs on each new tab before it navigates (a phone profile). */
  prepare?: (page: Page) => Promise<unknown>,
): Promise<ReloadRun> {
  const ms: number[] = [];
  const wholeMs: number[] = [];
  const domContentLoadedMs: number[] = [];
  const openingMs: number[] = [];
  const bootingMs: number[] = [];
  let replayed = 0;
  let heapMb = 0;
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    watch(page, say);
    try {
      await prepare?.(page);
      await page.goto(baseURL);
      await page.waitForFunction(() => performance.getEntriesByName('rewind:image-ready').length > 0, undefined, {
        timeout: 600_000,
        polling: 50,
      });
      const mark = await page.evaluate((): ReadyMark => {
        const whole = performance.getEntriesByName('rewind:image-ready')[0] as PerformanceMark;
        const entry = performance.getEntriesByName('rewind:first-screen')[0] as PerformanceMark;
        const detail = whole.detail as { seq: number; fromSeq: number };
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        const [opening, booting] = ['rewind:log-opening', 'rewind:image-booting'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN);
        return {
          ms: entry.startTime,
          wholeMs: whole.startTime,
          openingMs: opening!,
          bootingMs: booting!,
          domContentLoadedMs: navigation.domContentLoadedEventEnd,
          seq: detail.seq,
          fromSeq: detail.fromSeq,
        };
      });
      ms.push(mark.ms);
      wholeMs.push(mark.wholeMs);
      domContentLoadedMs.push(mark.domContentLoadedMs);
      openingMs.push(mark.openingMs);
      bootingMs.push(mark.bootingMs);
      replayed = mark.seq - mark.fromSeq;
      if (i === runs - 1) heapMb = await heapAfterGc(page);
    } finally {
      await page.close();
    }
  }
  return { ms, wholeMs, domContentLoadedMs, openingMs, bootingMs, replayed, heapMb };
}

/**
 * The same build reloaded with an empty log, in a profile of its own on disk:
 * what a reload costs before the log adds anything, the yardstick of a
 * reload at any size. The first load, which creates the database, is not timed.
 */
export async function measureEmptyReload(baseURL: string, runs: number, say: (line: string) => void): Promise<ReloadRun> {
  const dir = mkdtempSync(join(tmpdir(), 'rewind-bench-empty-'));
  const context = await launchProfile(dir);
  try {
    await measureReload(context, baseURL, 1, say);
    return await measureReload(context, baseURL, runs, say);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface BootBundle {
  /** The largest of the loads: what a first visit may have to fetch before it shows anything. */
  kb: number;
  files: { path: string; bytes: number; gzipBytes: number }[];
  /** Each fresh profile's figure, in order. */
  kbByLoad: number[];
}

/** Fresh profiles the boot bundle is measured in: a chunk that races the first render counts if it wins once. */
const BOOT_LOADS = 3;

/**
 * The JS a first visit requests before the app's first render is in the DOM
 * (the 'rewind:first-render' mark), gzipped at level 9 from the built files:
 * the entry, what it imports, and every chunk whose request started before
 * that mark, by the page's own resource timing. Measured in fresh profiles,
 * the largest counted.
 */
export async function measureBootBundle(browser: Browser, baseURL: string, siteDir: string, say: (line: string) => void): Promise<BootBundle> {
  const loads: Omit<BootBundle, 'kbByLoad'>[] = [];
  for (let i = 0; i < BOOT_LOADS; i++) loads.push(await bootLoad(browser, baseURL, siteDir, say));
  const largest = loads.reduce((a, b) => (b.kb > a.kb ? b : a));
  return { ...largest, kbByLoad: loads.map((l) => l.kb) };
}

async function bootLoad(browser: Browser, baseURL: string, siteDir: string, say: (line: string) => void): Promise<Omit<BootBundle, 'kbByLoad'>> {
  const context = await newProfile(browser);
  try {
    const page = await context.newPage();
    watch(page, say);
    await page.goto(baseURL);
    // main.tsx marks the moment its first render is in the DOM, before it requests anything more.
    await page.waitForFunction(() => performance.getEntriesByName('rewind:first-render').length > 0);
    const paths = await page.evaluate(() => {
      if (!document.getElementById('root')?.firstChild) throw new Error('The first render left the root element empty.');
      const at = performance.getEntriesByName('rewind:first-render')[0]!.startTime;
      return performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime <= at)
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.endsWith('.js'));
    });
    const files = [...new Set(paths)].map((path) => {
      const bytes = readFileSync(join(siteDir, decodeURIComponent(path)));
      return { path, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    });
    return { kb: files.reduce((n, f) => n + f.gzipBytes, 0) / 1024, files };
  } finally {
    await context.close();
  }
}

/**
 * A phone-size picture of the boot screen while the app loads the log: a new
 * tab under the phone profile, its frames recorded as Chromium draws them
 * (DevTools' screencast, each frame with its time), and the last frame drawn
 * before the first screen's read models were in kept. Returns false when no frame came
 * before it.
 */
export async function bootScreenshot(context: BrowserContext, baseURL: string, path: string, say: (line: string) => void): Promise<boolean> {
  const page = await context.newPage();
  watch(page, say);
  const cdp = await context.newCDPSession(page);
  try {
    await applyPhoneProfile(page);
    const frames: { png: string; atMs: number }[] = [];
    cdp.on('Page.screencastFrame', (frame) => {
      frames.push({ png: frame.data, atMs: (frame.metadata.timestamp ?? 0) * 1000 });
      void cdp.send('Page.screencastFrameAck', { sessionId: frame.sessionId }).catch(() => undefined);
    });
    await cdp.send('Page.startScreencast', { format: 'png', maxWidth: PHONE.width, maxHeight: PHONE.height });
    await page.goto(baseURL);
    await page.waitForFunction(() => performance.getEntriesByName('rewind:first-screen').length > 0, undefined, { timeout: 600_000, polling: 50 });
    const [readyAtMs, firstRenderAtMs] = await page.evaluate(() =>
      ['rewind:first-screen', 'rewind:first-render'].map((name) => performance.timeOrigin + performance.getEntriesByName(name)[0]!.startTime),
    );
    await cdp.send('Page.stopScreencast');
    const booting = frames.filter((f) => f.atMs > firstRenderAtMs! && f.atMs < readyAtMs!);
    if (booting.length === 0) return false;
    writeFileSync(path, Buffer.from(booting[booting.length - 1]!.png, 'base64'));
    return true;
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}
