import type { StoredEvent } from '../../eventstore/index.ts';
import type { Projection } from '../../replay/projection.ts';
import { ACCOUNT_EVENT_TYPES } from '../accounts/events.ts';
import { isStreamOfAccount } from '../accounts/streams.ts';
import { readerVersion } from '../schema/eventSchema.ts';

/**
 * What a what-if branch must know about the log before it re-folds only the
 * accounts a change touches instead of replaying everything after it: that
 * event times never go back (so a day's events are one run of seqs, and a
 * change moves every day after it by its amount), and that every account event
 * sits on its account's stream with a positive whole amount, as the deciders
 * write them. A log imported from elsewhere may break either; its branches are
 * then replayed, which is slower but always right.
 */
export type WhatIfGuardState = {
  /** When the newest event was recorded ('' before the first). */
  lastAt: string;
  /** The newest seq recorded earlier than the event before it; 0 when times never went back. */
  unorderedSeq: number;
  /** The newest seq of an account event off its account's stream or with an amount that is not a positive whole number; 0 when none. */
  irregularSeq: number;
};

/** Per account event type, whether it moves money (and must carry a positive whole amount). */
const MOVES_MONEY = new Map<string, boolean>(ACCOUNT_EVENT_TYPES.map((type) => [type, false]));
for (const type of ['FundsAdded', 'FundsWithdrawn', 'TransferSent', 'TransferReceived', 'WithdrawalMessageQueued']) MOVES_MONEY.set(type, true);

/** Whether an account event is one a branch can re-fold by its account's stream alone. */
export function isRegularAccountEvent(event: StoredEvent): boolean {
  // One look-up per event, in the fold of every event of the log.
  const money = MOVES_MONEY.get(event.type);
  if (money === undefined) return true;
  const payload = event.payload as { accountNumber?: unknown; amount?: unknown };
  // An imported log's payloads are not checked: the number is compared as accountStream() would write it.
  if (!isStreamOfAccount(event.meta.stream, String(payload.accountNumber))) return false;
  return !money || (Number.isSafeInteger(payload.amount) && (payload.amount as number) > 0);
}

function foldGuard(state: WhatIfGuardState, events: readonly StoredEvent[]): WhatIfGuardState {
  let { lastAt, unorderedSeq, irregularSeq } = state;
  for (const event of events) {
    const { at, seq } = event.meta;
    if (at < lastAt) unorderedSeq = seq;
    if (!isRegularAccountEvent(event)) irregularSeq = seq;
    lastAt = at;
  }
  const same = lastAt === state.lastAt && unorderedSeq === state.unorderedSeq && irregularSeq === state.irregularSeq;
  return same ? state : { lastAt, unorderedSeq, irregularSeq };
}

export const whatIfGuardProjection: Projection<WhatIfGuardState> = {
  name: 'whatIfGuard',
  version: readerVersion(1),
  initial: { lastAt: '', unorderedSeq: 0, irregularSeq: 0 },
  apply: (state, event) => foldGuard(state, [event]),
  // One state per batch rather than one per event: the time moves on with nearly every event.
  applyMany: foldGuard,
};
