import type { AccountEvent, Stored } from '../accounts/events.ts';
import type { RandomSource } from '../random.ts';

/** Who an account belongs to, as recorded when it was opened. */
export type AccountProfile = { accountNumber: string; owner: string; email: string };

/**
 * A process manager reacts to one type of account event with events of its own
 * on the same account's stream. `react` is pure; the runner stores its result
 * together with the manager's checkpoint, so each event is handled exactly once.
 */
export interface ProcessManager<T extends AccountEvent['type'] = AccountEvent['type']> {
  /** Also the name of its checkpoint in the store. */
  readonly name: string;
  readonly trigger: T;
  react(
    trigger: Stored<Extract<AccountEvent, { type: T }>>,
    account: AccountProfile,
    ctx: { random: RandomSource },
  ): AccountEvent[];
}

/** Any one of the managers, whatever its trigger. */
export type AnyProcessManager = { [T in AccountEvent['type']]: ProcessManager<T> }[AccountEvent['type']];
