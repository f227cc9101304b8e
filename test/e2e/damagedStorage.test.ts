import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { readLogFile } from '../../src/files/index.ts';
import { useChromium } from './support/browser.ts';
import { historyContext } from './support/ledgerFiles.ts';
import { dispatch, liveDatabase, openHookedTab, readLog } from './support/reliability.ts';

const browser = useChromium();

type TailDamage = 'events not a list' | 'a null event';

/**
 * Damages the tail record holding `seq` with plain IndexedDB, from a page of
 * the origin that is not the app (the app is closed meanwhile), and drops the
 * snapshots so the replay has to read through it. Answers the record's seqs.
 */
async function damageTailRecord(page: Page, seq: number, damage: TailDamage): Promise<[number, number]> {
  const live = await liveDatabase(page);
  return page.evaluate(
    async ({ live, seq, damage }) => {
      const ask = <T,>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const db = await ask(indexedDB.open(live));
      const tx = db.transaction(['tail', 'snapshots'], 'readwrite');
      const records = (await ask(tx.objectStore('tail').getAll(IDBKeyRange.upperBound(seq)))) as { first: number; last: number; events: unknown }[];
      const record = records.find((r) => r.last >= seq)!;
      if (damage === 'events not a list') record.events = { broken: true };
      else (record.events as unknown[])[seq - record.first] = null;
      tx.objectStore('tail').put(record);
      tx.objectStore('snapshots').clear();
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error);
      });
      db.close();
      return [record.first, record.last] as [number, number];
    },
    { live, seq, damage },
  );
}

// The account's opening is one commit (seqs 1-3) and its verification message another (4); each deposit is one more.
test.each([
  { damage: 'events not a list', seq: 6, record: [6, 6] },
  { damage: 'a null event', seq: 2, record: [1, 3] },
] as const)('a tail record damaged while the app was closed ($damage) stops the boot naming event $seq, and the events before it export as a sound file', async ({ damage, seq, record }) => {
  const context = await historyContext(browser());
  const { page } = await openHookedTab(context);
  const opened = await dispatch(page, { type: 'OpenAccount', owner: 'Ada Lovelace', email: 'ada@example.org', initialDeposit: 100_00 });
  if (!opened.ok) throw new Error(opened.message);
  const account = opened.events[0]!.stream.slice('account-'.length);
  await expect.poll(async () => (await readLog(page)).events.length).toBe(4);
  for (const amount of [1_00, 2_00, 3_00]) expect((await dispatch(page, { type: 'AddFunds', account, amount })).ok).toBe(true);
  const appURL = page.url();

  // The app is closed: the tab shows another document of the origin while the record is damaged.
  await page.goto(new URL('/favicon.svg', appURL).href);
  expect(await damageTailRecord(page, seq, damage)).toEqual(record);
  await page.goto(appURL);

  const failure = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: `Event ${seq} of the log is damaged` }) });
  await failure.waitFor();
  expect(await failure.textContent()).toContain(`Details: Event ${seq} is damaged in the log and cannot be read (`);
  const [download] = await Promise.all([page.waitForEvent('download'), failure.getByRole('button', { name: `Export events 1 to ${seq - 1}` }).click()]);
  const summary = await readLogFile(new Uint8Array(readFileSync(await download.path())));
  expect(summary).toMatchObject({ eventCount: seq - 1, firstSeq: 1, lastSeq: seq - 1 });
  const saved = seq - 1 === 1 ? '1 event' : `${seq - 1} events`;
  await failure.getByText(`Saved ${saved} (1 to ${seq - 1})`).waitFor();
  await context.close();
});
