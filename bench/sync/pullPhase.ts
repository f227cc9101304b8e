import type { Page } from 'playwright-core';
import { pairingLink } from '../../src/app/sync/pairingLink.ts';
import { cpuProfileDuring } from '../browser.ts';
import { selfTimes, type ProfileLine } from '../lib/cpuProfile.ts';
import { openDevice } from './devicePage.ts';

export interface PullRound {
  /** The join call to the image holding every event with the status 'synced'. */
  ms: number;
  events: number;
  /** When the join call resolved (the space checked and the settings saved; the pull runs after). */
  joinedMs: number;
  /** Time and image seq at each change of the seq the page saw (sampled every few ms): the pages as they land. */
  progress: [ms: number, seq: number][];
  /** With --profile: where the page's main thread spent the pull. */
  cpu?: ProfileLine[];
}

export interface PullTarget {
  baseURL: string;
  server: string;
  spaceId: string;
  secret: string;
  events: number;
}

interface PageOutcome {
  ms: number;
  joinedMs: number;
  progress: [number, number][];
  error?: string;
  seq: number;
  phase: string;
}

/**
 * A new device joining the space: a fresh profile opens the production app,
 * and from the join call (the hook the Sync panel's join drives) until its
 * memory image holds every event and sync says 'synced'.
 */
export async function pullRound(target: PullTarget, workRoot: string, say: (line: string) => void, profile: boolean): Promise<PullRound> {
  const device = await openDevice(target.baseURL, workRoot, say);
  try {
    const link = pairingLink(target.baseURL, { server: target.server, spaceId: target.spaceId, secret: target.secret });
    const run = () => joinAndWait(device.page, link, target.events);
    const { value, cpu } = profile ? await profiled(device.page, run) : { value: await run(), cpu: undefined };
    if (value.error) throw new Error(`The join failed: ${value.error}`);
    if (value.seq < target.events || value.phase !== 'synced')
      throw new Error(`The pull stopped at ${value.seq} of ${target.events} events, sync ${value.phase}.`);
    return { ms: value.ms, events: target.events, joinedMs: value.joinedMs, progress: value.progress, ...(cpu && { cpu }) };
  } finally {
    await device.close();
  }
}

async function profiled(page: Page, run: () => Promise<PageOutcome>): Promise<{ value: PageOutcome; cpu: ProfileLine[] }> {
  const { value, profile } = await cpuProfileDuring(page, run);
  return { value, cpu: selfTimes(profile, 25) };
}

/**
 * Joins in the page and watches the image and the status there, every few ms
 * of the page's own clock: polling from Node through the DevTools protocol
 * took CPU from the pull it timed, on a machine whose two cores the pull
 * keeps busy. A device that joins with an empty log takes the whole space in
 * one switch and opens its ledger again on it (a new test hook), so the wait
 * spans that reopening.
 */
async function joinAndWait(page: Page, link: string, events: number): Promise<PageOutcome> {
  return page.evaluate(
    async ([l, total]) => {
      const t0 = performance.now();
      const error = await window.__rewindTest!.sync.joinSpace(l, 'Benchmark');
      const joinedMs = performance.now() - t0;
      const progress: [number, number][] = [];
      let seq = 0;
      let phase = '';
      if (error) return { ms: Number.NaN, joinedMs, progress, error, seq, phase };
      // Five minutes at most: a stalled pull reports where it stopped.
      while (performance.now() - t0 < 300_000) {
        const hook = window.__rewindTest;
        seq = hook ? hook.state().seq : 0;
        phase = hook ? hook.sync.status().phase : 'loading';
        if (progress.length === 0 || progress[progress.length - 1]![1] !== seq) progress.push([performance.now() - t0, seq]);
        if ((seq >= total && phase === 'synced') || phase === 'attention') break;
        await new Promise((resolve) => setTimeout(resolve, 4));
      }
      return { ms: performance.now() - t0, joinedMs, progress, seq, phase };
    },
    [link, events] as const,
  );
}
