import { isDomainError } from '../../domain/index.ts';
import { ViewingPastError } from '../../app/index.ts';

/** What went wrong with a command, in words for the person who tried it, and the form field at fault. */
export interface CommandProblem {
  message: string;
  field?: string;
}

export function describeError(error: unknown): CommandProblem {
  if (isDomainError(error)) return { message: error.message, field: error.field };
  if (error instanceof ViewingPastError) return { message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return { message: `This could not be recorded: ${detail}` };
}
