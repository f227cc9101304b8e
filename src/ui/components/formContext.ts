import { createContext, useContext } from 'react';

/** Which field a form's problem is about, so that field can point at the message. */
export interface FormProblemLink {
  field?: string;
  messageId: string;
}

export const FormProblemContext = createContext<FormProblemLink | undefined>(undefined);

/** aria props for a control named `name`: marked invalid and described by the problem when it is at fault. */
export function useProblemProps(name: string, hintId?: string) {
  const link = useContext(FormProblemContext);
  const invalid = link?.field === name;
  const describedBy = [hintId, invalid ? link?.messageId : undefined].filter(Boolean).join(' ') || undefined;
  return { 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy };
}
