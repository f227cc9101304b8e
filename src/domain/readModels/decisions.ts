import type { StoredEvent } from '../../eventstore/index.ts';
import type { Projection } from '../../replay/projection.ts';
import { evolve, initialState, isLedgerEvent, record, type DecisionState } from '../accounts/state.ts';
import { emptyMap, MapDraft, mapGet, mapSet, type PersistentMap } from './persistentMap.ts';

/**
 * What the command handler decides on, kept in the memory image: every
 * account's, address's and queued message's decision state, and every stream's
 * version (the expected version of the next append to it). Commands thus read
 * no stream.
 */
export type DecisionsState = DecisionState & {
  /** How many events each stream holds, events of unknown types included. */
  versions: PersistentMap<number>;
};

/** The number of events `stream` holds in this state; 0 when it has none. */
export function versionOf(state: DecisionsState, stream: string): number {
  return mapGet(state.versions, stream) ?? 0;
}

export const decisionsProjection: Projection<DecisionsState> = {
  name: 'decisions',
  version: 1,
  initial: { ...initialState(), versions: emptyMap() },
  apply(state, event: StoredEvent) {
    const next = isLedgerEvent(event) ? evolve(state, event) : state;
    // Counted rather than read from meta.version: a what-if branch plays injected events that carry no version.
    const stream = event.meta.stream;
    return { ...next, versions: mapSet(next.versions, stream, versionOf(next, stream) + 1) };
  },
  applyMany(state, events) {
    if (events.length === 0) return state;
    // A page's writes go to drafts of the maps, so each touched node is copied once per page, not once per event.
    const accounts = new MapDraft(state.accounts);
    const emails = new MapDraft(state.emails);
    const messages = new MapDraft(state.messages);
    const versions = new MapDraft(state.versions);
    const writer = {
      account: (number: string) => accounts.get(number),
      setAccount: accounts.set.bind(accounts),
      setEmail: emails.set.bind(emails),
      setMessage: messages.set.bind(messages),
    };
    for (const event of events) {
      if (isLedgerEvent(event)) record(writer, event);
      const stream = event.meta.stream;
      versions.set(stream, (versions.get(stream) ?? 0) + 1);
    }
    return { accounts: accounts.done(), emails: emails.done(), messages: messages.done(), versions: versions.done() };
  },
};
