import type { StoredEvent } from '../../eventstore/types.ts';
import type { Command } from '../accounts/commands.ts';
import { decide } from '../accounts/decider.ts';
import { accountOf } from '../accounts/deciderState.ts';
import { isDomainError, type DomainErrorDetails } from '../errors.ts';
import { decisionsProjection, versionOf, type DecisionsState } from '../readModels/decisions.ts';
import { upcast } from '../schema/eventSchema.ts';
import { seededRandom } from '../random.ts';

/**
 * The events one command wrote, as this device recorded them before the
 * server had them: an account's opening (AccountOpened, EmailReserved and its
 * initial deposit), both halves of a transfer, a closing with its release, or
 * one event alone (a process manager's reaction among them).
 */
export interface PendingUnit {
  events: StoredEvent[];
  /** The command that wrote them; undefined for a reaction or an event this version does not know. */
  command?: Command;
}

/** A pending command decided again on top of what other devices recorded meanwhile. */
export type Verdict =
  | { unit: PendingUnit; outcome: 'applied'; events: StoredEvent[] }
  | { unit: PendingUnit; outcome: 'refused'; reason: Refusal };

/** Why a command was refused: the decider's code, sentence and details (what a screen words in the person's language). */
export type Refusal = { code: string; message: string; details?: DomainErrorDetails };

type Payload = Record<string, unknown>;
const payloadOf = (event: StoredEvent): Payload => (event.payload ?? {}) as Payload;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const INITIAL_DEPOSIT = 'Initial deposit';

/** Where an event belongs: events sharing a key were written by one command. */
function unitKey(event: StoredEvent, openedAt: Map<string, string>): string {
  const p = payloadOf(event);
  switch (event.type) {
    case 'TransferSent':
    case 'TransferReceived':
      return `transfer:${text(p.transferId)}`;
    case 'AccountOpened':
    case 'EmailReserved':
      return `open:${text(p.accountNumber)}`;
    case 'FundsAdded':
      // OpenAccount's deposit is recorded at the same moment as the opening, with its note.
      return p.note === INITIAL_DEPOSIT && openedAt.get(text(p.accountNumber)) === event.meta.at
        ? `open:${text(p.accountNumber)}`
        : `event:${event.meta.id}`;
    case 'AccountClosed':
    case 'EmailReleased':
      return `close:${text(p.accountNumber)}:${event.meta.at}`;
    default:
      return `event:${event.meta.id}`;
  }
}

/** The command a unit's events say was made, read back from them. */
function commandOf(events: readonly StoredEvent[]): Command | undefined {
  const first = events[0]!;
  const p = payloadOf(first);
  const account = text(p.accountNumber);
  const about = { ...(p.category !== undefined && { category: text(p.category) }), ...(p.note !== undefined && { note: text(p.note) }) };
  switch (first.type) {
    case 'AccountOpened':
    case 'EmailReserved': {
      const opened = events.find((e) => e.type === 'AccountOpened');
      if (!opened) return undefined;
      const o = payloadOf(opened);
      const deposit = events.find((e) => e.type === 'FundsAdded');
      return {
        type: 'OpenAccount',
        owner: text(o.owner),
        email: text(o.email),
        ...(deposit && { initialDeposit: payloadOf(deposit).amount as number }),
      };
    }
    case 'FundsAdded':
      return { type: 'AddFunds', account, amount: p.amount as number, ...about };
    case 'FundsWithdrawn':
      return { type: 'Withdraw', account, amount: p.amount as number, ...about };
    case 'TransferSent':
    case 'TransferReceived': {
      const sent = events.find((e) => e.type === 'TransferSent');
      if (!sent) return undefined;
      const s = payloadOf(sent);
      const sentAbout = { ...(s.category !== undefined && { category: text(s.category) }), ...(s.note !== undefined && { note: text(s.note) }) };
      return { type: 'Transfer', from: text(s.accountNumber), to: text(s.to), amount: s.amount as number, ...sentAbout };
    }
    case 'AccountVerified':
      return { type: 'VerifyAccount', account, code: '' };
    case 'AccountClosed':
    case 'EmailReleased':
      return { type: 'CloseAccount', account };
    case 'MessageSent':
      return { type: 'MarkMessageSent', account, messageId: text(p.messageId) };
    default:
      return undefined;
  }
}

/** A device's pending events, in the order it recorded them, as the commands (and reactions) that wrote them. */
export function pendingUnits(events: readonly StoredEvent[]): PendingUnit[] {
  const openedAt = new Map<string, string>();
  const units = new Map<string, StoredEvent[]>();
  for (const event of events) {
    if (event.type === 'AccountOpened') openedAt.set(text(payloadOf(event).accountNumber), event.meta.at);
    const key = unitKey(event, openedAt);
    const unit = units.get(key);
    if (unit) unit.push(event);
    else units.set(key, [event]);
  }
  return [...units.values()].map((unitEvents) => ({ events: unitEvents, command: commandOf(unitEvents) }));
}

/** The decider's verdict on a unit's command in `state`: undefined when it would be decided the same way now. */
function refusal(unit: PendingUnit, state: DecisionsState): Refusal | undefined {
  let command = unit.command;
  if (!command) return undefined;
  // The code a verification matched is not in its event: the one the account holds now stands in for it.
  if (command.type === 'VerifyAccount') command = { ...command, code: accountOf(state, command.account)?.verificationCode ?? '' };
  try {
    // The random draws (an account number, a transfer id) are not used: the unit keeps the events it wrote.
    decide(command, state, { random: seededRandom(1) });
    return undefined;
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message, details: error.details };
    throw error;
  }
}

/**
 * Decides a device's pending units again, in order, on `base` (the state of
 * every event the server holds): a unit the decider still accepts keeps its
 * events, ids and times, renumbered to follow what arrived; a refused one adds
 * nothing, and neither does a reaction to an event that was refused.
 */
export function redecide(base: DecisionsState, units: readonly PendingUnit[]): Verdict[] {
  let state = base;
  const refusedIds = new Set<string>();
  const verdicts: Verdict[] = [];
  for (const unit of units) {
    const cause = unit.events[0]!.meta.causationId;
    const reason =
      cause !== undefined && refusedIds.has(cause)
        ? { code: 'CAUSE_REFUSED', message: 'What this reacted to was refused, so it was not recorded.' }
        : refusal(unit, state);
    if (reason) {
      for (const event of unit.events) refusedIds.add(event.meta.id);
      verdicts.push({ unit, outcome: 'refused', reason });
      continue;
    }
    const events: StoredEvent[] = [];
    for (const event of unit.events) {
      const version = versionOf(state, event.meta.stream) + 1;
      const renumbered = { ...event, meta: { ...event.meta, version } };
      events.push(renumbered);
      state = decisionsProjection.apply(state, upcast(renumbered));
    }
    verdicts.push({ unit, outcome: 'applied', events });
  }
  return verdicts;
}
