import { LEDGER_EVENT_TYPES, type LedgerEventType } from '../../domain/index.ts';

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
