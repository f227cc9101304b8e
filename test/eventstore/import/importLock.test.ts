import { afterEach, expect, test, vi } from 'vitest';
import { tryWithImportLock } from '../../../src/eventstore/import/importLock.ts';
import { fakeLockManager, tick } from '../../lib/fakeLockManager.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

test('the import lock goes through the platform locks: a second import of the same log is refused at once', async () => {
  vi.stubGlobal('navigator', { locks: fakeLockManager() });
  let finish!: () => void;
  const first = tryWithImportLock('ledger', () => new Promise<string>((resolve) => (finish = () => resolve('imported'))));
  await tick();
  expect(await tryWithImportLock('ledger', async () => 'second')).toEqual({ acquired: false });
  expect(await tryWithImportLock('other', async () => 'other log')).toEqual({ acquired: true, value: 'other log' });
  finish();
  expect(await first).toEqual({ acquired: true, value: 'imported' });
});
