import type { StoredEvent } from '../../eventstore/index.ts';
import { isAccountEvent, type AccountEvent, type Stored } from '../accounts/events.ts';

/**
 * Read models see every stored event, including types they do not know (an
 * imported log may carry some); those are passed over.
 */
export function asAccountEvent(event: StoredEvent): Stored<AccountEvent> | undefined {
  return isAccountEvent(event) ? (event as unknown as Stored<AccountEvent>) : undefined;
}
