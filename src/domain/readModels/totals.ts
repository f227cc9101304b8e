import { DamagedEventError } from '../../lib/damagedEventError.ts';
import type { Projection } from '../../replay/projection.ts';
import { asAccountEvent } from './ledgerEvent.ts';
import { isNewerEvent, readerVersion } from '../schema/eventSchema.ts';

/**
 * The ledger's control totals, in cents. Money enters only by deposit and leaves
 * only by withdrawal, so `inSystem` = deposited - withdrawn must equal the sum of
 * all balances, and `transferredOut` must equal `transferredIn`.
 */
export type TotalsState = {
  deposited: number;
  withdrawn: number;
  transferredOut: number;
  transferredIn: number;
  inSystem: number;
  accountsOpened: number;
  accountsClosed: number;
  /** Events recorded by a newer version of Rewind: kept in the log, not read here. */
  newerEvents: number;
};

export const totalsProjection: Projection<TotalsState> = {
  name: 'totals',
  // 2: counts events recorded by a newer version.
  version: readerVersion(2),
  initial: {
    deposited: 0,
    withdrawn: 0,
    transferredOut: 0,
    transferredIn: 0,
    inSystem: 0,
    accountsOpened: 0,
    accountsClosed: 0,
    newerEvents: 0,
  },
  apply(state, stored) {
    const event = asAccountEvent(stored);
    if (!event) return isNewerEvent(stored) ? { ...state, newerEvents: state.newerEvents + 1 } : state;
    const next = { ...state };
    return count(next, event) ? next : state;
  },
  applyMany(state, events) {
    const totals = { ...state };
    let changed = false;
    for (const stored of events) {
      const event = asAccountEvent(stored);
      if (event ? count(totals, event) : isNewerEvent(stored) && ++totals.newerEvents > 0) changed = true;
    }
    return changed ? totals : state;
  },
};

type AccountEventOf = NonNullable<ReturnType<typeof asAccountEvent>>;

/**
 * The amount of a money event. The log is trusted to keep the rules, but a
 * stored record changed on disk may not (one without a checksum): an amount
 * that is not a whole number of cents above zero would turn totals and
 * balances into NaN, fractions or negative money, so the replay stops there,
 * naming the event.
 */
function amountOf(event: Extract<AccountEventOf, { payload: { amount: number } }>): number {
  const { amount } = event.payload as { amount: unknown };
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0)
    throw new DamagedEventError(event.meta.seq, { cause: new Error(`its amount is ${JSON.stringify(amount) ?? 'missing'}, not a whole number of cents above zero`) });
  return amount;
}

/** Adds one event to `totals`, a copy owned by the caller; false when the event is not counted. */
function count(totals: TotalsState, event: AccountEventOf): boolean {
  switch (event.type) {
    case 'FundsAdded': {
      const amount = amountOf(event);
      totals.deposited += amount;
      totals.inSystem += amount;
      return true;
    }
    case 'FundsWithdrawn': {
      const amount = amountOf(event);
      totals.withdrawn += amount;
      totals.inSystem -= amount;
      return true;
    }
    case 'TransferSent':
      totals.transferredOut += amountOf(event);
      return true;
    case 'TransferReceived':
      totals.transferredIn += amountOf(event);
      return true;
    case 'AccountOpened':
      totals.accountsOpened += 1;
      return true;
    case 'AccountClosed':
      totals.accountsClosed += 1;
      return true;
    default:
      return false;
  }
}
