import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { checkPrecache } from '../../scripts/check-precache.ts';
import { projectRoot } from './support/preview.ts';

const baseURL = inject('baseURL');

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

/** Width and height from a PNG's IHDR chunk; throws for anything that is not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function fetchOk(path: string): Promise<Response> {
  const response = await fetch(new URL(path, baseURL));
  expect(response.status, path).toBe(200);
  return response;
}

async function fetchPng(path: string) {
  const response = await fetchOk(path);
  expect(response.headers.get('content-type'), path).toBe('image/png');
  return pngSize(Buffer.from(await response.arrayBuffer()));
}

const attribute = (html: string, selector: RegExp) => html.match(selector)?.[1];

test('the web app manifest has what Android and iOS need to install Rewind', async () => {
  const html = await (await fetchOk('/')).text();
  const manifestHref = attribute(html, /<link rel="manifest" href="([^"]+)"/);
  expect(manifestHref).toBeDefined();
  const manifest = (await (await fetchOk(manifestHref!)).json()) as Record<string, unknown> & { icons: ManifestIcon[] };

  expect(manifest).toMatchObject({ name: 'Rewind', short_name: 'Rewind', start_url: '/', display: 'standalone' });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  // The browser's bar takes the header's colour in each theme; the manifest (used before the page loads) the light one.
  expect(attribute(html, /<meta name="theme-color" content="([^"]+)" media="\(prefers-color-scheme: light\)"/)).toBe(manifest.theme_color);
  expect(attribute(html, /<meta name="theme-color" content="([^"]+)" media="\(prefers-color-scheme: dark\)"/)).toMatch(/^#[0-9a-f]{6}$/i);

  const purposes = (icon: ManifestIcon) => (icon.purpose ?? 'any').split(' ');
  expect(manifest.icons.some((i) => i.sizes === '192x192' && purposes(i).includes('any'))).toBe(true);
  expect(manifest.icons.some((i) => i.sizes === '512x512' && purposes(i).includes('any'))).toBe(true);
  expect(manifest.icons.some((i) => purposes(i).includes('maskable'))).toBe(true);
  for (const icon of manifest.icons) {
    const [width, height] = icon.sizes.split('x').map(Number);
    expect(icon.type).toBe('image/png');
    expect(await fetchPng(icon.src), icon.src).toEqual({ width, height });
  }

  const appleTouchIcon = attribute(html, /<link rel="apple-touch-icon" href="([^"]+)"/);
  expect(appleTouchIcon).toBeDefined();
  expect(await fetchPng(appleTouchIcon!)).toEqual({ width: 180, height: 180 });
});

test('the service worker precaches every file of the build, each within the size limit', () => {
  expect(checkPrecache(join(projectRoot, 'dist'))).toEqual([]);
});
