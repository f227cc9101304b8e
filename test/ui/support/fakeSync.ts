import { createStore } from 'zustand/vanilla';
import type { LedgerSync, SyncConflict, SyncStatus } from '../../../src/app/index.ts';

export const SECRET = 'S3cr3t-S3cr3t-S3cr3t-S3cr3t-S3cr3t-S3cr3t-xy';
export const SPACE = 'space-0123456789abcdefgh';
export const SERVER = 'http://127.0.0.1:8787';
export const LINK = `http://localhost:4173/#/sync/join?server=${encodeURIComponent(SERVER)}&space=${SPACE}&secret=${SECRET}`;

export interface FakeSync extends LedgerSync {
  /** Every call made, in order: the method's name and its arguments. */
  calls: [string, ...unknown[]][];
  /** The next call of this method rejects with this error, once. */
  failNext(method: keyof LedgerSync, error: Error): void;
}

/**
 * A stand-in for `ledger.sync`: its status store as the screens read it, and methods that change it as the
 * real client would, recording each call.
 */
export function fakeSync(initial: Partial<SyncStatus> = {}): FakeSync {
  const status = createStore<SyncStatus>(() => ({ phase: 'off', waiting: 0, conflicts: [], ...initial }));
  const calls: FakeSync['calls'] = [];
  const failures = new Map<string, Error>();
  const call = async (method: string, args: unknown[], effect: () => void) => {
    calls.push([method, ...args]);
    const failure = failures.get(method);
    if (failure) {
      failures.delete(method);
      throw failure;
    }
    effect();
  };
  const on = (server: string, deviceName: string) =>
    status.setState({ phase: 'synced', server, spaceId: SPACE, deviceName, waiting: 0, lastContact: new Date().toISOString() });
  return {
    status,
    calls,
    failNext: (method, error) => failures.set(method, error),
    createSpace: (server, deviceName) => call('createSpace', [server, deviceName], () => on(server, deviceName)),
    joinSpace: (link, deviceName) => call('joinSpace', [link, deviceName], () => on(SERVER, deviceName)),
    pairingLink: () => (status.getState().phase === 'off' ? undefined : LINK),
    renameDevice: (name) => call('renameDevice', [name], () => status.setState({ deviceName: name })),
    disconnect: () => call('disconnect', [], () => status.setState({ phase: 'off', server: undefined, spaceId: undefined, deviceName: undefined }, false)),
    syncNow: () => call('syncNow', [], () => status.setState({ lastContact: new Date().toISOString() })),
    dismissConflict: (id) => call('dismissConflict', [id], () => status.setState((s) => ({ conflicts: s.conflicts.filter((c) => c.id !== id) }))),
  };
}

/** A refused withdrawal made on the phone while the laptop withdrew first. */
export function refusedWithdrawal(account: string, overrides: Partial<SyncConflict> = {}): SyncConflict {
  return {
    id: 'conflict-1',
    command: { type: 'Withdraw', account, amount: 3000 },
    at: '2026-12-07T10:02:00.000Z',
    device: 'Phone',
    outcome: 'refused',
    reason: { code: 'INSUFFICIENT_FUNDS', message: 'Alice Smith has €20.00: enter €20.00 or less.' },
    competing: [{ eventId: 'e-laptop-1', device: 'Laptop', type: 'FundsWithdrawn', at: '2026-12-07T10:01:00.000Z', accountNumber: account, amount: 5000 }],
    ...overrides,
  };
}
