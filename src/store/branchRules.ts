import type { EventStore, JsonValue, StoredEvent } from '../eventstore/index.ts';
import { accountNumberOfStream, accountStream, emailStream, isLedgerEvent, LedgerRules, type RuleViolation } from '../domain/index.ts';
import { eventAt, splice, type Injection, type PreparedBranch } from '../replay/index.ts';

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

/**
 * The nearest real event in the ledger's sense from `seq` on, stepping by
 * `step`: events of types the domain does not know, and those in `skip`, are
 * passed over, as the rules pass over them.
 */
async function nearestLedgerEvent(
  store: EventStore,
  seq: number,
  step: 1 | -1,
  toSeq: number,
  skip: ReadonlySet<number> = new Set(),
): Promise<StoredEvent | undefined> {
  for (let at = seq; at >= 1 && at <= toSeq; at += step) {
    if (skip.has(at)) continue;
    const event = await eventAt(store, at);
    if (!event || isLedgerEvent(event)) return event;
  }
  return undefined;
}

/** The other half of a real transfer half: the ledger event right after (or before) it, of the same transfer. */
export async function transferPartner(store: EventStore, event: StoredEvent): Promise<StoredEvent | undefined> {
  const half = HALVES[event.type];
  if (!half) return undefined;
  const other = await nearestLedgerEvent(store, event.meta.seq + half.step, half.step, Number.MAX_SAFE_INTEGER);
  return other?.type === half.partner && field(other, 'transferId') === field(event, 'transferId') ? other : undefined;
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
 * A real transfer half with the other half the log holds right beside it,
 * written as the decider writes the pair. Used for a half whose other half was
 * not read: on an account not followed, with no injection between the halves
 * (the events around an injection are read), so in a log that keeps the rules
 * the log's own other half is exactly this. Reading it would cost a read per
 * transfer.
 */
function withOtherHalf(event: StoredEvent): StoredEvent[] {
  const sent = event.type === 'TransferSent';
  const { accountNumber, to, from, ...rest } = event.payload as Record<string, JsonValue>;
  const other = String(sent ? to : from);
  const payload = { accountNumber: other, ...rest, [sent ? 'from' : 'to']: accountNumber! };
  const half: StoredEvent = { type: HALVES[event.type]!.partner, payload, meta: { ...event.meta, stream: accountStream(other) } };
  return sent ? [event, half] : [half, event];
}

/** The real ledger events the branch plays right before and right after each injection point: an injection between them may split a transfer. */
async function neighbours(store: EventStore, branch: Branch, skip: ReadonlySet<number>): Promise<StoredEvent[]> {
  const points = [...new Set(branch.injected.map((e) => Math.min(e.meta.seq, branch.toSeq)))];
  const found = await Promise.all(
    points.flatMap((seq) => [nearestLedgerEvent(store, seq, -1, branch.toSeq, skip), nearestLedgerEvent(store, seq + 1, 1, branch.toSeq, skip)]),
  );
  return found.filter((e): e is StoredEvent => e !== undefined);
}

/**
 * The first rule of the ledger (LedgerRules) a branch breaks, or undefined
 * when it keeps them all. Only what the branch changes is read: the streams of
 * its skipped and injected events, every account they name (both sides of a
 * transfer) with its address streams, and the real events right around each
 * injection (an injection may split a transfer; an address event there brings
 * its whole stream). Those are judged in play order, from each stream's first
 * event; every other account is not followed (LedgerRules' `follows`): its
 * events are as the real log has them, which keeps the rules, so they pass as
 * they did there. A change on one account costs that account's streams, not a
 * replay of the log.
 */
export async function branchViolation(store: EventStore, branch: Branch): Promise<BranchViolation | undefined> {
  const skip = new Set(branch.skipped);
  const [skipped, around] = await Promise.all([Promise.all(branch.skipped.map((seq) => eventAt(store, seq))), neighbours(store, branch, skip)]);
  const changes = [...skipped.filter((e): e is StoredEvent => e !== undefined), ...branch.injected];
  const followed = new Set(changes.flatMap(accountsNamed));
  const streams = new Set([...changes.map((e) => e.meta.stream), ...[...followed].map(accountStream)]);
  for (const stream of streams) {
    const number = accountNumberOfStream(stream);
    if (number) followed.add(number);
  }
  for (const e of around) if (!accountNumberOfStream(e.meta.stream)) streams.add(e.meta.stream);

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
  const read = [...new Map([...real.values(), around].flat().map((e) => [e.meta.seq, e])).values()].sort((a, b) => a.meta.seq - b.meta.seq);
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
