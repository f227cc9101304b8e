import type { Browser } from 'playwright-core';
import fc from 'fast-check';
import { expect } from 'vitest';
import { listAccounts, listMessages, type AccountsState, type OutboxState } from '../../../src/domain/index.ts';
import type { StoredEvent } from '../../../src/eventstore/index.ts';
import { negativeBalances } from './reliability.ts';
import {
  closeDevice,
  command,
  createSpace,
  goOffline,
  goOnline,
  hooked,
  joinSpace,
  logOf,
  moneyIn,
  openDevice,
  readModelsOf,
  settleAll,
  streamsOf,
  type Device,
} from './syncDevice.ts';
import { accessOf, type TestSyncServer } from './syncServer.ts';

/** One thing a person does on one device: a command, or losing or finding the network. */
export type Step =
  | { device: number; act: 'open'; deposit: number }
  | { device: number; act: 'add'; account: number; amount: number }
  | { device: number; act: 'withdraw'; account: number; amount: number }
  | { device: number; act: 'transfer'; from: number; to: number; amount: number }
  | { device: number; act: 'close'; account: number }
  | { device: number; act: 'offline' }
  | { device: number; act: 'online' };

/** Schedules for `devices` devices: mostly money moving, some openings and closings, and the network coming and going. */
export function schedules(devices: number, maxSteps: number): fc.Arbitrary<Step[]> {
  const device = fc.nat({ max: devices - 1 });
  const account = fc.nat({ max: 20 });
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 2, arbitrary: fc.record({ device, act: fc.constant('open' as const), deposit: fc.integer({ min: 0, max: 200_00 }) }) },
    { weight: 3, arbitrary: fc.record({ device, act: fc.constant('add' as const), account, amount: fc.integer({ min: 1, max: 150_00 }) }) },
    // Up to more than any balance here, so some are refused.
    { weight: 4, arbitrary: fc.record({ device, act: fc.constant('withdraw' as const), account, amount: fc.integer({ min: 1, max: 250_00 }) }) },
    { weight: 3, arbitrary: fc.record({ device, act: fc.constant('transfer' as const), from: account, to: account, amount: fc.integer({ min: 1, max: 150_00 }) }) },
    { weight: 1, arbitrary: fc.record({ device, act: fc.constant('close' as const), account }) },
    { weight: 2, arbitrary: fc.record({ device, act: fc.constant('offline' as const) }) },
    { weight: 1, arbitrary: fc.record({ device, act: fc.constant('online' as const) }) },
  );
  return fc.array(step, { minLength: 3, maxLength: maxSteps });
}

/** Schedules with the number of devices beside them, as a failing case is printed. */
export const deviceSchedules = (devices: number, maxSteps: number) => fc.record({ devices: fc.constant(devices), steps: schedules(devices, maxSteps) });

const NAMES = ['Laptop', 'Phone', 'Tablet'];

/**
 * Runs one schedule: fresh devices (the second on a phone screen) join one
 * space, the first holding an account already; the steps run in order with the
 * invariants checked on every device after each; then everyone comes online
 * and the devices must agree with each other and with the server.
 */
export async function runSchedule(browser: Browser, server: TestSyncServer, count: number, steps: readonly Step[]): Promise<void> {
  const devices: Device[] = [];
  try {
    for (const [i, name] of NAMES.slice(0, count).entries()) devices.push(await openDevice(browser, name, server.url, i === 1 ? 'phone' : 'desktop'));
    await openVerified(devices[0]!, 'Ada First', 'ada@example.org', 100_00);
    const link = await createSpace(devices[0]!);
    for (const device of devices.slice(1)) await joinSpace(device, link);

    for (const [i, step] of steps.entries()) {
      await run(devices[step.device]!, step, i);
      for (const device of devices) await checkInvariants(device, `after step ${i + 1} (${JSON.stringify(step)})`);
    }

    for (const device of devices) await goOnline(device);
    await settleAll(devices);
    const [first, ...others] = devices as [Device, ...Device[]];
    const streams = await streamsOf(first.page);
    const models = await readModelsOf(first.page);
    for (const device of others) {
      expect(await streamsOf(device.page), `${device.name} and ${first.name} hold different events on some stream`).toEqual(streams);
      expect(await readModelsOf(device.page), `${device.name} and ${first.name} show different read models`).toEqual(models);
    }
    for (const device of devices) await checkInvariants(device, 'at the end');

    // The server holds each event once, and exactly what every device holds.
    const held = await server.events(accessOf(link));
    expect(new Set(held.map((p) => p.event.meta.id)).size).toBe(held.length);
    expect(held.length).toBe((await logOf(first.page)).length);
    for (const device of devices) expect(unexpectedProblems(device), `${device.name} reported problems`).toEqual([]);
  } finally {
    for (const device of devices) await closeDevice(device);
  }
}

