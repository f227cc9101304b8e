import type { StoredEvent } from '../../src/eventstore/index.ts';
import { accountStream, sampleLedger, seededRandom } from '../../src/domain/index.ts';

/**
 * Files that are well formed in every way the format checks (header, digest,
 * seqs, stream versions, ids) but whose events break the ledger's rules: each
 * built from a valid ledger by one change.
 */

/** A real year of the sample household, exactly as an export would hold it. */
export function validLedger(seed = 1): StoredEvent[] {
  return sampleLedger({ start: new Date('2025-01-01T00:00:00.000Z'), random: seededRandom(seed) });
}

/** Seqs and stream versions renumbered after events were changed, dropped or added, so only the rules can object. */
export function renumbered(events: readonly StoredEvent[]): StoredEvent[] {
  const versions = new Map<string, number>();
  return events.map((event, i) => {
    const version = (versions.get(event.meta.stream) ?? 0) + 1;
    versions.set(event.meta.stream, version);
    return { ...event, meta: { ...event.meta, seq: i + 1, version } };
  });
}

type Payload = Record<string, unknown>;
const payloadOf = (event: StoredEvent) => event.payload as Payload;
const withPayload = (event: StoredEvent, payload: unknown): StoredEvent => ({ ...event, payload: payload as StoredEvent['payload'] });

const MOVES = new Set(['FundsAdded', 'FundsWithdrawn', 'TransferSent', 'TransferReceived']);
const HALVES = new Set(['TransferSent', 'TransferReceived']);
const NEVER_OPENED = '9000000000000001';

export interface Hostility {
  name: string;
  /** Whether the change applies to this event. */
  applies(event: StoredEvent): boolean;
  /** The log with event `at` changed (before renumbering). */
  change(events: readonly StoredEvent[], at: number): StoredEvent[];
}

const replaceAt = (events: readonly StoredEvent[], at: number, ...by: StoredEvent[]) => [...events.slice(0, at), ...by, ...events.slice(at + 1)];

/** Each change the issue found imported, and its relatives. */
export const HOSTILITIES: readonly Hostility[] = [
  {
    name: 'an amount with its sign flipped',
    applies: (e) => MOVES.has(e.type),
    change: (events, at) => replaceAt(events, at, withPayload(events[at]!, { ...payloadOf(events[at]!), amount: -Number(payloadOf(events[at]!).amount) })),
  },
  {
    name: 'an amount written as text',
    applies: (e) => MOVES.has(e.type),
    change: (events, at) => replaceAt(events, at, withPayload(events[at]!, { ...payloadOf(events[at]!), amount: String(payloadOf(events[at]!).amount) })),
  },
  {
    name: 'a null payload',
    applies: () => true,
    change: (events, at) => replaceAt(events, at, withPayload(events[at]!, null)),
  },
  {
    name: 'one half of a transfer dropped',
    applies: (e) => HALVES.has(e.type),
    change: (events, at) => replaceAt(events, at),
  },
  {
    name: 'an account that was never opened',
    applies: (e) => typeof (e.payload as Payload | null)?.accountNumber === 'string' && e.meta.stream.startsWith('account-'),
    change: (events, at) => {
      const event = events[at]!;
      return replaceAt(events, at, {
        ...withPayload(event, { ...payloadOf(event), accountNumber: NEVER_OPENED }),
        meta: { ...event.meta, stream: accountStream(NEVER_OPENED) },
      });
    },
  },
  {
    name: 'a withdrawal of more than the account holds',
    applies: (e) => e.meta.stream.startsWith('account-') && typeof (e.payload as Payload | null)?.accountNumber === 'string',
    change: (events, at) => {
      const event = events[at]!;
      const accountNumber = payloadOf(event).accountNumber;
      const overdraw: StoredEvent = {
        type: 'FundsWithdrawn',
        payload: { accountNumber, amount: 900_000_000_000 } as StoredEvent['payload'],
        meta: { ...event.meta, id: `${event.meta.id}-overdraw` },
      };
      return [...events.slice(0, at + 1), overdraw, ...events.slice(at + 1)];
    },
  },
  {
    name: 'a deposit into a closed account',
    applies: (e) => e.type === 'AccountClosed',
    change: (events, at) => {
      const closed = events[at]!;
      const deposit: StoredEvent = {
        type: 'FundsAdded',
        payload: { accountNumber: payloadOf(closed).accountNumber, amount: 100 } as StoredEvent['payload'],
        meta: { ...closed.meta, id: `${closed.meta.id}-late-deposit` },
      };
      return [...events.slice(0, at + 1), deposit, ...events.slice(at + 1)];
    },
  },
];

export function hostility(name: string): Hostility {
  const found = HOSTILITIES.find((h) => h.name === name);
  if (!found) throw new Error(`No hostility named ${name}`);
  return found;
}

/** A hostile log: the valid one with `hostility` applied to the first event it applies to from `from` on. */
export function hostileLog(events: readonly StoredEvent[], change: Hostility, from = 0): { events: StoredEvent[]; at: number } {
  const at = events.findIndex((e, i) => i >= from && change.applies(e));
  if (at < 0) throw new Error(`No event from ${from} on takes "${change.name}"`);
  return { events: renumbered(change.change(events, at)), at };
}
