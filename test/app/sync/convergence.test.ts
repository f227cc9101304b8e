import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { listAccounts, listMessages, upcast, type AccountOpened, type Stored } from '../../../src/domain/index.ts';
import { asLedgerStates, openLedger, type Ledger } from '../../../src/app/index.ts';
import { startServer } from '../../../server/http/startServer.ts';
import { openSqliteStore } from '../../../server/store/openStore.ts';
import { switchableProxy, type SwitchableProxy } from './support/switchableProxy.ts';

// Three devices, random commands and random offline spells, through a real server on SQLite: every device
// keeps the rules at every step, and once all are online they hold the same events and the same read models.

type Op = 'open' | 'deposit' | 'withdraw' | 'transfer' | 'close';
type Step = { device: number; kind: 'command'; op: Op; amount: number; pick: number; other: number; name: number } | { device: number; kind: 'offline' | 'online' };

const NAMES = ['Ada', 'Bo', 'Cy', 'Di'];
const DEVICES = 3;

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({
    device: fc.nat(DEVICES - 1),
    kind: fc.constant('command' as const),
    op: fc.constantFrom<Op>('open', 'deposit', 'withdraw', 'withdraw', 'transfer', 'close'),
    amount: fc.integer({ min: 1, max: 150 }).map((n) => n * 100),
    pick: fc.nat(10),
    other: fc.nat(10),
    name: fc.nat(NAMES.length - 1),
  }) },
  { weight: 3, arbitrary: fc.record({ device: fc.nat(DEVICES - 1), kind: fc.constantFrom('offline' as const, 'online' as const) }) },
);

interface Device {
  name: string;
  ledger: Ledger;
  network: SwitchableProxy;
  online: boolean;
}

const states = (ledger: Ledger) => asLedgerStates(ledger.image.getState().states);

/** Opens the device again when a rebase replaced its log, as the page's reload does. */
async function current(device: Device): Promise<Ledger> {
  if (device.ledger.eventStore.health().state !== 'replaced') return device.ledger;
  await device.ledger.close();
  device.ledger = await openLedger({ name: device.name });
  await device.ledger.image.ready;
  return device.ledger;
}

async function run(device: Device, step: Extract<Step, { kind: 'command' }>): Promise<void> {
  const ledger = await current(device);
  const open = listAccounts(states(ledger).accounts).filter((a) => a.status === 'open');
  const at = (i: number) => open[i % Math.max(1, open.length)];
  let command: Record<string, unknown> | undefined;
  switch (step.op) {
    case 'open': {
      const owner = NAMES[step.name]!;
      const result = await ledger.dispatch({ type: 'OpenAccount', owner, email: `${owner.toLowerCase()}@example.org`, initialDeposit: step.amount }).catch(() => undefined);
      if (!result) return;
      const account = (result.events[0] as Stored<AccountOpened>).payload.accountNumber;
      await expect.poll(() => listMessages(states(ledger).outbox).some((m) => m.accountNumber === account)).toBe(true);
      const code = listMessages(states(ledger).outbox).find((m) => m.accountNumber === account)!.code!;
      command = { type: 'VerifyAccount', account, code };
      break;
    }
    case 'deposit':
      if (at(step.pick)) command = { type: 'AddFunds', account: at(step.pick)!.accountNumber, amount: step.amount };
      break;
    case 'withdraw':
      if (at(step.pick)) command = { type: 'Withdraw', account: at(step.pick)!.accountNumber, amount: step.amount };
      break;
    case 'transfer':
      if (at(step.pick) && at(step.other)) command = { type: 'Transfer', from: at(step.pick)!.accountNumber, to: at(step.other)!.accountNumber, amount: step.amount };
      break;
    case 'close':
      if (at(step.pick)) command = { type: 'CloseAccount', account: at(step.pick)!.accountNumber };
      break;
  }
  // Refusals are part of the game: the rules hold either way.
  if (command) await ledger.dispatch(command).catch(() => undefined);
}

