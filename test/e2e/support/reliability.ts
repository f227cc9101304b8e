import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { accountsProjection, getAccount, listMessages, type OutboxState } from '../../../src/domain/index.ts';
import { EVENTS_PER_PAGE, type CheckpointRecord, type SnapshotRecord, type StoredEvent, type StreamInfo } from '../../../src/eventstore/index.ts';
import type { PageRecord } from '../../../src/eventstore/pages/pageCodec.ts';
import type { TailRecord } from '../../../src/eventstore/pages/tailCodec.ts';
import type { TestDispatchResult } from '../../../src/app/testHook.ts';
import { openApp, type OpenedPage } from './browser.ts';

/**
 * Helpers for the reliability tests (tabs, faults, crashes). They drive the app
 * through `window.__rewindTest` (src/store/testHook.ts), which exists only when
 * the page's address has `?e2e`, and read IndexedDB directly to check the log.
 */

/** Opens the app with the test hook in a new tab of `context` and waits for its memory image. */
export async function openHookedTab(context: BrowserContext, hash = '#/accounts', baseURL?: string): Promise<OpenedPage> {
  const opened = await openApp(context, `?e2e${hash}`, baseURL);
  await waitForImage(opened.page);
  return opened;
}

export async function waitForImage(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__rewindTest?.state().status === 'ready');
}

export function dispatch(page: Page, command: unknown): Promise<TestDispatchResult> {
  return page.evaluate((c) => window.__rewindTest!.dispatch(c), command);
}

/** Runs commands one after the other in the page, as one person would, and answers each one's outcome. */
export function dispatchAll(page: Page, commands: unknown[]): Promise<TestDispatchResult[]> {
  return page.evaluate(async (list) => {
    const results = [];
    for (const command of list) results.push(await window.__rewindTest!.dispatch(command));
    return results;
  }, commands);
}

export function imageOf(page: Page) {
  return page.evaluate(() => window.__rewindTest!.state());
}

export interface RawLog {
  live: string;
  events: StoredEvent[];
  streams: StreamInfo[];
  checkpoints: CheckpointRecord[];
  snapshots: SnapshotRecord[];
}

/** The database that holds `log` now (an import or a restore moves a log to a new one), found with plain IndexedDB from `page`. */
export function liveDatabase(page: Page, log = 'rewind'): Promise<string> {
  return page.evaluate(async (name) => {
    const ask = <T,>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    if (!(await indexedDB.databases()).some((d) => d.name === 'rewind-registry')) return name;
    const registry = await ask(indexedDB.open('rewind-registry'));
    let live = name;
    if (registry.objectStoreNames.contains('logs')) {
      const record = (await ask(registry.transaction('logs').objectStore('logs').get(name))) as { live?: string } | undefined;
      live = record?.live ?? name;
    }
    registry.close();
    return live;
  }, log);
}

