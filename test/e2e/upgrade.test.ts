import { expect, inject, test } from 'vitest';
import { accountStream, emailStream } from '../../src/domain/index.ts';
import type { StoredEvent } from '../../src/eventstore/index.ts';
import { newContext, openApp, useChromium, waitForApp } from './support/browser.ts';
import { accountRow } from './support/screens.ts';

const browser = useChromium();

/** A person's log as the first version of the app stored it: one account, opened and funded. */
/** Plain records, as the page receives them. */
type RawLog = { events: object[]; streams: object[] };

function firstVersionLog(): RawLog {
  const accountNumber = '4000123412341234';
  const account = accountStream(accountNumber);
  const email = emailStream('early@example.org');
  const at = (minute: number) => `2026-01-05T09:0${minute}:00.000Z`;
  const events: StoredEvent[] = [
    { type: 'AccountOpened', payload: { accountNumber, owner: 'Early Edna', email: 'early@example.org' }, meta: { id: 'v1-1', seq: 1, stream: account, version: 1, at: at(1) } },
    { type: 'EmailReserved', payload: { email: 'early@example.org', accountNumber }, meta: { id: 'v1-2', seq: 2, stream: email, version: 1, at: at(1) } },
    { type: 'FundsAdded', payload: { accountNumber, amount: 12_345 }, meta: { id: 'v1-3', seq: 3, stream: account, version: 2, at: at(2) } },
  ];
  return {
    events,
    streams: [
      { stream: account, version: 2, lastSeq: 3 },
      { stream: email, version: 1, lastSeq: 2 },
    ],
  };
}

test('a log stored by the first version of the app opens after the upgrades, whole, and takes new commands', async () => {
  const context = await newContext(browser(), { locale: 'en-US', timezoneId: 'UTC' });
  // A page of the app's origin that runs none of its code: the old database is made there, raw, as version 1 of
  // the schema left it (Dexie's version 1 is IndexedDB version 10).
  const blank = await context.newPage();
  await blank.goto(new URL('manifest.webmanifest', inject('baseURL')).href);
  await blank.evaluate(async (log: RawLog) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('rewind', 10);
      request.onupgradeneeded = () => {
        const created = request.result;
        const events = created.createObjectStore('events', { keyPath: 'meta.seq' });
        events.createIndex('meta.id', 'meta.id', { unique: true });
        events.createIndex('[meta.stream+meta.version]', ['meta.stream', 'meta.version']);
        events.createIndex('meta.at', 'meta.at');
        events.createIndex('type', 'type');
        created.createObjectStore('streams', { keyPath: 'stream' });
        created.createObjectStore('snapshots', { keyPath: ['name', 'version', 'seq'] });
        created.createObjectStore('checkpoints', { keyPath: 'name' });
        created.createObjectStore('documents', { keyPath: 'id' }).createIndex('kind', 'kind');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['events', 'streams'], 'readwrite');
    for (const event of log.events) tx.objectStore('events').put(event);
    for (const stream of log.streams) tx.objectStore('streams').put(stream);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, firstVersionLog());
  await blank.close();

  const { page, problems } = await openApp(context);
  await waitForApp(page);
  const row = accountRow(page, 'Early Edna');
  await expect.poll(() => row.textContent()).toContain('123.45');

  // The database is at the current schema, with the stream index built from the old rows.
  const stores = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('rewind');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const names = [...db.objectStoreNames];
    const version = db.version;
    db.close();
    return { names, version };
  });
  expect(stores.version).toBe(30);
  expect(stores.names).toEqual(expect.arrayContaining(['pages', 'tail', 'streamRuns', 'streamBuckets']));
  expect(stores.names).not.toContain('events');

  // A command on the upgraded log: the account's stream continues at version 3.
  await row.getByRole('link').first().click();
  const form = page.locator('form', { hasText: 'Add funds' });
  await form.getByLabel('Amount').fill('1.00');
  await form.getByRole('button', { name: 'Add funds' }).click();
  await expect.poll(() => page.getByText('124.45').count()).toBeGreaterThan(0);
  expect(problems).toEqual([]);
  await context.close();
});
