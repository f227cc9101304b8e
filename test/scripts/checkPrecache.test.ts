import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkPrecache, precachedUrls } from '../../scripts/check-precache.ts';

/** A minified generateSW output precaching `urls`. */
const minifiedSw = (urls: string[]) =>
  `define(["./workbox-1a2b3c"],function(e){"use strict";e.clientsClaim(),e.precacheAndRoute([${urls
    .map((url) => `{url:"${url}",revision:null}`)
    .join(',')}],{}),e.registerRoute(new e.NavigationRoute(e.createHandlerBoundToURL("index.html")))});`;

function dist(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rewind-precache-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const app = {
  'index.html': '<!doctype html>',
  'assets/index-abc.js': 'console.log(1)',
  'assets/index-abc.js.map': '{}',
  'assets/index-def.css': 'body{}',
  'manifest.webmanifest': '{}',
  'workbox-1a2b3c.js': '',
};
const everything = ['index.html', 'assets/index-abc.js', 'assets/index-def.css', 'manifest.webmanifest'];

describe('precachedUrls', () => {
  test('reads minified and readable generateSW output alike', () => {
    expect(precachedUrls(minifiedSw(['a.js', 'index.html']))).toEqual(['a.js', 'index.html']);
    const readable = `workbox.precacheAndRoute([\n  {\n    "url": "assets/x-[hash].js",\n    "revision": null\n  }\n], {});`;
    expect(precachedUrls(readable)).toEqual(['assets/x-[hash].js']);
  });

  test('says what is wrong with a worker that precaches nothing', () => {
    expect(() => precachedUrls('self.addEventListener("fetch", () => {})')).toThrow(/no precacheAndRoute/);
  });
});

describe('checkPrecache', () => {
  test('passes when every shipped file is precached; source maps and the worker itself are exempt', () => {
    expect(checkPrecache(dist({ ...app, 'sw.js': minifiedSw(everything) }))).toEqual([]);
  });

  test('names a chunk missing from the precache', () => {
    const dir = dist({ ...app, 'assets/lazy-123.js': 'x', 'sw.js': minifiedSw(everything) });
    expect(checkPrecache(dir)).toEqual([
      "assets/lazy-123.js is not in the service worker's precache, so it would not load offline.",
    ]);
  });

  test('names a file over the size limit', () => {
    const dir = dist({ ...app, 'assets/huge-1.js': 'x'.repeat(101), 'sw.js': minifiedSw(everything) });
    expect(checkPrecache(dir, 100)).toEqual([
      'assets/huge-1.js is 101 bytes, over the precache limit of 100 bytes: split it (dynamic import) or raise scripts/precache-budget.json.',
    ]);
  });

  test('names a precached URL that the build does not contain', () => {
    const dir = dist({ ...app, 'sw.js': minifiedSw([...everything, 'assets/gone.js']) });
    expect(checkPrecache(dir)).toEqual([
      'sw.js precaches assets/gone.js, which is not in the build: the service worker would fail to install.',
    ]);
  });

  test('says so when the build has no service worker', () => {
    const dir = dist(app);
    expect(checkPrecache(dir)).toEqual([`${join(dir, 'sw.js')} is missing: the build produced no service worker.`]);
  });
});