/** Empties one table of the live log database (snapshots, say), with plain IndexedDB from `page`. */
export async function clearTable(page: Page, table: 'snapshots' | 'checkpoints', log = 'rewind'): Promise<void> {
  const live = await liveDatabase(page, log);
  await page.evaluate(
    ({ live, table }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(live);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const tx = request.result.transaction(table, 'readwrite');
          tx.objectStore(table).clear();
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { live, table },
  );
}

/**
 * Everything the live log database holds, read in one transaction with plain IndexedDB from `page` (any page of
 * the origin). The events are the sealed pages' lines followed by the tail's commits: the log in seq order.
 */
export async function readLog(page: Page, log = 'rewind'): Promise<RawLog> {
  const live = await liveDatabase(page, log);
  const tables = await page.evaluate(async (name) => {
    const ask = <T,>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const db = await ask(indexedDB.open(name));
    const names = ['pages', 'tail', 'streamBuckets', 'streamRuns', 'checkpoints', 'snapshots'];
    // A database the app has not created yet has no tables; the log is then empty.
    const tx = names.every((table) => db.objectStoreNames.contains(table)) ? db.transaction(names) : undefined;
    const [pages, tail, buckets, runs, checkpoints, snapshots] = await Promise.all(names.map((table) => (tx ? ask(tx.objectStore(table).getAll()) : [])));
    db.close();
    // Where each stream stands by the stream index alone: buckets, then the runs of pages sealed since, then the tail.
    const streamsByName = new Map<string, { stream: string; version: number; lastSeq: number }>();
    for (const bucket of buckets as { streams: Map<string, { stream: string; version: number; lastSeq: number }> }[])
      for (const { stream, version, lastSeq } of bucket.streams.values()) streamsByName.set(stream, { stream, version, lastSeq });
    for (const run of runs as { first: number; streams: string[]; versions: number[] }[])
      run.streams.forEach((stream, i) => streamsByName.set(stream, { stream, version: run.versions[i]!, lastSeq: run.first + i }));
    for (const record of tail as TailRecord[])
      for (const { meta } of record.events) streamsByName.set(meta.stream, { stream: meta.stream, version: meta.version, lastSeq: meta.seq });
    const streams = [...streamsByName.values()].sort((a, b) => a.stream.localeCompare(b.stream));
    // A page holds its lines as UTF-8 bytes, or as text when written before bytes.
    const decoder = new TextDecoder();
    const pageTexts = (pages as PageRecord[]).map((p) => (p.bytes === undefined ? p.text : decoder.decode(p.bytes)));
    return { pageTexts, tail, streams, checkpoints, snapshots } as {
      pageTexts: string[];
      tail: TailRecord[];
      streams: StreamInfo[];
      checkpoints: CheckpointRecord[];
      snapshots: SnapshotRecord[];
    };
  }, live);
  const { pageTexts, tail, ...rest } = tables;
  const paged = pageTexts.flatMap((text) => text.split('\n').slice(0, -1).map((line) => JSON.parse(line) as StoredEvent));
  return { live, events: [...paged, ...tail.flatMap((r) => r.events)], ...rest };
}

/**
 * Damages the live log behind the app's back, as a failing disk might: the event at `seq` becomes `value` (a line
 * of its sealed page, or an event of its tail record), or is removed when `value` is undefined (from the tail only:
 * a page's lines are found by position). Every snapshot goes too, so a replay cannot skip past the damage. Answers
 * where the event was.
 */
export async function damageEvent(page: Page, seq: number, value?: unknown, log = 'rewind'): Promise<'page' | 'tail'> {
  const live = await liveDatabase(page, log);
  return page.evaluate(
    async ({ live, seq, value, pageSize }) => {
      const ask = <T,>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const db = await ask(indexedDB.open(live));
      const tx = db.transaction(['pages', 'tail', 'snapshots'], 'readwrite');
      const done = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error ?? new Error(`Event ${seq} was not damaged: it is not in the tail, and it is in no page or a page cannot lose it`));
      });
      const sealed = (await ask(tx.objectStore('pages').get(Math.floor((seq - 1) / pageSize) * pageSize + 1))) as PageRecord | undefined;
      const commits = (await ask(tx.objectStore('tail').getAll(IDBKeyRange.upperBound(seq)))) as TailRecord[];
      const commit = commits.find((r) => r.last >= seq);
      let where: 'page' | 'tail' | undefined;
      if (sealed && value !== undefined) {
        const lines = (sealed.bytes === undefined ? sealed.text : new TextDecoder().decode(sealed.bytes)).split('\n');
        lines[seq - sealed.first] = JSON.stringify(value);
        const text = lines.join('\n');
        // Without its checksum, as a page written before checksums: the damage is then named by its own line.
        const { sum: _, ...unsummed } = sealed;
        tx.objectStore('pages').put(sealed.bytes === undefined ? { ...unsummed, text } : { ...unsummed, bytes: new TextEncoder().encode(text) });
        where = 'page';
      } else if (commit) {
        const events = value === undefined ? commit.events.filter((e) => e.meta.seq !== seq) : commit.events.map((e) => (e.meta.seq === seq ? value : e));
        tx.objectStore('tail').put({ ...commit, events });
        where = 'tail';
      }
      if (where) tx.objectStore('snapshots').clear();
      else tx.abort();
      await done.finally(() => db.close());
      return where!;
    },
    { live, seq, value, pageSize: EVENTS_PER_PAGE },
  );
}

/** The log once it stops moving: every process manager has handled every event (their own reactions included). */
export async function settledLog(page: Page, timeout = 20_000): Promise<RawLog> {
  let log!: RawLog;
  await expect
    .poll(
      async () => {
        log = await readLog(page);
        const last = log.events.length;
        return log.checkpoints.filter((c) => c.name.startsWith('pm:') && c.seq === last).length;
      },
      { timeout },
    )
    .toBe(2);
  return log;
}

/**
 * What is wrong with a log, if anything: seqs not 1..N, repeated ids, stream
 * versions not 1..k in seq order, a stream index that disagrees with the
 * events, or half a command (an account opened without its e-mail reservation,
 * a transfer sent but not received).
 */
