import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { asLedgerStates, openLedger, type Ledger } from '../../../src/app/index.ts';
import { getAccount, type AccountOpened, type Stored } from '../../../src/domain/index.ts';
import { startServer, type RunningServer } from '../../../server/http/startServer.ts';
import { openSqliteStore } from '../../../server/store/openStore.ts';
import { switchableProxy, type SwitchableProxy } from './support/switchableProxy.ts';

// The browser's 'online' event, which Node lacks: the engine listens on globalThis as it does in a page.
const window = new EventTarget();
vi.stubGlobal('addEventListener', window.addEventListener.bind(window));
vi.stubGlobal('removeEventListener', window.removeEventListener.bind(window));

let dir: string;
let server: RunningServer;
let network: SwitchableProxy;
const open: Ledger[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rewind-reconnect-'));
  server = await startServer({ store: await openSqliteStore(join(dir, 'sync.db')) });
  network = await switchableProxy(server.url);
});

afterEach(async () => {
  for (const ledger of open.splice(0)) await ledger.close();
  await network.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

test('back online after a long outage: the device syncs within seconds, even when the online event comes before the network answers', async () => {
  const ledger = await openLedger({ name: 'reconnecting' });
  open.push(ledger);
  await ledger.image.ready;
  await ledger.sync.createSpace(network.url, 'Phone');
  await expect.poll(() => ledger.sync.status.getState().phase, { timeout: 10_000 }).toBe('synced');

  // A long outage: every try fails, and the pause before the next one grows towards half a minute.
  network.setOnline(false);
  await expect.poll(() => ledger.sync.status.getState().phase, { timeout: 10_000 }).toBe('offline');
  for (let i = 0; i < 8; i++) await ledger.sync.syncNow().catch(() => undefined);
  const opened = await ledger.dispatch({ type: 'OpenAccount', owner: 'Ada', email: 'ada@example.org', initialDeposit: 40_00 });
  const account = (opened.events[0] as Stored<AccountOpened>).payload.accountNumber;
  await expect.poll(() => ledger.sync.status.getState().waiting, { timeout: 10_000 }).toBeGreaterThan(0);
  // Each failed try passes through 'connecting' (the space is still empty on the server) and ends 'offline'.
  await expect.poll(() => ledger.sync.status.getState().phase, { timeout: 10_000 }).toBe('offline');

  // The system says online a moment before requests get through, as a phone rejoining a network can.
  window.dispatchEvent(new Event('online'));
  await new Promise((resolve) => setTimeout(resolve, 100));
  network.setOnline(true);

  // Well inside the half minute the grown pause would take.
  await expect.poll(() => ledger.sync.status.getState(), { timeout: 10_000 }).toMatchObject({ phase: 'synced', waiting: 0 });
  expect(getAccount(asLedgerStates(ledger.image.getState().states).accounts, account)?.balance).toBe(40_00);
});
