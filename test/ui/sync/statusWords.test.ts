import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../src/app/index.ts';
import { stateSentence } from '../../../src/ui/sync/stateSentence.ts';
import { headerStatus } from '../../../src/ui/sync/statusWords.ts';
import { refusedWithdrawal } from '../support/fakeSync.ts';

const on = (status: Partial<SyncStatus>): SyncStatus => ({ phase: 'synced', server: 'http://127.0.0.1:8787', waiting: 0, conflicts: [], ...status });

describe('the header’s sync status', () => {
  it('shows nothing while sync is off', () => {
    expect(headerStatus({ phase: 'off', waiting: 0, conflicts: [] })).toBeUndefined();
  });

  it.each([
    [on({}), 'Synced', 'synced'],
    [on({ phase: 'sending', waiting: 3 }), '3 waiting to send', 'waiting'],
    [on({ phase: 'sending', waiting: 1234 }), '1,234 waiting to send', 'waiting'],
    [on({ phase: 'offline', waiting: 3 }), 'Offline', 'offline'],
    [on({ phase: 'connecting' }), 'Connecting…', 'waiting'],
    [on({ phase: 'attention' }), 'Needs attention', 'attention'],
    [on({ error: { code: 'WRONG_SECRET', message: 'The secret is wrong.' } }), 'Needs attention', 'attention'],
    [on({ conflicts: [refusedWithdrawal('1234567812345678')] }), 'Needs attention', 'attention'],
  ] as [SyncStatus, string, string][])('%o reads "%s"', (status, text, tone) => {
    expect(headerStatus(status, 'en-US')).toEqual({ text, tone });
  });

  it('a conflict applied after all needs no attention', () => {
    expect(headerStatus(on({ conflicts: [refusedWithdrawal('1234567812345678', { outcome: 'applied', reason: undefined })] }))?.text).toBe('Synced');
  });

  it('counts in the person’s locale', () => {
    expect(headerStatus(on({ phase: 'sending', waiting: 1234 }), 'de-DE')?.text).toBe('1.234 waiting to send');
  });
});

describe('the Sync panel’s sentence', () => {
  it.each([
    [on({}), 'Synced: everything on this device is on the server.'],
    [on({ phase: 'sending', waiting: 1 }), '1 change waiting to send.'],
    [on({ phase: 'sending', waiting: 3 }), '3 changes waiting to send.'],
    [on({ phase: 'offline', waiting: 2 }), 'Offline: 2 changes wait on this device and are sent when the server can be reached.'],
    [on({ phase: 'offline' }), 'Offline: changes wait on this device and are sent when the server can be reached.'],
    [on({ phase: 'attention', error: { code: 'UNKNOWN_SPACE', message: 'The server has no such sync space.' } }), 'Needs attention: The server has no such sync space.'],
    [on({ phase: 'attention', conflicts: [refusedWithdrawal('1234567812345678')] }), 'Needs attention: 1 change made on this device could not be applied after syncing. See below.'],
  ] as [SyncStatus, string][])('%o says "%s"', (status, sentence) => {
    expect(stateSentence(status, 'en-US')).toBe(sentence);
  });
});
