import type { OutboxMessage } from '../../domain/index.ts';
import { verificationText, withdrawalNoteIn, withdrawalText, type TextFormat } from '../../domain/accounts/messages.ts';
import { formatAccountNumber } from '../components/accountNumber.ts';
import { formatMoney } from '../components/money.ts';

/**
 * A message's subject and body as the person reads and sends them: Rewind's own texts rewritten with money in
 * the locale's format and grouped account numbers; a text Rewind did not write (a log from elsewhere) as it is.
 */
export function localText(message: OutboxMessage, locale?: string): { subject: string; body: string } {
  const { recipient, accountNumber, subject, body } = message;
  const local: TextFormat = { money: (cents) => formatMoney(cents, { locale }), accountNumber: formatAccountNumber };
  if (message.kind === 'verification' && message.code !== undefined) {
    const stored = verificationText(recipient, accountNumber, message.code);
    if (stored.subject === subject && stored.body === body) return verificationText(recipient, accountNumber, message.code, local);
  }
  if (message.kind === 'withdrawal' && message.amount !== undefined) {
    const amount = message.amount;
    const note = withdrawalText(recipient, accountNumber, amount).subject === subject ? withdrawalNoteIn(body, recipient, accountNumber, amount) : undefined;
    if (note !== undefined) return withdrawalText(recipient, accountNumber, amount, note || undefined, local);
  }
  return { subject, body };
}
