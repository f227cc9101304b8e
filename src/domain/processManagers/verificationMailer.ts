import { verificationLink, verificationText } from '../accounts/messages.ts';
import { derivedId } from '../ids.ts';
import { randomDigits } from '../random.ts';
import type { ProcessManager } from './types.ts';

/** On AccountOpened: draw a 6-digit code and queue the message that carries it. */
export const verificationMailer: ProcessManager<'AccountOpened'> = {
  name: 'pm:verification-mailer',
  trigger: 'AccountOpened',
  react(trigger, { accountNumber, owner, email }, { random }) {
    const code = randomDigits(random, 6);
    return [
      {
        type: 'VerificationMessageQueued',
        payload: {
          accountNumber,
          messageId: derivedId('message', this.name, trigger.meta.id),
          to: email,
          recipient: owner,
          ...verificationText(owner, accountNumber, code),
          code,
          link: verificationLink(accountNumber, code),
        },
      },
    ];
  },
};
