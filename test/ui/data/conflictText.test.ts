import { expect, test } from 'vitest';
import { emailStream, type AccountSummary } from '../../../src/domain/index.ts';
import { conflictSubject, conflictText } from '../../../src/ui/data/conflictText.ts';

const dana: AccountSummary = {
  accountNumber: '8694933738108836',
  owner: 'Dana Newcomer',
  email: 'dana@example.org',
  verified: true,
  status: 'open',
  balance: 30_000,
  categoryBits: 0,
  openedAt: '2026-01-01T10:00:00.000Z',
  lastActivityAt: '2026-01-01T10:00:00.000Z',
  version: 5,
  newerEvents: 0,
};
const conflict = (stream: string, localVersion: number, incomingVersion = 4) => ({
  stream,
  divergesAtVersion: 1,
  localVersion,
  incomingVersion,
  localSeq: 3,
  incomingLine: 12_345,
});

test('an account conflict names the owner and the grouped number, with counts grouped and pluralised', () => {
  const c = conflict('account-8694933738108836', 1);
  expect(conflictText(c, conflictSubject(c.stream, [dana]), 'en-US')).toBe(
    'Dana Newcomer’s account 8694 9337 3810 8836: this log and the file both changed it after their common past (this log has 1 event there, the file 4; the file’s first new one is on line 12,345).',
  );
  expect(conflictText(conflict(c.stream, 1_234), conflictSubject(c.stream, [dana]), 'de-DE')).toContain('this log has 1.234 events there');
});

test('an address conflict names the address and whose it is, never the hashed stream', () => {
  const c = conflict(emailStream('Dana@Example.org'), 2);
  const text = conflictText(c, conflictSubject(c.stream, [dana]), 'en-US');
  expect(text).toBe(
    'Dana Newcomer’s e-mail address dana@example.org: this log and the file gave it to different accounts after their common past (this log has 2 events there, the file 4; the file’s first new one is on line 12,345).',
  );
  expect(text).not.toContain('email-');
  expect(conflictText(c, conflictSubject(c.stream, []), 'en-US')).toMatch(/^An e-mail address: /);
});

test('an account this ledger does not know is named by its grouped number', () => {
  const c = conflict('account-1111222233334444', 3);
  expect(conflictText(c, conflictSubject(c.stream, [dana]), 'en-US')).toMatch(/^Account 1111 2222 3333 4444: /);
});
