import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import { findChromium } from './support/chromium.ts';

test('CHROMIUM_PATH wins when it points at a file', () => {
  expect(findChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
});

test('a CHROMIUM_PATH that points nowhere fails and says how to get a browser', () => {
  expect(() => findChromium({ CHROMIUM_PATH: '/nowhere/chrome' })).toThrow(
    /CHROMIUM_PATH is \/nowhere\/chrome, but no file is there\. Install one with `apt-get install chromium-headless-shell chromium`/,
  );
});

test('with no CHROMIUM_PATH, the browser tests take the headless shell and the bench the whole browser, each falling back to the other', () => {
  const shell = findChromium({}, 'headless-shell');
  const browser = findChromium({}, 'browser');
  const installed = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].filter((path) => existsSync(path));
  expect(shell).toBe(installed[0]);
  expect(browser).toBe(installed.at(-1));
});
