import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { getAccount, listMessages, type AccountOpened, type Stored } from '../../../src/domain/index.ts';
import { asLedgerStates, openLedger, type Ledger } from '../../../src/app/index.ts';
import { startServer, type RunningServer } from '../../../server/http/startServer.ts';
import { openSqliteStore } from '../../../server/store/openStore.ts';
import type { SyncStore } from '../../../server/store/types.ts';
import { switchableProxy } from './support/switchableProxy.ts';

// Two devices in one process: two ledgers (two IndexedDB databases) syncing through a real server on SQLite.

let dir: string;
let server: RunningServer;
let store: SyncStore;
const open: Ledger[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rewind-sync-'));
  store = await openSqliteStore(join(dir, 'sync.db'));
  server = await startServer({ store });
});

afterEach(async () => {
  for (const ledger of open.splice(0)) await ledger.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function device(name: string): Promise<Ledger> {
  const ledger = await openLedger({ name });
  open.push(ledger);
  await ledger.image.ready;
  return ledger;
}

/** Closes a device and opens it again on the same database, as a reload (or the reload after a rebase) does. */
async function reopen(ledger: Ledger): Promise<Ledger> {
  open.splice(open.indexOf(ledger), 1);
  await ledger.close();
  return device(ledger.eventStore.name);
}

/**
 * Joins the space; a device with an empty log takes the whole ledger into a new log, which
 * replaces the old one as an import does: open it again as the page's reload would.
 */
async function joinAs(ledger: Ledger, link: string, name: string): Promise<Ledger> {
  await ledger.sync.joinSpace(link, name);
  await expect.poll(() => ledger.eventStore.health().state === 'replaced' || ledger.sync.status.getState().phase === 'synced', { timeout: 10_000 }).toBe(true);
  return ledger.eventStore.health().state === 'replaced' ? reopen(ledger) : ledger;
}

const states = (ledger: Ledger) => asLedgerStates(ledger.image.getState().states);
const balance = (ledger: Ledger, account: string) => getAccount(states(ledger).accounts, account)?.balance;
const synced = (ledger: Ledger) => expect.poll(() => ledger.sync.status.getState().phase, { timeout: 10_000 }).toBe('synced');

/** Every stream's events as the device holds them, without the local seq. */
async function streams(ledger: Ledger): Promise<Record<string, unknown[]>> {
  const all = await ledger.eventStore.readAll();
  const byStream: Record<string, unknown[]> = {};
  for (const { type, payload, meta } of all) {
    const { seq: _seq, ...rest } = meta;
    (byStream[meta.stream] ??= []).push({ type, payload, meta: rest });
  }
  for (const list of Object.values(byStream)) list.sort((a, b) => (a as { meta: { version: number } }).meta.version - (b as { meta: { version: number } }).meta.version);
  return byStream;
}

async function openVerified(ledger: Ledger, owner: string, deposit: number): Promise<string> {
  const opened = await ledger.dispatch({ type: 'OpenAccount', owner, email: `${owner.toLowerCase()}@example.org`, initialDeposit: deposit });
  const account = (opened.events[0] as Stored<AccountOpened>).payload.accountNumber;
  await expect.poll(() => listMessages(states(ledger).outbox).filter((m) => m.accountNumber === account).length).toBe(1);
  const code = listMessages(states(ledger).outbox).find((m) => m.accountNumber === account)!.code!;
  await ledger.dispatch({ type: 'VerifyAccount', account, code });
  return account;
}

describe('two devices sharing one ledger', () => {
  test('what one device records reaches the other, the verification message once for the whole ledger', async () => {
    const laptop = await device('laptop');
    const account = await openVerified(laptop, 'Ada', 100_00);
    await laptop.sync.createSpace(server.url, 'Laptop');
    await synced(laptop);

    const phone = await joinAs(await device('phone'), laptop.sync.pairingLink()!, 'Phone');
    await synced(phone);
    // The whole ledger came in one switch; the process managers did not react to another device's events.
    expect(await phone.eventStore.getCheckpoint('pm:verification-mailer')).toBe(await phone.eventStore.lastSeq());
    await expect.poll(() => balance(phone, account)).toBe(100_00);

    await phone.dispatch({ type: 'Withdraw', account, amount: 30_00, category: 'Groceries' });
    await expect.poll(() => balance(laptop, account), { timeout: 10_000 }).toBe(70_00);
    // The phone's withdrawal notice follows its withdrawal to the laptop.
    await expect.poll(() => listMessages(states(laptop).outbox).length, { timeout: 10_000 }).toBe(2);
    await synced(phone);
    await synced(laptop);

    expect(await streams(phone)).toEqual(await streams(laptop));
    // One verification message and one withdrawal notice, recorded by the device that made each trigger.
    expect(listMessages(states(phone).outbox).map((m) => m.kind).sort()).toEqual(['verification', 'withdrawal']);
    expect(listMessages(states(laptop).outbox)).toHaveLength(2);
  });

  test('the same account withdrawn on two devices apart: the one that fits is kept, the other decided again, refused and told', async () => {
    const laptop = await device('laptop');
    const account = await openVerified(laptop, 'Ada', 100_00);
    await laptop.sync.createSpace(server.url, 'Laptop');
    await synced(laptop);
    const network = await switchableProxy(server.url);
    let phone = await joinAs(await device('phone'), laptop.sync.pairingLink()!.replace(encodeURIComponent(server.url), encodeURIComponent(network.url)), 'Phone');
    await synced(phone);
    await expect.poll(() => balance(phone, account)).toBe(100_00);

    // The phone loses its network; both withdraw.
    network.setOnline(false);
    await expect.poll(() => phone.sync.status.getState().phase, { timeout: 10_000 }).toBe('offline');
    await laptop.dispatch({ type: 'Withdraw', account, amount: 80_00 });
    await synced(laptop);
    await phone.dispatch({ type: 'Withdraw', account, amount: 50_00, note: 'Bike' });
    expect(balance(phone, account)).toBe(50_00);
    await expect.poll(() => phone.sync.status.getState()).toMatchObject({ phase: 'offline', waiting: 2 });

    // Back online: the phone's withdrawal no longer fits after the laptop's.
    network.setOnline(true);
    await phone.sync.syncNow();
    // The rebase replaced the phone's log: open it again as the reload would.
    await expect.poll(async () => phone.eventStore.health().state, { timeout: 10_000 }).toBe('replaced');
    phone = await reopen(phone);
    await synced(phone);

    expect(balance(phone, account)).toBe(20_00);
    expect(balance(laptop, account)).toBe(20_00);
    const [conflict] = phone.sync.status.getState().conflicts;
    expect(conflict).toMatchObject({
      command: { type: 'Withdraw', account, amount: 50_00, note: 'Bike' },
      device: 'Phone',
      outcome: 'refused',
      reason: { code: 'INSUFFICIENT_FUNDS', details: { accountNumber: account, balance: 20_00, amount: 50_00 } },
      competing: [{ device: 'Laptop', type: 'FundsWithdrawn', amount: 80_00, accountNumber: account }],
    });
    expect(await streams(phone)).toEqual(await streams(laptop));
    // The phone's log before the rebase is the backup, so nothing it recorded is lost for good.
    expect((await phone.files.describeBackup()).available).toBe(true);
    await network.close();
  });

  test('a server that sends what the rules refuse (an overdraft it stored unchecked) is refused: the device stores nothing and asks for attention', async () => {
    const laptop = await device('laptop');
    const account = await openVerified(laptop, 'Ada', 100_00);
    await laptop.sync.createSpace(server.url, 'Laptop');
    await synced(laptop);
    const before = await laptop.eventStore.lastSeq();
    const version = (await laptop.eventStore.streamVersion(`account-${account}`)) + 1;

    // Written into the server's store past its checks, as a broken or hostile server might.
    const { spaceId } = laptop.sync.status.getState();
    const overdraft = { type: 'FundsWithdrawn', payload: { accountNumber: account, amount: 500_00, category: 'Groceries' }, meta: { id: 'hostile-1', stream: `account-${account}`, version, at: '2026-12-07T10:00:00.000Z', schema: 2 } };
    expect((await store.commit(spaceId!, 'Elsewhere', [{ id: 'hostile-1', events: [overdraft] }])).refusal).toBeUndefined();
    await laptop.sync.syncNow();

    await expect.poll(() => laptop.sync.status.getState(), { timeout: 10_000 }).toMatchObject({ phase: 'attention', error: { code: 'RULE_BROKEN_BY_SERVER' } });
    expect(await laptop.eventStore.lastSeq()).toBe(before);
    expect(balance(laptop, account)).toBe(100_00);
  });

  test('a server that sends an event not shaped as one (no time) is refused: the device stores nothing and asks for attention', async () => {
    const laptop = await device('laptop');
    await openVerified(laptop, 'Ada', 100_00);
    await laptop.sync.createSpace(server.url, 'Laptop');
    await synced(laptop);
    const before = await laptop.eventStore.lastSeq();

    // Written into the server's store past its checks: stored as it came, it would carry each device's own time.
    const { spaceId } = laptop.sync.status.getState();
    const timeless = { type: 'Note', payload: null, meta: { id: 'hostile-2', stream: 'notes', version: 1 } };
    expect((await store.commit(spaceId!, 'Elsewhere', [{ id: 'hostile-2', events: [timeless as never] }])).refusal).toBeUndefined();
    await laptop.sync.syncNow();

    await expect.poll(() => laptop.sync.status.getState(), { timeout: 10_000 }).toMatchObject({
      phase: 'attention',
      error: { code: 'BAD_EVENT_FROM_SERVER', message: expect.stringContaining('event.meta.at must be an ISO-8601 UTC time') },
    });
    expect(await laptop.eventStore.lastSeq()).toBe(before);
  });
});
