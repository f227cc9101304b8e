import type { EventLog, JsonValue } from '../../eventstore/index.ts';
import { accountStream, decide, foldEvents, parseCommand, schemaMeta, streamOf } from '../../domain/index.ts';
import { cryptoRandom } from '../systemSources.ts';
import { branchStreamEvents, HYPOTHETICAL_ID_PREFIX, type Injection, type WhatIfResult } from '../../replay/index.ts';

export type InjectKind = 'withdrawal' | 'deposit';

export interface InjectDraft {
  kind: InjectKind;
  account: string;
  cents: number;
  note: string;
  /**
   * Where it goes: right after a real event (0: before the first, dated as the
   * event it follows), or at a time, recorded then, right after the last event
   * recorded at or before it.
   */
  place: { afterSeq: number } | { at: string };
}

/** A fresh id marked as hypothetical, so the event log can tell injected events apart. */
export function hypotheticalId(seed: string = crypto.randomUUID()): string {
  return `${HYPOTHETICAL_ID_PREFIX}${seed}`.slice(0, 200);
}

/** What building an injection reads of the log. */
type InjectionLog = Pick<EventLog, 'readAll' | 'readStream' | 'seqAtTime'>;

/** When the event at `seq` was recorded; the first event's time for 0. */
async function timeAfter(eventStore: InjectionLog, seq: number): Promise<string> {
  const [event] = await eventStore.readAll({ fromSeq: Math.max(1, seq), limit: 1 });
  return event?.meta.at ?? new Date().toISOString();
}

/** Where a draft's event goes and when it happens: by time, after the last event at or before it (within the branch). */
async function placeOf(eventStore: InjectionLog, result: WhatIfResult, place: InjectDraft['place']): Promise<{ afterSeq: number; at: string }> {
  if ('afterSeq' in place) return { afterSeq: place.afterSeq, at: await timeAfter(eventStore, place.afterSeq) };
  const time = new Date(place.at);
  if (Number.isNaN(time.getTime())) throw new RangeError('Choose a date and time for the event.');
  return { afterSeq: Math.min(await eventStore.seqAtTime(time), result.toSeq), at: time.toISOString() };
}

/**
 * Builds the hypothetical event for an inject form by running the very command
 * it stands for (Withdraw, AddFunds) through the domain's decider against the
 * account as the branch has it at that point: real events before the branch,
 * then the branch's own up to `afterSeq`. So an injected withdrawal is refused,
 * with the domain's own words, where the account would not yet exist, not be
 * verified, or not hold the amount. Throws DomainError; resolves to the injection.
 */
export async function buildInjection(eventStore: InjectionLog, result: WhatIfResult, draft: InjectDraft): Promise<Injection> {
  const note = draft.note.trim() === '' ? {} : { note: draft.note };
  const command = parseCommand(
    draft.kind === 'withdrawal'
      ? { type: 'Withdraw', account: draft.account, amount: draft.cents, ...note }
      : { type: 'AddFunds', account: draft.account, amount: draft.cents, ...note },
  );
  if (command.type !== 'Withdraw' && command.type !== 'AddFunds') throw new Error('Only deposits and withdrawals are injected.');
  const { afterSeq, at } = await placeOf(eventStore, result, draft.place);
  const stream = accountStream(command.account);
  const real = (await eventStore.readStream(stream)).filter((e) => e.meta.seq < result.fromSeq && e.meta.seq <= afterSeq);
  const inBranch = (await branchStreamEvents(eventStore, result, stream)).filter((e) => e.meta.seq <= afterSeq);
  const [event] = decide(command, foldEvents([...real, ...inBranch]), { random: cryptoRandom });
  if (!event) throw new Error('The command decided no event.');
  return {
    afterSeq,
    stream: streamOf(event),
    event: {
      type: event.type,
      payload: event.payload as unknown as JsonValue,
      meta: { id: hypotheticalId(), at, ...schemaMeta(event.type) },
    },
  };
}
