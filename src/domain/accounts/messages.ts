import { formatCents } from './money.ts';

/**
 * The texts of the messages the process managers queue. Links are routes inside
 * the app, rebuilt from an event's fields wherever they are shown (never taken
 * from a stored string), so an imported log cannot smuggle in a foreign URL.
 */
export function verificationLink(accountNumber: string, code: string): string {
  return `#/verify?account=${encodeURIComponent(accountNumber)}&code=${encodeURIComponent(code)}`;
}

/**
 * The account and code a verification link carries, read from its query (what
 * follows `#/verify?`, as the router hands it to the route); undefined when
 * either is missing.
 */
export function parseVerificationQuery(query: string): { account: string; code: string } | undefined {
  const params = new URLSearchParams(query);
  const account = params.get('account');
  const code = params.get('code');
  return account && code ? { account, code } : undefined;
}

/*
 * The outbox keeps no message text: it rebuilds it with these functions from the
 * fields a message was written from. Changing a text therefore changes messages
 * already queued too: bump the outbox projection's version with it, so the outbox
 * is rebuilt from the events, whose texts it then keeps where they differ.
 */

/**
 * How a text writes money and account numbers. Stored texts use the default, the same on every device; a
 * screen passes the person's locale's money and grouped numbers to show the same text their way.
 */
export interface TextFormat {
  money(cents: number): string;
  accountNumber(number: string): string;
}

const STORED: TextFormat = { money: formatCents, accountNumber: (number) => number };

export function verificationText(owner: string, accountNumber: string, code: string, format = STORED): { subject: string; body: string } {
  return {
    subject: 'Verify your Rewind account',
    body:
      `Hello ${owner},\n\nyour account ${format.accountNumber(accountNumber)} is open. Your verification code is ${code}.\n` +
      `Open the link in Rewind, or enter the code on the account's page, to verify the account.`,
  };
}

const withdrawalStart = (owner: string, accountNumber: string, amount: number, format = STORED) =>
  `Hello ${owner},\n\nyou withdrew ${format.money(amount)} from account ${format.accountNumber(accountNumber)}`;
const WITHDRAWAL_END = '.\nIf you did not make this withdrawal, tell whoever keeps the accounts.';

export function withdrawalText(
  owner: string,
  accountNumber: string,
  amount: number,
  note?: string,
  format = STORED,
): { subject: string; body: string } {
  return {
    subject: `You withdrew ${format.money(amount)}`,
    body: `${withdrawalStart(owner, accountNumber, amount, format)}${note ? ` (${note})` : ''}${WITHDRAWAL_END}`,
  };
}

/**
 * The note withdrawalText wrote into `body` ('' for none), or undefined when
 * withdrawalText writes no such body for this owner, account and amount.
 */
export function withdrawalNoteIn(body: string, owner: string, accountNumber: string, amount: number): string | undefined {
  const start = withdrawalStart(owner, accountNumber, amount);
  if (!body.startsWith(start) || !body.endsWith(WITHDRAWAL_END)) return undefined;
  if (body.length === start.length + WITHDRAWAL_END.length) return '';
  const note = body.slice(start.length + 2, body.length - WITHDRAWAL_END.length - 1);
  return withdrawalText(owner, accountNumber, amount, note).body === body ? note : undefined;
}
