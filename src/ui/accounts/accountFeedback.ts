import type { DispatchResult } from '../../app/index.ts';
import type { AccountSummary } from '../../domain/index.ts';

/** Tells the person a command on the account screen worked: a toast, and its new history lines highlighted. */
export type TellSuccess = (text: string, result: DispatchResult) => void;

/** What every money-movement form of an account is given. */
export interface MovementFormProps {
  account: AccountSummary;
  /** What the Category field suggests: the categories the account's movements use (the presets and those spent on elsewhere come with the field). */
  categories: readonly string[];
  onSuccess: TellSuccess;
}
