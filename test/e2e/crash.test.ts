import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ledgerProjections, syntheticLedger } from '../../src/domain/index.ts';
import type { StoredEvent } from '../../src/eventstore/index.ts';
import { foldAll } from '../../src/replay/index.ts';
import type { TestDispatchResult } from '../../src/app/testHook.ts';
import { useChromium } from './support/browser.ts';
import { historyContext, importThroughUi, writeLogFile } from './support/ledgerFiles.ts';
import {
  commandMix,
  imageOf,
  logProblems,
  negativeBalances,
  openHookedTab,
  openVerifiedAccounts,
  readLog,
  clearTable,
  settledLog,
  waitForImage,
} from './support/reliability.ts';

const browser = useChromium();

/** Kills the tab's renderer process, as the system does to a tab under memory pressure: no unload, nothing more runs. */
async function kill(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  // The command never answers: the process it would answer from is gone.
  void cdp.send('Page.crash').catch(() => undefined);
  await page.waitForEvent('crash');
}

test('killing a tab during a burst of appends: every acknowledged event is in the log where it was acknowledged, nothing half-written, no gap', async () => {
  const context = await historyContext(browser());
  const { page } = await openHookedTab(context);
  const accounts = await openVerifiedAccounts(page, ['Ada', 'Bob', 'Cy']);
  const acknowledged: TestDispatchResult[] = [];
  await page.exposeFunction('rewindAck', (result: TestDispatchResult) => void acknowledged.push(result));
  // Four commands in flight at any time, each acknowledged to the test the moment its dispatch resolves.
  const burst = page.evaluate(async (commands) => {
    const ack = (window as unknown as { rewindAck: (r: unknown) => Promise<void> }).rewindAck;
    await Promise.all(
      [0, 1, 2, 3].map(async (lane) => {
        for (let i = lane; i < commands.length; i += 4) await ack(await window.__rewindTest!.dispatch(commands[i]));
      }),
    );
  }, commandMix(accounts, 600, 3));
  burst.catch(() => undefined);
  await expect.poll(() => acknowledged.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(80);
  await kill(context, page);
  const acks = acknowledged.splice(0).flatMap((r) => (r.ok ? r.events : []));
  expect(acks.length).toBeGreaterThan(0);

  const reopened = await openHookedTab(context);
  const log = await settledLog(reopened.page);
  expect(logProblems(log)).toEqual([]);
  expect(negativeBalances(log.events)).toEqual([]);
  for (const event of acks) expect(log.events[event.seq - 1]?.meta).toMatchObject({ id: event.id, stream: event.stream });
  // The reopened tab's process managers finish what the killed one left, once each.
  expect(log.events.filter((e) => e.type === 'WithdrawalMessageQueued')).toHaveLength(log.events.filter((e) => e.type === 'FundsWithdrawn').length);
  expect((await imageOf(reopened.page)).states).toEqual(foldAll(ledgerProjections, log.events));
  expect(reopened.problems).toEqual([]);
  await context.close();
}, 60_000);

describe('a long import', () => {
  let context: BrowserContext;
  let big: StoredEvent[];
  let file: string;
  /** The tab left open by the first test, holding the imported log. */
  let tab: Page;

  beforeAll(async () => {
    // Large enough that the import (~50k-100k events/s) is still checking the file when the test closes the tab.
    big = [...syntheticLedger({ accounts: 150, events: 60_000, seed: 11 })];
    file = await writeLogFile(big, 'big-ledger.ndjson');
    context = await historyContext(browser());
  });

  afterAll(async () => {
    await context?.close();
  });

  test('closing the tab while it imports leaves the log exactly as it was; the next import goes through', async () => {
    const { page } = await openHookedTab(context, '#/data');
    await openVerifiedAccounts(page, ['Ada', 'Bob']);
    const before = await settledLog(page);

    await page.getByLabel('Log file').setInputFiles(file);
    await page.getByRole('radio', { name: 'Replace the current log' }).check();
    await page.getByRole('button', { name: 'Import log', exact: true }).click();
    // Polled every frame: the import is fast, and the progress line is up for about a second.
    await page.waitForFunction(() => /Checking the file: [1-9][\d,]* of [\d,]+ events/.test(document.body.textContent ?? ''), undefined, {
      polling: 'raf',
    });
    await page.close();

    const { page: reopened, problems } = await openHookedTab(context, '#/data');
    const after = await readLog(reopened);
    expect(after.events).toEqual(before.events);
    expect(after.streams).toEqual(before.streams);
    expect(after.live).toBe(before.live);
    // What the import had written aside is tidied away when the log is next opened.
    await expect
      .poll(() => reopened.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.includes('@'))))
      .toEqual([]);
    expect(problems).toEqual([]);

    await importThroughUi(reopened, file, 'Replace the current log', 30_000);
    const imported = await readLog(reopened);
    expect(imported.events).toEqual(big);
    expect(logProblems(imported)).toEqual([]);
    tab = reopened;
  }, 60_000);

  test('killing the tab while it rebuilds its memory image, or while it writes the snapshots after, leaves the next load right', async () => {
    const log = await readLog(tab);
    const expected = foldAll(ledgerProjections, log.events);
    await clearTable(tab, 'snapshots');

    // While it replays 60,000 events (no snapshot to start from).
    const replaying = await context.newPage();
    await replaying.goto(new URL('?e2e#/accounts', tab.url()).href, { waitUntil: 'commit' });
    const bootText = await replaying.waitForFunction(
      () => {
        const text = document.querySelector('.boot-text')?.textContent ?? '';
        return /Replaying events: [\d,]+ of/.test(text) ? text : document.querySelector('nav[aria-label="Main"]') ? 'booted already' : false;
      },
      undefined,
      { polling: 'raf' },
    );
    await kill(context, replaying);
    console.info(`killed while booting: "${await bootText.jsonValue()}"`);

    // Right after it is ready: the snapshots of that long replay are being written.
    const snapshotting = await openHookedTab(context);
    await kill(context, snapshotting.page);

    const next = await openHookedTab(context);
    expect((await imageOf(next.page)).states).toEqual(expected);
    const after = await readLog(next.page);
    expect(after.events).toEqual(log.events);
    // A snapshot is written whole or not at all: any that is there holds the state at its seq.
    const folds = new Map<number, ReturnType<typeof foldAll>>();
    const foldTo = (seq: number) => folds.get(seq) ?? folds.set(seq, foldAll(ledgerProjections, log.events.slice(0, seq))).get(seq)!;
    for (const snapshot of after.snapshots) expect(snapshot.state).toEqual(foldTo(snapshot.seq)[snapshot.name]);
    expect(next.problems).toEqual([]);
    await waitForImage(next.page);
  }, 60_000);
});
