import { MergeConflictError } from '../../app/index.ts';
import { conflictSummary } from './conflictText.ts';

/** An export or import failure in words; a file problem's message already names its line. */
export function describeFileError(error: unknown): string {
  // A conflict's own message names raw stream ids; the report beside it names the accounts.
  if (error instanceof MergeConflictError) return conflictSummary(error);
  return error instanceof Error ? error.message : String(error);
}
