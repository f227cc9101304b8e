import type { VerificationMessageQueued } from '../accounts/events.ts';
import { verificationLink, verificationText } from '../accounts/messages.ts';
import { derivedId } from '../ids.ts';
import { randomDigits } from '../random.ts';
import type { AccountProfile, ProcessManager } from './types.ts';

/** The message that carries an account's verification code, as the mailer queues it. */
export function verificationQueued({ accountNumber, owner, email }: AccountProfile, messageId: string, code: string): VerificationMessageQueued {
  return {
    type: 'VerificationMessageQueued',
    payload: {
      accountNumber,
      messageId,
      to: email,
      recipient: owner,
      ...verificationText(owner, accountNumber, code),
      code,
      link: verificationLink(accountNumber, code),
    },
  };
}

/** On AccountOpened: draw a 6-digit code and queue the message that carries it. */
export const verificationMailer: ProcessManager<'AccountOpened'> = {
  name: 'pm:verification-mailer',
  trigger: 'AccountOpened',
  react(trigger, account, { random }) {
    const code = randomDigits(random, 6);
    return [verificationQueued(account, derivedId('message', this.name, trigger.meta.id), code)];
  },
};
