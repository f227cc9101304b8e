import { messageLink, type OutboxMessage } from '../../domain/index.ts';
import { localText } from './localText.ts';

// A plain address only: anything that could add headers or recipients to a mailto: URL is refused.
const ADDRESS = /^[^\s@<>()[\]",;:\\%?&=#/]+@[^\s@<>()[\]",;:\\%?&=#/]+$/;

/** The message's text as sent: its body as the person reads it, plus the verification link as a full URL of this app when it has one. */
export function messageText(message: OutboxMessage, appUrl: string): string {
  const link = messageLink(message);
  const { body } = localText(message);
  return link ? `${body}\n\n${new URL(link, appUrl).href}` : body;
}

/**
 * A mailto: URL built from the message's fields (never a URL taken from data), or undefined when the
 * address is not a plain e-mail address.
 */
export function mailtoLink(message: OutboxMessage, appUrl: string): string | undefined {
  if (!ADDRESS.test(message.to)) return undefined;
  const query = `subject=${encodeURIComponent(localText(message).subject)}&body=${encodeURIComponent(messageText(message, appUrl))}`;
  return `mailto:${message.to}?${query}`;
}
