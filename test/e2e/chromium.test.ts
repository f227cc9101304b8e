import { expect, test } from 'vitest';
import { findChromium } from './support/chromium.ts';

test('CHROMIUM_PATH wins when it points at a file', () => {
  expect(findChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
});

test('a CHROMIUM_PATH that points nowhere fails and says how to get a browser', () => {
  expect(() => findChromium({ CHROMIUM_PATH: '/nowhere/chrome' })).toThrow(
    /CHROMIUM_PATH is \/nowhere\/chrome, but no file is there\. Install one with `apt-get install chromium`/,
  );
});
