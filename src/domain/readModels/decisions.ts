import type { StoredEvent } from '../../eventstore/index.ts';
import type { Projection } from '../../replay/projection.ts';
import { isAccountEvent, isEmailEvent, type AccountEvent, type EmailEvent } from '../accounts/events.ts';
import {
  CHANGED_BY_NEWER_VERSION,
  copyRow,
  emailChange,
  initialState,
  messageChange,
  openedRow,
  ROW_VERSION,
  updateRow,
  type AccountRow,
  type DeciderState,
} from '../accounts/deciderState.ts';
import { accountNumberOfStream, accountStream, isStreamOfAccount } from '../accounts/streams.ts';
import { emptyMap, MapDraft, mapGet, mapSet, type PersistentMap } from '../structures/persistentMap.ts';
import { isNewerEvent, readerVersion } from '../schema/eventSchema.ts';

/**
 * The state of the decisions read model, what the command handler decides on,
 * kept in the memory image: the decider's state (DeciderState) plus every
 * stream's version (the expected version of the next append to it). Commands
 * thus read no stream.
 */
export type DecisionsState = DeciderState & {
  /**
   * How many events each stream holds, for the streams no account row counts:
   * an account's stream is counted in its row (ROW_VERSION) once the account is
   * opened, here before that. Events of unknown types count too.
   */
  versions: PersistentMap<number>;
};

/** The number of events `stream` holds in this state; 0 when it has none. */
export function versionOf(state: DecisionsState, stream: string): number {
  // Once its account is opened, an account stream's events are counted in the account's row.
  const number = accountNumberOfStream(stream);
  const row = number === undefined ? undefined : mapGet(state.accounts, number);
  return row ? row[ROW_VERSION] : (mapGet(state.versions, stream) ?? 0);
}

/** A map being written: a batch's draft, or the map itself path-copied for a single event. */
interface Writable<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  done(): PersistentMap<V>;
}

class PathCopy<V> implements Writable<V> {
  constructor(private map: PersistentMap<V>) {}
  get(key: string): V | undefined {
    return mapGet(this.map, key);
  }
  set(key: string, value: V): void {
    this.map = mapSet(this.map, key, value);
  }
  done(): PersistentMap<V> {
    return this.map;
  }
}

type Open = <V>(map: PersistentMap<V>) => Writable<V>;

/**
 * Folds events through writable copies of the maps: one fold for `apply` and
 * `applyMany`, so the two cannot drift apart. Rows are copied once per call and
 * then changed in place.
 */
function fold(state: DecisionsState, events: readonly StoredEvent[], open: Open): DecisionsState {
  const accounts = open(state.accounts);
  const emails = open(state.emails);
  const messages = open(state.messages);
  const versions = open(state.versions);
  const copied = new Set<AccountRow>();

  const writable = (number: string, row: AccountRow): AccountRow => {
    if (copied.has(row)) return row;
    const copy = copyRow(row);
    accounts.set(number, copy);
    copied.add(copy);
    return copy;
  };

  /** The account's row after the event, writable; undefined when the account was never opened. */
  const accountRow = (event: AccountEvent): AccountRow | undefined => {
    const number = event.payload.accountNumber;
    const before = accounts.get(number);
    if (event.type === 'AccountOpened') {
      // A second opening starts the account afresh, its stream's count goes on.
      const row = openedRow(event, before ? before[ROW_VERSION] : (versions.get(accountStream(number)) ?? 0));
      accounts.set(number, row);
      copied.add(row);
      return row;
    }
    if (!before) return undefined;
    const row = writable(number, before);
    updateRow(row, event);
    const message = messageChange(event);
    if (message) messages.set(...message);
    return row;
  };

  for (const event of events) {
    const stream = event.meta.stream;
    // Schema 1 is never newer than a known type: only a stamped event costs the second lookup.
    const newer = event.meta.schema === undefined ? !isAccountEvent(event) && !isEmailEvent(event) : isNewerEvent(event);
    if (newer) {
      // Recorded by a newer version: counted in its stream, and its account takes no more commands here.
      const number = accountNumberOfStream(stream);
      const row = number === undefined ? undefined : accounts.get(number);
      if (row) {
        const changed = writable(number!, row);
        changed[0] |= CHANGED_BY_NEWER_VERSION;
        changed[ROW_VERSION] += 1;
      } else versions.set(stream, (versions.get(stream) ?? 0) + 1);
      continue;
    }
    if (isAccountEvent(event)) {
      const row = accountRow(event);
      // Nearly every event: one on its own account's stream, counted in the row it just wrote.
      if (row && isStreamOfAccount(stream, event.payload.accountNumber)) {
        row[ROW_VERSION] += 1;
        continue;
      }
    } else emails.set(...emailChange(event as unknown as EmailEvent));
    // Counted rather than read from meta.version: a what-if branch plays injected events that carry no version.
    const number = accountNumberOfStream(stream);
    const row = number === undefined ? undefined : accounts.get(number);
    if (row) writable(number!, row)[ROW_VERSION] += 1;
    else versions.set(stream, (versions.get(stream) ?? 0) + 1);
  }
  return { accounts: accounts.done(), emails: emails.done(), messages: messages.done(), versions: versions.done() };
}

const pathCopy: Open = (map) => new PathCopy(map);
// A batch's writes go to drafts of the maps, so each touched node is copied once per batch, not once per event.
const draft: Open = (map) => new MapDraft(map);

export const decisionsProjection: Projection<DecisionsState> = {
  name: 'decisions',
  // 4: accounts changed by a newer version of Rewind are flagged in their rows.
  version: readerVersion(4),
  initial: { ...initialState(), versions: emptyMap() },
  apply: (state, event) => fold(state, [event], pathCopy),
  applyMany: (state, events) => (events.length === 0 ? state : fold(state, events, draft)),
};
