import type { HtmlTagDescriptor, Plugin, PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import budget from './precache-budget.json' with { type: 'json' };

// The header's background in each theme (--color-surface in src/ui/shell/app.css), so the browser's bar joins it.
const THEME_COLOR = '#ffffff';
const THEME_COLOR_DARK = '#171e25';
const BACKGROUND_COLOR = '#ffffff';

/**
 * The built app's Content-Security-Policy. Only same-origin scripts, workers and styles: an imported
 * log is data, and nothing in it can run even if some text were ever rendered as HTML. A meta tag so that it
 * holds on any static host; frame-ancestors needs a response header and is left to the host.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' lets the file digest compile its SHA-256 WebAssembly (hash-wasm); it allows no JS eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // Sync talks to the server the person names (any address: a laptop on the LAN, a host on the web).
  "connect-src 'self' https: http:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Head tags for installing on home screens; the manifest link itself is added by vite-plugin-pwa. */
function headTags(): Plugin {
  const tags: HtmlTagDescriptor[] = [
    { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOR, media: '(prefers-color-scheme: light)' } },
    { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOR_DARK, media: '(prefers-color-scheme: dark)' } },
    { tag: 'link', attrs: { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' } },
    { tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/apple-touch-icon.png', sizes: '180x180' } },
    { tag: 'meta', attrs: { name: 'mobile-web-app-capable', content: 'yes' } },
    { tag: 'meta', attrs: { name: 'apple-mobile-web-app-title', content: 'Rewind' } },
  ];
  return { name: 'rewind:pwa-head', transformIndexHtml: () => tags.map((t) => ({ ...t, injectTo: 'head' })) };
}

/** The dev server injects inline scripts (React refresh), so the policy applies to builds only. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'rewind:csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * The service worker precaches the whole app shell so Rewind opens with no network. A new version waits
 * until the user accepts it (src/pwa/registerServiceWorker.ts registers and prompts; nothing here reloads).
 */
export function pwaPlugins(): PluginOption[] {
  return [
    contentSecurityPolicy(),
    headTags(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png', 'robots.txt'],
      manifest: {
        id: '/',
        name: 'Rewind',
        short_name: 'Rewind',
        description: 'An event-sourced ledger that runs entirely in your browser, offline.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Icons, the manifest and includeAssets are added by the plugin itself.
        globPatterns: ['**/*.{js,css,html}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // Claiming only matters on the very first install; updates still wait for the user's "Reload".
        clientsClaim: true,
        skipWaiting: false,
        maximumFileSizeToCacheInBytes: budget.maximumFileSizeToCacheInBytes,
      },
    }),
  ];
}