/** Console errors Chromium logs for requests sync expects to fail: any while the network is cut, and a push answered 409 (another device changed the account first). */
export const unexpectedProblems = (device: Device) =>
  device.problems.filter((p) => !/Failed to load resource: (net::ERR_|the server responded with a status of 409 )/.test(p));

async function run(device: Device, step: Step, index: number): Promise<void> {
  if (step.act === 'offline') return goOffline(device);
  if (step.act === 'online') return goOnline(device);
  if (step.act === 'open') {
    await openVerified(device, `Owner ${index}`, `owner${index}.${device.name.toLowerCase()}@example.org`, step.deposit || undefined);
    return;
  }
  const accounts = await usableAccounts(device);
  if (accounts.length === 0) return;
  const pick = (n: number) => accounts[n % accounts.length]!;
  if (step.act === 'add') await command(device.page, { type: 'AddFunds', account: pick(step.account).accountNumber, amount: step.amount });
  else if (step.act === 'withdraw') await command(device.page, { type: 'Withdraw', account: pick(step.account).accountNumber, amount: step.amount });
  else if (step.act === 'transfer') {
    const to = accounts.length > 1 && step.from % accounts.length === step.to % accounts.length ? step.to + 1 : step.to;
    await command(device.page, { type: 'Transfer', from: pick(step.from).accountNumber, to: pick(to).accountNumber, amount: step.amount });
  } else {
    // Closing takes the money out first, as a person does.
    const { accountNumber, balance } = pick(step.account);
    if (balance > 0) await command(device.page, { type: 'Withdraw', account: accountNumber, amount: balance });
    await command(device.page, { type: 'CloseAccount', account: accountNumber });
  }
}

/** The open, verified accounts as this device knows them now, by number. */
async function usableAccounts(device: Device) {
  const { states } = await hooked(device.page, () => window.__rewindTest!.state(), undefined);
  return listAccounts(states.accounts as unknown as AccountsState)
    .filter((a) => a.status === 'open' && a.verified)
    .sort((a, b) => a.accountNumber.localeCompare(b.accountNumber));
}

/** Opens an account and verifies it with the code its verification message carries, as a person does on first use. */
export async function openVerified(device: Device, owner: string, email: string, initialDeposit?: number): Promise<string | undefined> {
  const opened = await command(device.page, { type: 'OpenAccount', owner, email, ...(initialDeposit !== undefined && { initialDeposit }) });
  if (!opened.ok) return undefined;
  const account = opened.events[0]!.stream.slice('account-'.length);
  let code: string | undefined;
  await expect
    .poll(async () => {
      const { states } = await hooked(device.page, () => window.__rewindTest!.state(), undefined);
      code = listMessages(states.outbox as unknown as OutboxState).find((m) => m.kind === 'verification' && m.accountNumber === account)?.code;
      return code;
    }, { timeout: 20_000, message: `${device.name} never queued the verification message of ${account}` })
    .toBeDefined();
  await command(device.page, { type: 'VerifyAccount', account, code: code! });
  return account;
}

/**
 * On this device, now: no balance below zero (on screen, and at any point of
 * its log's order), and the balances add up to what its log deposited minus
 * what it withdrew.
 */
export async function checkInvariants(device: Device, when: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const seen = await hooked(device.page, async () => {
      const { seq, states } = window.__rewindTest!.state();
      const log = await window.__rewindTest!.log();
      return { seq, accounts: states.accounts, log, healthy: window.__rewindTest!.state().health.state === 'ok' };
    }, undefined);
    // A rebase switched the log while it was read: read the new one after the reload.
    if (!seen.healthy && attempt < 5) continue;
    const rows = listAccounts(seen.accounts as unknown as AccountsState);
    expect(rows.filter((a) => a.balance < 0), `${device.name} ${when}: a balance below zero`).toEqual([]);
    const total = rows.reduce((sum, a) => sum + a.balance, 0);
    expect(total, `${device.name} ${when}: the balances do not add up to deposits minus withdrawals`).toBe(moneyIn(seen.log as StoredEvent[], seen.seq));
    expect(negativeBalances(seen.log as StoredEvent[]), `${device.name} ${when}: its log takes a balance below zero`).toEqual([]);
    return;
  }
}
