import { formatCents } from './money.ts';

/**
 * The texts of the messages the process managers queue. Links are routes inside
 * the app, rebuilt from an event's fields wherever they are shown (never taken
 * from a stored string), so an imported log cannot smuggle in a foreign URL.
 */
export function verificationLink(accountNumber: string, code: string): string {
  return `#/verify?account=${encodeURIComponent(accountNumber)}&code=${encodeURIComponent(code)}`;
}

/** The account and code of an in-app verification route, or undefined when `hash` is not one. */
export function parseVerificationLink(hash: string): { account: string; code: string } | undefined {
  const match = /^#\/verify\?(.*)$/.exec(hash);
  if (!match) return undefined;
  const params = new URLSearchParams(match[1]);
  const account = params.get('account');
  const code = params.get('code');
  return account && code ? { account, code } : undefined;
}

export function verificationText(owner: string, accountNumber: string, code: string): { subject: string; body: string } {
  return {
    subject: 'Verify your Rewind account',
    body:
      `Hello ${owner},\n\nyour account ${accountNumber} is open. Your verification code is ${code}.\n` +
      `Open the link in Rewind, or enter the code on the account's page, to verify the account.`,
  };
}

export function withdrawalText(owner: string, accountNumber: string, amount: number, note?: string): { subject: string; body: string } {
  return {
    subject: `You withdrew ${formatCents(amount)}`,
    body:
      `Hello ${owner},\n\nyou withdrew ${formatCents(amount)} from account ${accountNumber}` +
      `${note ? ` (${note})` : ''}.\nIf you did not make this withdrawal, tell whoever keeps the accounts.`,
  };
}
