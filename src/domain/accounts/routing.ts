import type { Command } from './commands.ts';
import type { LedgerEvent } from './events.ts';
import type { DecisionState } from './state.ts';
import { accountStream, emailStream } from './streams.ts';

/** The stream an event is appended to. */
export function streamOf(event: LedgerEvent): string {
  return event.type === 'EmailReserved' || event.type === 'EmailReleased'
    ? emailStream(event.payload.email)
    : accountStream(event.payload.accountNumber);
}

/**
 * The streams whose state a command is decided on, given what is known so far.
 * Closing an account also reads its address's reservation, which is only known
 * once the account is loaded; the handler asks again until the list stops growing.
 */
export function streamsToRead(command: Command, state: DecisionState): string[] {
  switch (command.type) {
    case 'OpenAccount':
      // A new account's number is drawn while deciding; the append's no-stream check keeps numbers unique.
      return [emailStream(command.email)];
    case 'Transfer':
      return [accountStream(command.from), accountStream(command.to)];
    case 'CloseAccount': {
      const account = state.accounts[command.account];
      return account ? [accountStream(command.account), emailStream(account.email)] : [accountStream(command.account)];
    }
    case 'AddFunds':
    case 'Withdraw':
    case 'VerifyAccount':
    case 'MarkMessageSent':
      return [accountStream(command.account)];
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
