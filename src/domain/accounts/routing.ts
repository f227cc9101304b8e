import type { LedgerEvent } from './events.ts';
import { accountStream, emailStream } from './streams.ts';

/** The stream an event is appended to. */
export function streamOf(event: LedgerEvent): string {
  return event.type === 'EmailReserved' || event.type === 'EmailReleased'
    ? emailStream(event.payload.email)
    : accountStream(event.payload.accountNumber);
}
