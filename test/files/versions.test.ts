import { createHash } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { asLedgerStates, openLedger, type Ledger } from '../../src/app/index.ts';
import { DomainError, getAccount } from '../../src/domain/index.ts';
import type { EventStore, StoredEvent } from '../../src/eventstore/index.ts';
import { exportLog, importLog, readLogFile, type LogFileError } from '../../src/files/index.ts';
import { buildFile, bytes } from './fileBuilder.ts';
import { fixture } from './fixtures.ts';
import { blobBytes, logState, openStore } from './helpers.ts';

// Files written by other versions of Rewind: 0.1.0 (every event at schema 1) and a hand-made "9.0.0".
const HOUSEHOLD = 'schema-1/household.ndjson';
const SMALL = 'schema-1/small.ndjson';
const V9 = 'newer-version/small-from-v9.ndjson';
const ALICE = '9498773259663331';
const BOB = '1605399799509329';

const text = (data: Uint8Array) => new TextDecoder().decode(data);
/** The event lines of a file, without the header (whose exportedAt and appVersion differ per export). */
const eventLines = (data: Uint8Array) => text(data).split('\n').slice(1, -1);
const body = (data: Uint8Array) => data.subarray(data.indexOf(0x0a) + 1);
const sha256 = (data: Uint8Array) => createHash('sha256').update(body(data)).digest('hex');
const eventsOf = (name: string) => eventLines(fixture(name)).map((line) => JSON.parse(line) as StoredEvent);

let ledger: Ledger | undefined;
afterEach(async () => {
  await ledger?.close();
  ledger = undefined;
});

async function logOf(name: string): Promise<EventStore> {
  await importLog(await openStore(), fixture(name), { mode: 'empty' });
  return openStore();
}

describe('the reader', () => {
  test('names the three events a newer version recorded, and reads the schema-1 files without any', async () => {
    const summary = await readLogFile(fixture(V9));
    expect(summary).toMatchObject({ eventCount: 19, rulesChecked: true, warnings: [] });
    expect(summary.newer).toEqual({
      count: 3,
      newerSchemas: 1,
      kinds: [
        { type: 'AccountFrozen', name: 'AccountFrozen', count: 1 },
        { type: 'FundsAdded', name: 'FundsAdded schema 3', schema: 3, count: 1 },
        { type: 'BudgetSet', name: 'BudgetSet', count: 1 },
      ],
      firstLine: 17,
    });
    for (const name of [HOUSEHOLD, SMALL]) {
      const old = await readLogFile(fixture(name));
      expect(old).toMatchObject({ rulesChecked: true, warnings: [] });
      expect(old.newer).toEqual({ count: 0, newerSchemas: 0, kinds: [] });
    }
  });
});

describe('files from other versions', () => {
  test.each([HOUSEHOLD, SMALL, V9])('%s: a replacing import then an export gives back every event line byte for byte', async (name) => {
    const store = await openStore();
    await store.append('account-1', [{ type: 'Noted', payload: { note: 'replaced' } }]);
    const result = await importLog(store, fixture(name), { mode: 'replace' });
    expect(result).toMatchObject({ imported: eventsOf(name).length, replaced: true });
    const exported = await blobBytes((await exportLog(await openStore())).blob);
    expect(eventLines(exported)).toEqual(eventLines(fixture(name)));
    expect(sha256(exported)).toBe(sha256(fixture(name)));
    expect(JSON.parse(text(exported).split('\n')[0]!)).toMatchObject({ sha256: sha256(fixture(name)) });
  });

  test('merging the schema-1 file into a log that holds it changes nothing', async () => {
    const store = await logOf(SMALL);
    const before = await logState(store);
    const result = await importLog(store, fixture(SMALL), { mode: 'merge' });
    expect(result).toMatchObject({ imported: 0, skipped: 15 });
    expect(result.summary.newer.count).toBe(0);
    expect(await logState(store)).toEqual(before);
  });

  test('merging the newer version’s file into a log holding the schema-1 file appends exactly its four new events, as they are', async () => {
    const store = await logOf(SMALL);
    const before = await store.readAll();
    const result = await importLog(store, fixture(V9), { mode: 'merge' });
    expect(result).toMatchObject({ imported: 4, skipped: 15, lastSeq: 19, replaced: false });
    expect(result.summary.newer.count).toBe(3);
    const after = await store.readAll();
    expect(after.slice(0, 15)).toEqual(before);
    expect(after.slice(15)).toEqual(eventsOf(V9).slice(15));
    expect(eventLines(await blobBytes((await exportLog(store)).blob))).toEqual(eventLines(fixture(V9)));
  });
});

