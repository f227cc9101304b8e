import type { StoredEvent } from '../../eventstore/index.ts';
import type { Projection } from '../../replay/projection.ts';
import { isAccountEvent, isEmailEvent } from '../accounts/events.ts';
import {
  changesRow,
  copyRow,
  emailChange,
  evolve,
  initialState,
  isLedgerEvent,
  messageChange,
  openedRow,
  updateRow,
  type AccountRow,
  type DecisionState,
} from '../accounts/state.ts';
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
  // 2: compact account rows, holders and message statuses instead of records.
  version: 2,
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
    // Rows this page has copied: later events on the same account change the copy in place.
    const copied = new Set<AccountRow>();
    for (const event of events) {
      const stream = event.meta.stream;
      versions.set(stream, (versions.get(stream) ?? 0) + 1);
      if (isEmailEvent(event)) {
        emails.set(...emailChange(event));
        continue;
      }
      if (!isAccountEvent(event)) continue;
      const number = event.payload.accountNumber;
      if (event.type === 'AccountOpened') {
        const row = openedRow(event);
        accounts.set(number, row);
        copied.add(row);
        continue;
      }
      let row = accounts.get(number);
      if (!row) continue;
      if (changesRow(event)) {
        if (!copied.has(row)) {
          row = copyRow(row);
          accounts.set(number, row);
          copied.add(row);
        }
        updateRow(row, event);
      }
      const message = messageChange(event);
      if (message) messages.set(...message);
    }
    return { accounts: accounts.done(), emails: emails.done(), messages: messages.done(), versions: versions.done() };
  },
};
