import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { watch } from '../browser.ts';
import { launchProfile } from '../profiles.ts';

/** Whether a page call failed because the page navigated under it (a join ends with a reload). */
export const navigatedAway = (error: unknown): boolean =>
  /Execution context was destroyed|navigat|frame was detached|Cannot find context/i.test(String(error));

/**
 * Joins the space `link` names through the test hook, answering the join's
 * problem if it has one. A device with an empty log takes the space in one
 * switch and reloads, which can come before the join's own answer.
 */
export async function joinSpace(page: Page, link: string, name: string): Promise<string | undefined> {
  try {
    return await page.evaluate(([l, n]) => window.__rewindTest!.sync.joinSpace(l, n), [link, name] as const);
  } catch (thrown) {
    if (!navigatedAway(thrown)) throw thrown;
    return undefined;
  }
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

