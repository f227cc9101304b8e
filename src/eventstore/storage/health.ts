import { EventStoreClosedError } from '../errors.ts';

/**
 * Whether this tab's connection to the log can be used, for a status banner.
 * - `ok`: working.
 * - `full`: the last write failed for lack of space; the next write that succeeds clears it.
 * - `unavailable`: the connection was lost and reopening failed; every call tries again.
 * The rest are final for this tab (a reload is the way on); what was read stays readable:
 * - `newer-version`: another tab upgraded the database to a newer schema.
 * - `deleted`: the database was deleted under this tab (site data cleared).
 * - `replaced`: an import or restore made another database the live log (`here`: in this tab).
 * - `closed`: the app closed the store.
 */
export type StoreHealth =
  | { state: 'ok' | 'full' | 'unavailable' | 'newer-version' | 'deleted' | 'closed' }
  | { state: 'replaced'; here: boolean };

export type HealthState = StoreHealth['state'];

const FINAL: ReadonlySet<HealthState> = new Set(['newer-version', 'deleted', 'replaced', 'closed']);

export function isFinal(health: StoreHealth): boolean {
  return FINAL.has(health.state);
}

/** The error a call gets once the store is closed for good in this tab. */
export function closedError(health: StoreHealth): EventStoreClosedError {
  switch (health.state) {
    case 'newer-version':
      return new EventStoreClosedError(
        'A newer version of Rewind opened this data in another tab, so this tab stopped using it and nothing more is saved here. Reload to continue.',
      );
    case 'deleted':
      return new EventStoreClosedError(
        'Rewind’s data was deleted from this browser (perhaps by clearing the site’s data), so nothing more is saved here. Reload to start again; an exported log can be imported.',
      );
    default:
      return new EventStoreClosedError();
  }
}

/** The current health and its listeners. A final state is never left. */
export class HealthSignal {
  private current: StoreHealth = { state: 'ok' };
  private readonly listeners = new Set<(health: StoreHealth) => void>();

  get(): StoreHealth {
    return this.current;
  }

  set(next: StoreHealth): void {
    if (isFinal(this.current) || this.current.state === next.state) return;
    this.current = next;
    for (const listener of this.listeners) listener(next);
  }

  subscribe(listener: (health: StoreHealth) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
