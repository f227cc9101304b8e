import type { StoredEvent } from '../../eventstore/index.ts';
import { isAccountEvent, type AccountEvent, type Stored } from '../accounts/events.ts';
import { isNewerEvent } from '../schema/eventSchema.ts';

/**
 * Read models see every stored event, lifted to its current schema where it
 * was older. Types they do not know, and events recorded by a newer version of
 * Rewind (src/domain/readModels/newerEvents.ts counts those), are passed over.
 */
export function asAccountEvent(event: StoredEvent): Stored<AccountEvent> | undefined {
  // Schema 1 is never newer than a known type: only a stamped event costs the second lookup.
  return isAccountEvent(event) && (event.meta.schema === undefined || !isNewerEvent(event))
    ? (event as unknown as Stored<AccountEvent>)
    : undefined;
}
