import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const HOW_TO_INSTALL =
  'Install one with `apt-get install chromium` (Debian/Ubuntu; .ci/run does this), or set CHROMIUM_PATH to a Chromium or Chrome executable.';

/** Chromium builds that Playwright downloaded before, newest revision first. */
function playwrightCacheBrowsers(): string[] {
  const cache = join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(cache)) return [];
  return readdirSync(cache)
    .filter((dir) => /^chromium-\d+$/.test(dir))
    .sort((a, b) => Number(b.slice('chromium-'.length)) - Number(a.slice('chromium-'.length)))
    .flatMap((dir) => ['chrome-linux', 'chrome-linux64'].map((sub) => join(cache, dir, sub, 'chrome')));
}

/** The Chromium to test with: CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's cache. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is ${fromEnv}, but no file is there. ${HOW_TO_INSTALL}`);
  }
  const found = ['/usr/bin/chromium', ...playwrightCacheBrowsers()].find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    `No Chromium found for the browser tests (looked at CHROMIUM_PATH, /usr/bin/chromium and ~/.cache/ms-playwright). ${HOW_TO_INSTALL}`,
  );
}
