import { createContext, useContext } from 'react';
import type { CommandProblem } from './describeError.ts';

/**
 * What a form's fields need to show its problems. With `problems`, each field shows its own under it and
 * the form's summary the rest; a form with one message instead names the `field` it points at.
 */
export interface FormProblemLink {
  problems?: readonly CommandProblem[];
  field?: string;
  /** The id of the form's summary message, and the start of each field's message id. */
  messageId: string;
}

export const FormProblemContext = createContext<FormProblemLink | undefined>(undefined);

/** The id of the message about `field`, under the field or in the summary. */
export function fieldMessageId(messageId: string, field: string): string {
  return `${messageId}-${field}`;
}

/**
 * The problem with the control named `name`: its words (when the form lists its problems), the id of its
 * message, and the aria props that mark the control invalid and point at the message, then the hint.
 */
export function useFieldProblem(name: string, hintId?: string) {
  const link = useContext(FormProblemContext);
  let message: string | undefined;
  let messageId: string | undefined;
  if (link?.problems) {
    const mine = link.problems.filter((p) => p.field === name);
    if (mine.length > 0) {
      message = mine.map((p) => p.message).join(' ');
      messageId = fieldMessageId(link.messageId, name);
    }
  } else if (link?.field === name) {
    messageId = link.messageId;
  }
  const describedBy = [messageId, hintId].filter(Boolean).join(' ') || undefined;
  return { message, messageId, props: { 'aria-invalid': messageId !== undefined || undefined, 'aria-describedby': describedBy } };
}

/** aria props for a control named `name` that does not show its message itself (the summary shows it). */
export function useProblemProps(name: string, hintId?: string) {
  return useFieldProblem(name, hintId).props;
}
