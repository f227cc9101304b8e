import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { watch } from '../browser.ts';
import { launchProfile } from '../profiles.ts';

/**
 * Joins the space `link` names through the test hook, answering the join's
 * problem if it has one. The bench's devices join empty: each takes the
 * space's log in one switch and opens its ledger again on it, in the page.
 */
export async function joinSpace(page: Page, link: string, name: string): Promise<string | undefined> {
  return page.evaluate(([l, n]) => window.__rewindTest!.sync.joinSpace(l, n), [link, name] as const);
}

/** A device for the sync phases: a fresh browser profile on disk with the production app open at `?e2e`, its image ready. */
export interface Device {
  page: Page;
  close(): Promise<void>;
}

export async function openDevice(baseURL: string, workRoot: string, say: (line: string) => void): Promise<Device> {
  const dir = mkdtempSync(join(workRoot, 'device-'));
  let context: BrowserContext | undefined;
  try {
    context = await launchProfile(dir);
    const page = await context.newPage();
    watch(page, say);
    await page.goto(new URL('?e2e', baseURL).href);
    await page.waitForFunction(() => window.__rewindTest?.state().status === 'ready', undefined, { timeout: 60_000 });
    const opened = context;
    return {
      page,
      async close() {
        await opened.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

