import type { Page } from 'playwright-core';
import { seededRandom } from '../../src/domain/index.ts';
import { pairingLink } from '../../src/app/sync/pairingLink.ts';
import { joinSpace, openDevice, type Device } from './devicePage.ts';
import type { PullTarget } from './pullPhase.ts';

export interface LiveSample {
  type: string;
  /** Device A's dispatch resolving to device B's memory image holding the event. */
  ms: number;
}

export interface LiveRun {
  samples: LiveSample[];
  warmup: number;
  /** Commands the app refused (an overdrawn withdrawal, say): not timed. */
  refused: number;
}

export interface LiveOptions {
  commands: number;
  warmup: number;
  seed: number;
  /** Accounts of the seeded space the commands move money on. */
  accounts: readonly string[];
}

/** A mix of deposits and small withdrawals on the seeded accounts, as a person moves money. */
function commandsFor(options: LiveOptions): unknown[] {
  const random = seededRandom(options.seed);
  return Array.from({ length: options.warmup + options.commands }, () => {
    const account = options.accounts[random.int(options.accounts.length)]!;
    return random.int(2) === 0
      ? { type: 'AddFunds', account, amount: 100 + random.int(5000) }
      : { type: 'Withdraw', account, amount: 1 + random.int(100) };
  });
}

/**
 * Two devices in one space, both online (following the server live): each
 * command on A, one at a time, timed from its dispatch resolving on A to B's
 * memory image holding its event. Both times are taken in the pages
 * (`performance.timeOrigin + performance.now()`, one machine, one clock); B
 * watches its image's seq every 2 ms from before the first command.
 */
export async function liveRun(target: PullTarget, options: LiveOptions, workRoot: string, say: (line: string) => void): Promise<LiveRun> {
  const devices: Device[] = [];
  try {
    const link = pairingLink(target.baseURL, { server: target.server, spaceId: target.spaceId, secret: target.secret });
    for (const name of ['A', 'B']) {
      const device = await openDevice(target.baseURL, workRoot, say);
      devices.push(device);
      await join(device.page, link, `Device ${name}`, target.events);
    }
    const [a, b] = devices.map((d) => d.page) as [Page, Page];
    await watchSeq(b);
    const run: LiveRun = { samples: [], warmup: options.warmup, refused: 0 };
    for (const [i, command] of commandsFor(options).entries()) {
      const sent = await a.evaluate(async (c) => {
        const result = await window.__rewindTest!.dispatch(c);
        return { at: performance.timeOrigin + performance.now(), result };
      }, command);
      if (!sent.result.ok) {
        run.refused += 1;
        continue;
      }
      const heldAt = await heldOn(b, sent.result.events[0]!.id);
      if (i >= options.warmup) run.samples.push({ type: (command as { type: string }).type, ms: heldAt - sent.at });
    }
    return run;
  } finally {
    for (const device of devices) await device.close();
  }
}

/** Joins, and waits until the ledger, opened again on the space's log, holds every event and sync says synced. */
async function join(page: Page, link: string, name: string, events: number): Promise<void> {
  const error = await joinSpace(page, link, name);
  if (error) throw new Error(`Device ${name} could not join: ${error}`);
  await page.waitForFunction(
    (events) => {
      const hook = window.__rewindTest;
      return hook !== undefined && hook.state().seq >= events && hook.sync.status().phase === 'synced';
    },
    events,
    { timeout: 300_000, polling: 50 },
  );
}

interface Watched {
  rewindBenchSeen?: [at: number, seq: number][];
}

/** Records in the page when its image's seq changes, from now on. */
async function watchSeq(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as Watched;
    const seen: [number, number][] = [[performance.timeOrigin + performance.now(), window.__rewindTest!.state().seq]];
    w.rewindBenchSeen = seen;
    void (async () => {
      while (w.rewindBenchSeen === seen) {
        const seq = window.__rewindTest!.state().seq;
        if (seq !== seen[seen.length - 1]![1]) seen.push([performance.timeOrigin + performance.now(), seq]);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
  });
}

/** When the page's image first held the event: its seq read from the log once stored, then the watch's first time at or past it. */
function heldOn(page: Page, id: string): Promise<number> {
  return page.evaluate(
    async ({ id }) => {
      const seen = (window as Watched).rewindBenchSeen!;
      let seq: number | undefined;
      let readAt = -1;
      const t0 = performance.now();
      while (performance.now() - t0 < 60_000) {
        const current = seen[seen.length - 1]![1];
        if (seq === undefined && current !== readAt) {
          readAt = current;
          seq = (await window.__rewindTest!.log()).find((e) => e.meta.id === id)?.meta.seq;
        }
        if (seq !== undefined) {
          const at = seen.find(([, s]) => s >= seq!);
          if (at) return at[0];
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      throw new Error(`Event ${id} did not reach the other device within 60 s.`);
    },
    { id },
  );
}
