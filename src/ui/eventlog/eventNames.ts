import { LEDGER_EVENT_TYPES, currentSchema, isNewerEvent, schemaOf, type LedgerEventType } from '../../domain/index.ts';
import type { StoredEvent } from '../../app/index.ts';

/** The ledger's event types as a person reads them; a new type fails to compile until it has a name here. */
function ledgerEventName(type: LedgerEventType): string {
  switch (type) {
    case 'AccountOpened':
      return 'Account opened';
    case 'FundsAdded':
      return 'Funds added';
    case 'FundsWithdrawn':
      return 'Funds withdrawn';
    case 'TransferSent':
      return 'Transfer sent';
    case 'TransferReceived':
      return 'Transfer received';
    case 'AccountVerified':
      return 'Account verified';
    case 'AccountClosed':
      return 'Account closed';
    case 'VerificationMessageQueued':
      return 'Verification message queued';
    case 'WithdrawalMessageQueued':
      return 'Withdrawal message queued';
    case 'MessageSent':
      return 'Message sent';
    case 'EmailReserved':
      return 'E-mail address reserved';
    case 'EmailReleased':
      return 'E-mail address released';
    default: {
      const unnamed: never = type;
      return unnamed;
    }
  }
}

const known = new Set<string>(LEDGER_EVENT_TYPES);

/** "FundsWithdrawn" → "Funds withdrawn". A type the ledger does not know (an imported log's) shows as it is stored. */
export function eventName(type: string): string {
  return known.has(type) ? ledgerEventName(type as LedgerEventType) : type;
}

/** What a row says of an event a newer version of Rewind recorded, instead of a name this version would read it by. */
export const NEWER_VERSION_NAME = 'Recorded by a newer version of Rewind';

/** The type as stored, and the schema when this version knows the type but not that schema: "AccountFrozen", "FundsAdded, schema 3". */
export function rawType(event: Pick<StoredEvent, 'type' | 'meta'>): string {
  return currentSchema(event.type) === undefined ? event.type : `${event.type}, schema ${schemaOf(event)}`;
}

/** A row's name for its event: readable for the events this version reads, and honest about the ones it cannot. */
export function eventTitle(event: Pick<StoredEvent, 'type' | 'meta'>): string {
  return isNewerEvent(event) ? `${NEWER_VERSION_NAME} (${rawType(event)})` : eventName(event.type);
}