/** The rules every device keeps at every moment: no balance below zero, and the money in accounts is what came in less what went out. */
async function checkRules(ledger: Ledger): Promise<void> {
  const { seq } = ledger.image.getState();
  const accounts = listAccounts(states(ledger).accounts);
  for (const account of accounts) expect(account.balance).toBeGreaterThanOrEqual(0);
  let net = 0;
  // The image may not have folded what sync just appended: compare it with the log as far as it has read.
  for (const event of (await ledger.eventStore.readAll({ toSeq: seq })).map(upcast)) {
    const amount = (event.payload as { amount?: number }).amount ?? 0;
    if (event.type === 'FundsAdded') net += amount;
    if (event.type === 'FundsWithdrawn') net -= amount;
  }
  expect(accounts.reduce((sum, a) => sum + a.balance, 0)).toBe(net);
}

/** What must be the same everywhere: each stream's events (without the local seq) and what the screens show. */
async function view(ledger: Ledger) {
  const byStream: Record<string, unknown[]> = {};
  for (const { type, payload, meta } of await ledger.eventStore.readAll()) {
    const { seq: _seq, ...rest } = meta;
    (byStream[meta.stream] ??= [])[meta.version - 1] = { type, payload, meta: rest };
  }
  const { accounts, outbox, totals, reports, spending } = states(ledger);
  return {
    streams: Object.fromEntries(Object.entries(byStream).sort(([a], [b]) => a.localeCompare(b))),
    accounts: listAccounts(accounts).sort((a, b) => a.accountNumber.localeCompare(b.accountNumber)),
    outbox: listMessages(outbox).sort((a, b) => a.messageId.localeCompare(b.messageId)),
    totals,
    reports,
    spending,
  };
}

async function settleAll(devices: Device[]): Promise<void> {
  for (let round = 0; round < 40; round++) {
    for (const device of devices) await (await current(device)).sync.syncNow();
    const ready = await Promise.all(
      devices.map(async (d) => {
        const { phase, waiting } = (await current(d)).sync.status.getState();
        return phase === 'synced' && waiting === 0;
      }),
    );
    const views = await Promise.all(devices.map(async (d) => JSON.stringify((await view(await current(d))).streams)));
    if (ready.every(Boolean) && views.every((v) => v === views[0])) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('devices converge', () => {
  test('random commands on three devices with random offline spells: rules hold at every step, and all end equal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 6, maxLength: 18 }), async (steps) => {
        const dir = await mkdtemp(join(tmpdir(), 'rewind-sync-'));
        const server = await startServer({ store: await openSqliteStore(join(dir, 'sync.db')) });
        const devices: Device[] = [];
        try {
          for (let i = 0; i < DEVICES; i++) {
            const name = `device-${i}-${Math.random().toString(36).slice(2)}`;
            const ledger = await openLedger({ name });
            await ledger.image.ready;
            devices.push({ name, ledger, network: await switchableProxy(server.url), online: true });
          }
          // Two accounts everyone knows, so most commands have something to act on.
          for (const name of [0, 1]) await run(devices[0]!, { device: 0, kind: 'command', op: 'open', amount: 10_000, pick: 0, other: 0, name });
          await devices[0]!.ledger.sync.createSpace(devices[0]!.network.url, 'Device 0');
          await devices[0]!.ledger.sync.syncNow();
          const link = devices[0]!.ledger.sync.pairingLink()!;
          for (const [i, d] of devices.entries())
            if (i > 0) await d.ledger.sync.joinSpace(link.replace(encodeURIComponent(devices[0]!.network.url), encodeURIComponent(d.network.url)), `Device ${i}`);

          for (const step of steps) {
            const device = devices[step.device]!;
            if (step.kind === 'command') await run(device, step);
            else {
              device.online = step.kind === 'online';
              device.network.setOnline(device.online);
            }
            for (const d of devices) {
              const ledger = await current(d);
              if (d.online) await ledger.sync.syncNow();
              await checkRules(ledger);
            }
          }

          for (const d of devices) d.network.setOnline((d.online = true));
          await settleAll(devices);
          const views = await Promise.all(devices.map(async (d) => view(await current(d))));
          for (const v of views.slice(1)) expect(v).toEqual(views[0]);
          for (const d of devices) expect((await current(d)).sync.status.getState()).toMatchObject({ phase: 'synced', waiting: 0 });
        } finally {
          for (const d of devices) {
            await d.ledger.close();
            await d.network.close();
          }
          await server.close();
          await rm(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 8, seed: 20261207, endOnFailure: true, timeout: 30_000 },
    );
  }, 240_000);
});