describe('a log holding a newer version’s events, in the app', () => {
  test('shows what it can read, counts what it cannot, and refuses commands on the accounts those touched', async () => {
    ledger = await openLedger({ name: 'v9', runProcessManagers: false });
    await ledger.image.ready;
    const result = await ledger.files.importLog(fixture(V9), { mode: 'empty' });
    expect(result.summary.newer.count).toBe(3);
    await ledger.close();

    ledger = await openLedger({ name: 'v9', runProcessManagers: false });
    await ledger.image.ready;
    const states = asLedgerStates(ledger.image.getState().states);
    // The schema-3 deposit of 25.00 to Bob is not read; the schema-2 withdrawal of 10.00 after it is.
    expect(getAccount(states.accounts, ALICE)).toMatchObject({ balance: 50_00, newerEvents: 1 });
    expect(getAccount(states.accounts, BOB)).toMatchObject({ balance: 80_00, newerEvents: 1 });
    expect(states.totals.newerEvents).toBe(3);

    const lastSeq = await ledger.eventStore.lastSeq();
    for (const account of [ALICE, BOB]) {
      const refusal = await ledger.dispatch({ type: 'AddFunds', account, amount: 5_00 }).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(DomainError);
      expect(refusal).toMatchObject({ code: 'NEEDS_NEWER_VERSION' });
    }
    expect(await ledger.eventStore.lastSeq()).toBe(lastSeq);
    expect(getAccount(asLedgerStates(ledger.image.getState().states).accounts, ALICE)?.balance).toBe(50_00);
  });
});

describe('a hostile file built from a valid one is still refused, naming the line', () => {
  async function refusal(events: StoredEvent[]): Promise<LogFileError> {
    const file = bytes(buildFile(events, { appVersion: '9.0.0' }));
    const store = await openStore();
    await store.append('account-1', [{ type: 'Noted', payload: null }]);
    const before = await logState(store);
    const error = (await importLog(store, file, { mode: 'replace' }).catch((e: unknown) => e)) as LogFileError;
    expect(await logState(store)).toEqual(before);
    await expect(readLogFile(file)).rejects.toMatchObject({ code: error.code, line: error.line });
    return error;
  }

  test('a known type at schema 0', async () => {
    const events = eventsOf(SMALL);
    events[2] = { ...events[2]!, meta: { ...events[2]!.meta, schema: 0 } };
    const error = await refusal(events);
    expect(error).toMatchObject({ code: 'INVALID_EVENT', line: 4 });
    expect(error.message).toMatch(/^Line 4: .*schema/);
  });

  test('a schema-2 deposit without a proper category', async () => {
    const events = eventsOf(SMALL);
    const deposit = events[14]!;
    events[14] = { ...deposit, payload: { ...(deposit.payload as object), category: '' }, meta: { ...deposit.meta, schema: 2 } };
    const error = await refusal(events);
    expect(error).toMatchObject({ code: 'RULE_BROKEN', line: 16 });
    expect(error.message).toMatch(/^Line 16: event 15 \(FundsAdded on account 1605399799509329\) breaks a rule of the ledger: .*categor/i);
  });

  test('a schema-1 deposit the rules refuse once lifted is refused as before', async () => {
    const events = eventsOf(SMALL);
    const deposit = events[14]!;
    events[14] = { ...deposit, payload: { ...(deposit.payload as object), amount: -1000 } };
    expect(await refusal(events)).toMatchObject({ code: 'RULE_BROKEN', line: 16 });
  });
});
