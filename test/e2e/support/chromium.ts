import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const HOW_TO_INSTALL =
  'Install one with `apt-get install chromium-headless-shell chromium` (Debian/Ubuntu; .ci/run does this), or set CHROMIUM_PATH to a Chromium or Chrome executable.';

/** Chromium builds that Playwright downloaded before, newest revision first. */
function playwrightCacheBrowsers(): string[] {
  const cache = join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(cache)) return [];
  return readdirSync(cache)
    .filter((dir) => /^chromium-\d+$/.test(dir))
    .sort((a, b) => Number(b.slice('chromium-'.length)) - Number(a.slice('chromium-'.length)))
    .flatMap((dir) => ['chrome-linux', 'chrome-linux64'].map((sub) => join(cache, dir, sub, 'chrome')));
}

/**
 * Which build of Debian's Chromium to run. The browser tests take the headless
 * shell (the same engine without the browser's own windows and pages, which
 * are most of the CPU a test spends on a 2-core machine); the bench takes the
 * whole browser, as a person runs it. Either falls back to the other.
 */
export type ChromiumBuild = 'headless-shell' | 'browser';

const DEBIAN: Record<ChromiumBuild, string> = {
  'headless-shell': '/usr/bin/chromium-headless-shell',
  browser: '/usr/bin/chromium',
};

/** The Chromium to run: CHROMIUM_PATH, else Debian's build of choice, else its other build, else Playwright's cache. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, build: ChromiumBuild = 'browser'): string {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is ${fromEnv}, but no file is there. ${HOW_TO_INSTALL}`);
  }
  const debian = build === 'browser' ? [DEBIAN.browser, DEBIAN['headless-shell']] : [DEBIAN['headless-shell'], DEBIAN.browser];
  const found = [...debian, ...playwrightCacheBrowsers()].find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    `No Chromium found (looked at CHROMIUM_PATH, ${debian.join(', ')} and ~/.cache/ms-playwright). ${HOW_TO_INSTALL}`,
  );
}
