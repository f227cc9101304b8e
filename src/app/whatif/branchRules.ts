import type { EventStore, JsonValue, StoredEvent } from '../../eventstore/index.ts';
import { accountNumberOfStream, accountStream, emailStream, isLedgerEvent } from '../../domain/index.ts';
import { LedgerRules, type RuleViolation } from '../../domain/accounts/ledgerRules.ts';
import { eventAt, splice, type Injection, type PreparedBranch } from '../../replay/index.ts';

/** A rule a branch breaks, and where. */
export interface BranchViolation extends RuleViolation {
  /** The event that breaks it (an injected one carries the seq it follows); none when the branch ends with a transfer half done. */
  event?: StoredEvent;
  injected?: boolean;
}

type Branch = Pick<PreparedBranch, 'toSeq' | 'skipped' | 'injected'>;

const HALVES: Readonly<Record<string, { partner: string; step: 1 | -1 }>> = {
  TransferSent: { partner: 'TransferReceived', step: 1 },
  TransferReceived: { partner: 'TransferSent', step: -1 },
};

const field = (event: { payload?: unknown }, name: string): unknown => (event.payload as Record<string, unknown> | null | undefined)?.[name];

/** The accounts an event is about: its own, and for a transfer half the other side's. */
function accountsNamed(event: StoredEvent): string[] {
  if (!isLedgerEvent(event)) return [];
  return ['accountNumber', 'to', 'from'].map((name) => field(event, name)).filter((n): n is string => typeof n === 'string');
}

/** The other half of a real transfer half: on the other account's stream, with the same transfer id (a commit of several commands puts other events between the halves). */
export async function transferPartner(store: EventStore, event: StoredEvent): Promise<StoredEvent | undefined> {
  const half = HALVES[event.type];
  const other = field(event, event.type === 'TransferSent' ? 'to' : 'from');
  if (!half || typeof other !== 'string') return undefined;
  const transferId = field(event, 'transferId');
  return (await store.readStream(accountStream(other))).find((e) => e.type === half.partner && field(e, 'transferId') === transferId);
}

/** Where the other half of the transfer injected at `index` is in the list (halves are injected side by side), if it is there. */
export function injectedPartner(inject: readonly Injection[], index: number): number | undefined {
  const event = inject[index]?.event;
  const half = event && HALVES[event.type];
  if (!half) return undefined;
  const other = inject[index + half.step]?.event;
  return other?.type === half.partner && field(other, 'transferId') === field(event, 'transferId') ? index + half.step : undefined;
}

/**
 * A real transfer half with its other half beside it, written as the decider
 * writes the pair. Used for a half whose other half was not read (it is on an
 * account not followed): in a log that keeps the rules the log's own other half
 * matches it, and the rules do not ask where it stands. Reading it would cost a
 * read per transfer.
 */
function withOtherHalf(event: StoredEvent): StoredEvent[] {
  const sent = event.type === 'TransferSent';
  const { accountNumber, to, from, ...rest } = event.payload as Record<string, JsonValue>;
  const other = String(sent ? to : from);
  const payload = { accountNumber: other, ...rest, [sent ? 'from' : 'to']: accountNumber! };
  const half: StoredEvent = { type: HALVES[event.type]!.partner, payload, meta: { ...event.meta, stream: accountStream(other) } };
  return sent ? [event, half] : [half, event];
}

/**
 * The first rule of the ledger (LedgerRules) a branch breaks, or undefined
 * when it keeps them all. Only what the branch changes is read: the streams of
 * its skipped and injected events, and every account they name (both sides of
 * a transfer) with its address streams. Those are judged in play order, from each stream's first
 * event; every other account is not followed (LedgerRules' `follows`): its
 * events are as the real log has them, which keeps the rules, so they pass as
 * they did there. A change on one account costs that account's streams, not a
 * replay of the log.
 */
export async function branchViolation(store: EventStore, branch: Branch): Promise<BranchViolation | undefined> {
  const skip = new Set(branch.skipped);
  const skipped = await Promise.all(branch.skipped.map((seq) => eventAt(store, seq)));
  const changes = [...skipped.filter((e): e is StoredEvent => e !== undefined), ...branch.injected];
  const followed = new Set(changes.flatMap(accountsNamed));
  const streams = new Set([...changes.map((e) => e.meta.stream), ...[...followed].map(accountStream)]);
  for (const stream of streams) {
    const number = accountNumberOfStream(stream);
    if (number) followed.add(number);
  }

  const kept = async (stream: string) => (await store.readStream(stream)).filter((e) => e.meta.seq <= branch.toSeq && !skip.has(e.meta.seq));
  const real = new Map<string, StoredEvent[]>(await Promise.all([...streams].map(async (s) => [s, await kept(s)] as const)));
  // The address streams of the accounts followed, as each opening (real or injected) names them.
  const addresses = [...real.values(), branch.injected]
    .flat()
    .filter((e) => e.type === 'AccountOpened' && followed.has(String(field(e, 'accountNumber'))) && typeof field(e, 'email') === 'string')
    .map((e) => emailStream(field(e, 'email') as string))
    .filter((s) => !real.has(s));
  for (const [s, events] of await Promise.all(addresses.map(async (s) => [s, await kept(s)] as const))) real.set(s, events);

  // The real events read, in seq order; a transfer half with an account not followed beside its other half, when that was not read.
  const read = [...new Map([...real.values()].flat().map((e) => [e.meta.seq, e])).values()].sort((a, b) => a.meta.seq - b.meta.seq);
  const halvesRead = new Set(read.filter((e) => HALVES[e.type]).map((e) => `${e.type}/${String(field(e, 'transferId'))}`));
  const events = read.flatMap((e) => {
    const half = HALVES[e.type];
    const unread = half && !halvesRead.has(`${half.partner}/${String(field(e, 'transferId'))}`);
    return unread && accountsNamed(e).some((n) => !followed.has(n)) ? withOtherHalf(e) : [e];
  });
  const rules = new LedgerRules(undefined, (account) => followed.has(account));
  for (const event of splice(events, branch.injected)) {
    const violation = rules.admit(event);
    if (violation) return { ...violation, event, injected: branch.injected.includes(event) };
  }
  return rules.finish();
}
