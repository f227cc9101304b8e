import type { StoredEvent } from '../../app/index.ts';
import { formatMoney } from '../components/money.ts';

const MAX_SUMMARY = 140;

/** A short line about what the event says (amount, owner, address, note), as plain text; never markup. */
export function eventSummary(event: StoredEvent): string {
  const payload = event.payload;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return '';
  const parts: string[] = [];
  const { amount, owner, email, note, recipient, subject } = payload as Record<string, unknown>;
  if (typeof amount === 'number' && Number.isSafeInteger(amount)) parts.push(formatMoney(amount));
  for (const text of [owner, email, recipient, subject, note]) if (typeof text === 'string' && text !== '') parts.push(text);
  const line = parts.join(' · ');
  return line.length > MAX_SUMMARY ? `${line.slice(0, MAX_SUMMARY - 1)}…` : line;
}
