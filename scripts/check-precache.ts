// Fails the build when the service worker would not take the whole app offline: every file the build
// shipped (chunks, index.html, icons, manifest) must be in sw.js's precache manifest and within Workbox's
// size limit, and every precached URL must exist (one missing file makes the whole install fail).
// Usage: tsx scripts/check-precache.ts [distDir]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import budget from './precache-budget.json' with { type: 'json' };

/** Files the service worker loads itself, or that only debuggers fetch: never precached. */
const isServiceWorkerOrMap = (file: string) =>
  file === 'sw.js' || /^workbox-[\w-]+\.js$/.test(file) || file.endsWith('.map');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => name.split(sep).join('/'));
}

/** The URLs of `precacheAndRoute([...])` in a generateSW output, minified or not. */
export function precachedUrls(swSource: string): string[] {
  const call = swSource.indexOf('precacheAndRoute(');
  if (call === -1) throw new Error('sw.js has no precacheAndRoute(...) call: was it built by generateSW?');
  const start = swSource.indexOf('[', call);
  let depth = 0;
  let quote: string | null = null;
  let end = start;
  for (; end < swSource.length; end++) {
    const ch = swSource[end];
    if (quote) {
      if (ch === '\\') end++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) break;
  }
  const list = swSource.slice(start, end + 1);
  return [...list.matchAll(/["']?url["']?\s*:\s*["']([^"']+)["']/g)].map((m) => m[1] ?? '');
}

/** Every problem found in a built dist/ folder, as sentences; empty when the precache is complete. */
export function checkPrecache(distDir: string, maxBytes = budget.maximumFileSizeToCacheInBytes): string[] {
  let swSource: string;
  try {
    swSource = readFileSync(join(distDir, 'sw.js'), 'utf8');
  } catch {
    return [`${join(distDir, 'sw.js')} is missing: the build produced no service worker.`];
  }
  const precached = new Set(precachedUrls(swSource).map((url) => url.replace(/^\//, '')));
  const shipped = listFiles(distDir).filter((file) => !isServiceWorkerOrMap(file));
  const problems: string[] = [];
  for (const file of shipped) {
    const size = statSync(join(distDir, file)).size;
    if (size > maxBytes) {
      problems.push(
        `${file} is ${size} bytes, over the precache limit of ${maxBytes} bytes: split it (dynamic import) or raise scripts/precache-budget.json.`,
      );
    } else if (!precached.has(file)) {
      problems.push(`${file} is not in the service worker's precache, so it would not load offline.`);
    }
  }
  const shippedSet = new Set(shipped);
  for (const url of precached) {
    if (!shippedSet.has(url)) {
      problems.push(`sw.js precaches ${url}, which is not in the build: the service worker would fail to install.`);
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const distDir = resolve(process.argv[2] ?? 'dist');
  const shown = relative(process.cwd(), distDir) || '.';
  const problems = checkPrecache(distDir);
  if (problems.length > 0) {
    console.error(`Precache check failed for ${shown}:\n  - ${problems.join('\n  - ')}`);
    process.exit(1);
  }
  console.log(`Precache check: every file in ${shown} is precached and within ${budget.maximumFileSizeToCacheInBytes} bytes.`);
}
