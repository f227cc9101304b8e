import { useId } from 'react';
import { messageLink, type OutboxMessage } from '../../domain/index.ts';
import { AccountNumber } from '../components/AccountNumber.tsx';
import { Badge } from '../components/Badge.tsx';
import { formatDateTime } from '../components/dates.ts';
import { FormFeedback } from '../components/FormFeedback.tsx';
import { useCommand } from '../components/useCommand.ts';
import { useCommandAvailability } from '../components/useCommandAvailability.ts';
import { mailtoLink, messageText } from './mailto.ts';
import { localText } from './localText.ts';

const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';

/**
 * One message as the recipient would read it (text only), with the ways to send it by hand and "Mark as
 * sent" once it is out. A verification message's link is rebuilt from its account and code.
 */
export function MessageCard({ message }: { message: OutboxMessage }) {
  const command = useCommand();
  const { disabled } = useCommandAvailability();
  const titleId = useId();
  const problemId = useId();
  const appUrl = window.location.href;
  const mailto = mailtoLink(message, appUrl);
  const link = messageLink(message);
  const { subject, body } = localText(message);

  const share = () =>
    navigator.share({ title: subject, text: messageText(message, appUrl) }).catch(() => {
      // Closing the share sheet rejects; nothing to tell.
    });
  const markSent = () =>
    command.run(
      { type: 'MarkMessageSent', account: message.accountNumber, messageId: message.messageId },
      'Marked as sent.',
    );

  return (
    <article className="card message" aria-labelledby={titleId}>
      <header className="message-head">
        <h3 id={titleId}>{subject}</h3>
        {message.status === 'sent' ? <Badge tone="success">Sent</Badge> : <Badge tone="warning">Waiting</Badge>}
      </header>
      <p className="message-meta">
        To {message.recipient} &lt;{message.to}&gt; · account{' '}
        <a href={`#/accounts/${encodeURIComponent(message.accountNumber)}`}>
          <AccountNumber number={message.accountNumber} />
        </a>
      </p>
      <p className="message-meta">
        Queued {formatDateTime(message.queuedAt)}
        {message.sentAt && <> · sent {formatDateTime(message.sentAt)}</>}
      </p>
      {message.status === 'sent' ? (
        <details>
          <summary>Show the message</summary>
          <p className="message-body">{body}</p>
        </details>
      ) : (
        <p className="message-body">{body}</p>
      )}
      {link && (
        <p>
          <a href={link}>Open the verification link</a>
        </p>
      )}
      <div className="message-actions">
        {mailto && (
          <a className="button button-small" href={mailto}>
            Send
          </a>
        )}
        {canShare && (
          <button type="button" className="button button-small" onClick={() => void share()}>
            Share
          </button>
        )}
        {message.status === 'queued' && (
          <button
            type="button"
            className="button button-small button-primary"
            onClick={() => void markSent()}
            disabled={disabled || command.pending}
          >
            Mark as sent
          </button>
        )}
      </div>
      <FormFeedback problems={command.problems} success={command.success} problemId={problemId} />
    </article>
  );
}
