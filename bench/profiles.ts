import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../test/e2e/support/browser.ts';
import { findChromium } from '../test/e2e/support/chromium.ts';
import { projectRoot } from '../test/e2e/support/preview.ts';
import type { SeedResult } from './page/protocol.ts';

/**
 * Every source the seeded bytes depend on: the storage layout and how the log
 * is opened, the generator and what it imports, the process managers' names
 * (their checkpoints are seeded), and the seeding code. A change to any of them
 * seeds anew; other changes (projections, the command path) keep the copy.
 */
const SEED_SOURCES = [
  // The whole storage layer: the layout is written by ScratchLog and several modules under it.
  'src/eventstore',
  'src/domain/sample/synthetic.ts',
  // What the generator stamps (meta.schema) and the categories it picks.
  'src/domain/schema',
  'src/domain/accounts/categories.ts',
  'src/domain/sample/notes.ts',
  'src/domain/accounts/messages.ts',
  'src/domain/accounts/money.ts',
  'src/domain/accounts/streams.ts',
  'src/domain/ids.ts',
  'src/domain/random.ts',
  'src/domain/processManagers/verificationMailer.ts',
  'src/domain/processManagers/withdrawalNotifier.ts',
  'bench/page/seed.ts',
  'bench/page/schemaOneLog.ts',
  'bench/page/idb.ts',
  'bench/page/log.ts',
  'bench/page/rowsDb.ts',
];

/** The files under a source entry (a file, or every file of a folder). */
function filesOf(entry: string): string[] {
  const full = join(projectRoot, entry);
  if (!existsSync(full) || !statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .map((f) => join(entry, f))
    .filter((f) => statSync(join(projectRoot, f)).isFile());
}

/** Caches and code caches would make later loads of a copied profile faster than a real reload. */
const NOT_COPIED = new Set(['Cache', 'Code Cache', 'GPUCache', 'DawnGraphiteCache', 'DawnWebGPUCache', 'GrShaderCache', 'ShaderCache']);

export interface SeedIdentity {
  events: number;
  accounts: number;
  seed: number;
  busiestShare: number;
  baselineCap: number;
  /** IndexedDB belongs to an origin, port included. */
  origin: string;
  chromium: string;
}

/** A fingerprint of what a seeded profile holds: same identity and same sources give the same bytes. */
export function seedKey(identity: SeedIdentity): string {
  const hash = createHash('sha256').update(JSON.stringify(identity));
  for (const file of SEED_SOURCES.flatMap(filesOf).sort()) {
    const full = join(projectRoot, file);
    hash.update(file);
    hash.update(existsSync(full) ? readFileSync(full) : 'missing');
  }
  return hash.digest('hex').slice(0, 16);
}

export function launchProfile(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_FLAGS,
    // The bench page lives beside the app on one origin; the app's worker would answer its navigations.
    serviceWorkers: 'block',
    viewport: { width: 1280, height: 800 },
  });
}

/**
 * Seeded browser profiles, kept between runs. Writing a million events one
 * record per event takes minutes in Chromium; the profile it leaves is the same
 * every time for the same sources, so it is copied instead of seeded again.
 * Only the seeded log is kept: snapshots and everything measured come after.
 */
export class ProfileCache {
  constructor(private readonly root: string) {}

  private template(label: string, key: string): string {
    return join(this.root, `seeded-${label}-${key}`);
  }

  lookup(label: string, key: string): SeedResult | undefined {
    const marker = join(this.template(label, key), 'seed.json');
    return existsSync(marker) ? (JSON.parse(readFileSync(marker, 'utf8')) as SeedResult) : undefined;
  }

  restore(label: string, key: string, workDir: string): void {
    rmSync(workDir, { recursive: true, force: true });
    cpSync(this.template(label, key), workDir, { recursive: true });
    rmSync(join(workDir, 'seed.json'));
  }

  /** Keeps a copy of a freshly seeded (and closed) profile; older copies of that size go. */
  save(label: string, key: string, workDir: string, seeded: SeedResult): void {
    mkdirSync(this.root, { recursive: true });
    for (const old of readdirSync(this.root).filter((d) => d.startsWith(`seeded-${label}-`)))
      rmSync(join(this.root, old), { recursive: true, force: true });
    const target = this.template(label, key);
    cpSync(workDir, target, {
      recursive: true,
      filter: (src) => !relative(workDir, src).split(sep).some((part) => NOT_COPIED.has(part) || part.startsWith('Singleton')),
    });
    writeFileSync(join(target, 'seed.json'), JSON.stringify(seeded));
  }
}
