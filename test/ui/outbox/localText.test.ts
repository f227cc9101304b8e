import { expect, test } from 'vitest';
import type { OutboxMessage } from '../../../src/domain/index.ts';
import { verificationText, withdrawalText } from '../../../src/domain/accounts/messages.ts';
import { localText } from '../../../src/ui/outbox/localText.ts';

const DANA = '8694933738108836';
const base = { messageId: 'm1', accountNumber: DANA, to: 'dana@example.org', recipient: 'Dana Newcomer', status: 'queued', queuedAt: '', eventId: 'e1' } as const;
const withdrawal = (note?: string): OutboxMessage => ({ ...base, kind: 'withdrawal', amount: 145_000, ...withdrawalText('Dana Newcomer', DANA, 145_000, note) });
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

test('a withdrawal message shows the money the locale’s way and the account number grouped', () => {
  const en = localText(withdrawal('Rent'), 'en-US');
  expect(en.subject).toBe('You withdrew €1,450.00');
  expect(en.body).toBe(
    'Hello Dana Newcomer,\n\nyou withdrew €1,450.00 from account 8694 9337 3810 8836 (Rent).\nIf you did not make this withdrawal, tell whoever keeps the accounts.',
  );
  const de = localText(withdrawal(), 'de-DE');
  expect(plain(de.subject)).toBe('You withdrew 1.450,00 €');
  expect(plain(de.body)).toContain('you withdrew 1.450,00 € from account 8694 9337 3810 8836.\n');
});

test('a verification message groups the account number and keeps the code', () => {
  const message: OutboxMessage = { ...base, kind: 'verification', code: '424242', ...verificationText('Dana Newcomer', DANA, '424242') };
  expect(localText(message, 'de-DE').body).toContain('your account 8694 9337 3810 8836 is open. Your verification code is 424242.');
});

test('a text Rewind did not write (a log from elsewhere) stays as it is', () => {
  const foreign: OutboxMessage = { ...base, kind: 'withdrawal', amount: 145_000, subject: 'Withdrawal 1,450.00', body: 'Hi, you took 1,450.00.' };
  expect(localText(foreign, 'de-DE')).toEqual({ subject: 'Withdrawal 1,450.00', body: 'Hi, you took 1,450.00.' });
});
