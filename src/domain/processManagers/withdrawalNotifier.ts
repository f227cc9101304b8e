import { withdrawalText } from '../accounts/messages.ts';
import { derivedId } from '../ids.ts';
import type { ProcessManager } from './types.ts';

/** On FundsWithdrawn: queue a "You withdrew …" message to the account's owner. */
export const withdrawalNotifier: ProcessManager<'FundsWithdrawn'> = {
  name: 'pm:withdrawal-notifier',
  trigger: 'FundsWithdrawn',
  react(trigger, { accountNumber, owner, email }) {
    const { amount, note } = trigger.payload;
    return [
      {
        type: 'WithdrawalMessageQueued',
        payload: {
          accountNumber,
          messageId: derivedId('message', this.name, trigger.meta.id),
          to: email,
          recipient: owner,
          ...withdrawalText(owner, accountNumber, amount, note),
          amount,
        },
      },
    ];
  },
};
