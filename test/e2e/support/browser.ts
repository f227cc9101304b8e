import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { projectRoot } from './preview.ts';

/** The flags that run Chromium here (container, no GPU, no background traffic). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;

export const screenshotDir = join(projectRoot, 'test-results', 'screenshots');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromiumPath'), headless: true, args: CHROMIUM_FLAGS });
}

/**
 * One Chromium per test worker, shared by the files it runs one after another
 * (they share modules: `isolate: false`), and launched again if a test brought
 * it down; Playwright closes it when the worker exits.
 */
let shared: Promise<Browser> | undefined;

async function sharedChromium(): Promise<Browser> {
  const browser = await (shared ??= launchChromium());
  if (browser.isConnected()) return browser;
  shared = launchChromium();
  return shared;
}

/** The worker's Chromium for the test file; the contexts the file leaves open are closed after it. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await sharedChromium();
  });
  afterAll(async () => {
    if (browser?.isConnected()) await Promise.all(browser.contexts().map((context) => context.close()));
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running: call useChromium() at the top of the test file.');
    return browser;
  };
}

/** Playwright waits this long for a step, so a stuck step fails with its own message before the test times out. */
const STEP_TIMEOUT_MS = 10_000;

/** A context is a fresh profile: no storage, no service worker, no cache from other tests. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, ...options });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  return context;
}

/** Collects uncaught errors and console errors (CSP violations among them) so a test can demand none. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return problems;
}

/** Counts the page's main-frame navigations (the first load and every reload). */
export function countNavigations(page: Page): () => number {
  let count = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) count++;
  });
  return () => count;
}

export interface OpenedPage {
  page: Page;
  problems: string[];
}

/** Opens `path` of the app (served at `baseURL`, by default the dist/ preview) in a new tab. */
export async function openApp(context: BrowserContext, path = '', baseURL = inject('baseURL')): Promise<OpenedPage> {
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(new URL(path, baseURL).href);
  return { page, problems };
}

/**
 * Resolves once the app has booted (the memory image is rebuilt) and shows its screens: the main navigation
 * appears only then. The one place to change when the app's first screen changes.
 */
export async function waitForApp(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** Resolves once a service worker controls the page, i.e. the whole app is precached. */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Saves test-results/screenshots/NAME-phone.png and NAME-desktop.png, then restores the viewport. */
export async function saveScreenshots(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const original = page.viewportSize();
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(screenshotDir, `${name}-${size}.png`), fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}
