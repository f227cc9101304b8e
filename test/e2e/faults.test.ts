import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { ledgerProjections } from '../../src/domain/index.ts';
import { readLogFile } from '../../src/files/index.ts';
import { foldAll } from '../../src/replay/index.ts';
import { CHROMIUM_FLAGS, newContext, useChromium, watchProblems } from './support/browser.ts';
import { historyContext } from './support/ledgerFiles.ts';
import { damageEvent, dispatch, imageOf, logProblems, openHookedTab, readLog, waitForImage } from './support/reliability.ts';

const browser = useChromium();

/** What the fault-injecting wrapper around the page's IndexedDB offers the test (installed before the app loads). */
interface PageFaults {
  /** Transactions on the log's database to fail as a lost connection does (Infinity: until set back to 0). */
  lose: number;
  /** How many were failed. */
  lost: number;
  /** Closes every connection the page opened, as the browser does when it drops them. */
  closeAll(): void;
}

/**
 * Wraps the page's IndexedDB: `IDBDatabase.transaction` throws Safari's "Connection to Indexed Database server
 * lost" while `lose` > 0, and every opened connection is remembered so a test can close it from outside.
 */
function wrapIndexedDb() {
  const faults = { lose: 0, lost: 0, closeAll: () => opened.forEach((db) => db.close()) };
  const opened: IDBDatabase[] = [];
  (window as unknown as { __faults: typeof faults }).__faults = faults;
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
    const request = open.apply(this, args);
    request.addEventListener('success', () => opened.push(request.result));
    return request;
  };
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    if (this.name === 'rewind' && faults.lose > 0) {
      faults.lose -= 1;
      faults.lost += 1;
      throw new DOMException('Connection to Indexed Database server lost. Refresh the page to try again', 'UnknownError');
    }
    return transaction.apply(this, args);
  } as IDBDatabase['transaction'];
}

const setFaults = (page: Page, change: Partial<Pick<PageFaults, 'lose'>>) =>
  page.evaluate((c) => Object.assign((window as unknown as { __faults: PageFaults }).__faults, c), change);
const faultsOf = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { __faults: PageFaults }).__faults }));

async function ledgerWithAccount(context: BrowserContext) {
  const { page, problems } = await openHookedTab(context);
  const opened = await dispatch(page, { type: 'OpenAccount', owner: 'Ada Lovelace', email: 'ada@example.org', initialDeposit: 100_00 });
  if (!opened.ok) throw new Error(opened.message);
  const account = opened.events[0]!.stream.slice('account-'.length);
  // The verification mailer's message lands after the command: wait for the log to stop moving.
  await expect.poll(async () => (await readLog(page)).events.length).toBe(4);
  await page.goto(new URL(`#/accounts/${account}`, page.url()).href);
  await page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).waitFor();
  return { page, problems, account };
}

const balance = (page: Page) => page.locator('.account-balance-value').textContent();

/** Submits "Add funds" through the form and waits until the form (a problem) or the toast (a success) says something matching `expected`. */
async function addFunds(page: Page, amount: string, expected: RegExp): Promise<void> {
  const form = page.getByRole('form', { name: 'Add funds' });
  await form.getByLabel('Amount (EUR)').fill(amount);
  await form.getByRole('button', { name: 'Add funds', exact: true }).click();
  const said = () => page.locator('.form-problem, .toast-text').allTextContents().then((texts) => texts.join(' ').trim());
  await expect.poll(said).toMatch(expected);
}

const banner = (page: Page, title: string) => page.getByRole('alert').filter({ hasText: title });

test('a full disk: the command fails with a message to export and clean up, nothing of it is written, and reading goes on', async () => {
  // Chromium enforces an overridden quota only in a profile's own context, and only until the origin's first
  // successful write: so a ledger is made in one session, and the disk is "full" from the start of the next.
  const profile = mkdtempSync(join(tmpdir(), 'rewind-quota-'));
  const launch = async () => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: inject('chromiumPath'),
      args: CHROMIUM_FLAGS,
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    context.setDefaultTimeout(10_000);
    return context;
  };
  const first = await launch();
  const { account, page: firstPage } = await ledgerWithAccount(first);
  const before = await readLog(firstPage);
  await first.close();

  const context = await launch();
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = watchProblems(page);
  const cdp = await context.newCDPSession(page);
  const origin = new URL(inject('baseURL')).origin;
  // A real QuotaExceededError: Chromium is told this origin may store next to nothing.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  await page.goto(new URL(`?e2e#/accounts/${account}`, inject('baseURL')).href);
  await waitForImage(page);
  await page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).waitFor();

  await addFunds(page, '5.00', /no room left for Rewind’s data, so nothing was saved\. Export the log .* free up space/);
  await banner(page, 'Storage is full').getByRole('link', { name: 'Export log' }).waitFor();
  const after = await readLog(page);
  expect(after.events).toEqual(before.events);
  expect(after.streams).toEqual(before.streams);
  // Every screen still reads: they show the memory image.
  expect(await balance(page)).toBe('€100.00');
  await page.goto(new URL('#/reports', page.url()).href);
  await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();

  // Space was freed: the same command goes through, and the banner goes.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.goBack();
  await addFunds(page, '5.00', /Added €5\.00/);
  await expect.poll(() => balance(page)).toBe('€105.00');
  expect(await banner(page, 'Storage is full').count()).toBe(0);
  expect(logProblems(await readLog(page))).toEqual([]);
  expect(problems.filter((p) => p.startsWith('uncaught'))).toEqual([]);
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});