export function logProblems({ events, streams }: Pick<RawLog, 'events' | 'streams'>): string[] {
  const problems: string[] = [];
  events.forEach((e, i) => {
    if (e.meta.seq !== i + 1) problems.push(`position ${i + 1} holds seq ${e.meta.seq}`);
  });
  const ids = new Set(events.map((e) => e.meta.id));
  if (ids.size !== events.length) problems.push(`${events.length - ids.size} repeated ids`);
  const byStream = new Map<string, StoredEvent[]>();
  for (const e of events) byStream.set(e.meta.stream, [...(byStream.get(e.meta.stream) ?? []), e]);
  for (const [stream, list] of byStream) {
    list.forEach((e, i) => {
      if (e.meta.version !== i + 1) problems.push(`${stream}: version ${e.meta.version} at position ${i + 1}`);
    });
    const row = streams.find((s) => s.stream === stream);
    const last = list[list.length - 1]!;
    if (row?.version !== last.meta.version || row.lastSeq !== last.meta.seq)
      problems.push(`${stream}: the stream index says ${JSON.stringify(row)}, events end at v${last.meta.version} seq ${last.meta.seq}`);
  }
  if (streams.length !== byStream.size) problems.push(`the stream index has ${streams.length} streams, the events ${byStream.size}`);
  const payload = (e: StoredEvent) => e.payload as Record<string, string>;
  const count = (type: string, key: string) => {
    const counts = new Map<string, number>();
    for (const e of events) if (e.type === type) counts.set(payload(e)[key]!, (counts.get(payload(e)[key]!) ?? 0) + 1);
    return counts;
  };
  const pairs: [string, string, string][] = [
    ['AccountOpened', 'EmailReserved', 'accountNumber'],
    ['TransferSent', 'TransferReceived', 'transferId'],
  ];
  for (const [first, second, key] of pairs) {
    const a = count(first, key);
    const b = count(second, key);
    for (const k of new Set([...a.keys(), ...b.keys()]))
      if (a.get(k) !== 1 || b.get(k) !== 1) problems.push(`${key} ${k}: ${a.get(k) ?? 0} ${first}, ${b.get(k) ?? 0} ${second}`);
  }
  return problems;
}

/** Every moment an account's balance went below zero, replaying the log in order. */
export function negativeBalances(events: StoredEvent[]): string[] {
  let state = accountsProjection.initial;
  const found: string[] = [];
  for (const event of events) {
    state = accountsProjection.apply(state, event);
    const number = (event.payload as { accountNumber?: string } | null)?.accountNumber;
    const balance = number === undefined ? 0 : (getAccount(state, number)?.balance ?? 0);
    if (balance < 0) found.push(`account ${number} at ${balance} after seq ${event.meta.seq}`);
  }
  return found;
}

/** The verification code the mailer queued for an account, from a tab's memory image. */
export async function verificationCode(page: Page, account: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(async () => {
      const outbox = (await imageOf(page)).states.outbox as unknown as OutboxState;
      code = listMessages(outbox).find((m) => m.kind === 'verification' && m.accountNumber === account)?.code;
      return code;
    })
    .toBeDefined();
  return code!;
}

/** Opens `owners.length` accounts with a deposit and verifies each, so they can withdraw and transfer. */
export async function openVerifiedAccounts(page: Page, owners: string[], deposit = 1_000_00): Promise<string[]> {
  const numbers: string[] = [];
  for (const [i, owner] of owners.entries()) {
    const opened = await dispatch(page, { type: 'OpenAccount', owner, email: `owner${i}@example.org`, initialDeposit: deposit });
    if (!opened.ok) throw new Error(opened.message);
    numbers.push(opened.events[0]!.stream.slice('account-'.length));
  }
  for (const account of numbers) {
    const verified = await dispatch(page, { type: 'VerifyAccount', account, code: await verificationCode(page, account) });
    if (!verified.ok) throw new Error(verified.message);
  }
  return numbers;
}

/** A small seeded random source (mulberry32), so a failing run can be repeated exactly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Commands on shared accounts: deposits, withdrawals and transfers, some of which the rules will refuse. */
export function commandMix(accounts: string[], count: number, seed: number): unknown[] {
  const random = seeded(seed);
  const pick = () => accounts[Math.floor(random() * accounts.length)]!;
  const amount = (max: number) => 1 + Math.floor(random() * max);
  return Array.from({ length: count }, () => {
    const roll = random();
    if (roll < 0.35) return { type: 'AddFunds', account: pick(), amount: amount(30_000) };
    if (roll < 0.65) return { type: 'Withdraw', account: pick(), amount: amount(60_000) };
    const from = pick();
    const to = accounts.filter((a) => a !== from)[Math.floor(random() * (accounts.length - 1))]!;
    return { type: 'Transfer', from, to, amount: amount(60_000) };
  });
}