test('a lost connection is reopened and the command retried once; when that fails too it says so, and the screens stay readable', async () => {
  const context = await newContext(browser(), { locale: 'en-US', timezoneId: 'UTC' });
  await context.addInitScript(wrapIndexedDb);
  const { page, problems } = await ledgerWithAccount(context);
  const seqBefore = (await readLog(page)).events.length;

  await setFaults(page, { lose: 1 });
  await addFunds(page, '1.00', /Added €1\.00/);
  expect(await faultsOf(page)).toMatchObject({ lose: 0, lost: 1 });
  expect((await readLog(page)).events).toHaveLength(seqBefore + 1);

  // Lost for good: every transaction fails until the test gives the connection back.
  await setFaults(page, { lose: Number.MAX_SAFE_INTEGER });
  await addFunds(page, '2.00', /This could not be recorded: The browser’s database stopped answering and could not be reopened/);
  await banner(page, 'Rewind lost its connection to the browser’s storage').getByRole('button', { name: 'Reload' }).waitFor();
  expect(await balance(page)).toBe('€101.00');
  await page.goto(new URL('#/accounts', page.url()).href);
  await page.getByText('Ada Lovelace').first().waitFor();
  expect((await imageOf(page)).status).toBe('ready');

  await setFaults(page, { lose: 0 });
  await page.goBack();
  await addFunds(page, '3.00', /Added €3\.00/);
  await expect.poll(() => balance(page)).toBe('€104.00');
  expect(await banner(page, 'Rewind lost its connection').count()).toBe(0);
  const log = await readLog(page);
  expect(log.events).toHaveLength(seqBefore + 2);
  expect(logProblems(log)).toEqual([]);
  // Only the process managers may complain (their reads failed too); nothing went unhandled.
  expect(problems.filter((p) => !p.startsWith('console: Process managers failed'))).toEqual([]);
  await context.close();
});

test('a connection closed from outside is reopened and the command lands once', async () => {
  const context = await newContext(browser(), { locale: 'en-US', timezoneId: 'UTC' });
  await context.addInitScript(wrapIndexedDb);
  const { page, problems } = await ledgerWithAccount(context);
  const seqBefore = (await readLog(page)).events.length;
  await page.evaluate(() => (window as unknown as { __faults: PageFaults }).__faults.closeAll());
  await addFunds(page, '1.00', /Added €1\.00/);
  await expect.poll(() => balance(page)).toBe('€101.00');
  expect((await readLog(page)).events).toHaveLength(seqBefore + 1);
  expect(problems).toEqual([]);
  await context.close();
});

/** Changes snapshots in place, as a failing disk might: every snapshot matching `where` gets `set`. */
function corruptSnapshots(page: Page, where: Record<string, unknown>, set: Record<string, unknown>) {
  return page.evaluate(
    ({ where, set }) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('rewind');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('snapshots', 'readwrite');
          let changed = 0;
          const cursor = tx.objectStore('snapshots').openCursor();
          cursor.onsuccess = () => {
            const at = cursor.result;
            if (!at) return;
            const record = at.value as Record<string, unknown>;
            if (Object.entries(where).every(([key, value]) => record[key] === value)) {
              at.update({ ...record, ...set });
              changed += 1;
            }
            at.continue();
          };
          tx.oncomplete = () => {
            db.close();
            resolve(changed);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { where, set },
  );
}

test('a corrupt snapshot is ignored: the ledger is rebuilt from its events and the bad snapshots are dropped', async () => {
  const context = await newContext(browser(), { locale: 'en-US', timezoneId: 'UTC' });
  const { page, problems } = await ledgerWithAccount(context);
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(async () => (await readLog(page)).snapshots.length).toBe(ledgerProjections.length);
  expect(await corruptSnapshots(page, { name: 'accounts' }, { state: 'garbage' })).toBe(1);

  await page.reload();
  await waitForImage(page);
  await page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).waitFor();
  expect(await balance(page)).toBe('€100.00');
  const log = await readLog(page);
  expect((await imageOf(page)).states).toEqual(foldAll(ledgerProjections, log.events));
  expect(log.snapshots.filter((s) => s.state === 'garbage')).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});

// A small log is all in the write-ahead tail; 500 more deposits (sent at once: they commit in a few group turns) fill a page, which is sealed.
test.each([
  { where: 'tail', deposits: 3, seq: 6 },
  { where: 'page', deposits: 500, seq: 250 },
] as const)('a corrupt event ($where) stops the boot naming its seq, and every event before it can be exported as a sound file', async ({ where, deposits, seq }) => {
  const context = await historyContext(browser());
  const { page, account } = await ledgerWithAccount(context);
  const commands = Array.from({ length: deposits }, (_, i) => ({ type: 'AddFunds', account, amount: 1_00 + i }));
  const results = await page.evaluate((list) => Promise.all(list.map((c) => window.__rewindTest!.dispatch(c))), commands);
  expect(results.filter((r) => !r.ok)).toEqual([]);
  await expect.poll(async () => (await readLog(page)).events.length).toBe(4 + deposits);
  // The event loses its type and its meta but its seq, and no snapshot lets the replay skip past it.
  expect(await damageEvent(page, seq, { type: 42, payload: '<garbage>', meta: { seq } })).toBe(where);
  await page.reload();
  const failure = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: `Event ${seq} of the log is damaged` }) });
  await failure.waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    failure.getByRole('button', { name: `Export events 1 to ${seq - 1}` }).click(),
  ]);
  const summary = await readLogFile(new Uint8Array(readFileSync(await download.path())));
  expect(summary).toMatchObject({ eventCount: seq - 1, firstSeq: 1, lastSeq: seq - 1 });
  await failure.getByText(`Saved ${seq - 1} events (1 to ${seq - 1})`).waitFor();
  await context.close();
});
