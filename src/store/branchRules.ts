import type { EventStore, StoredEvent } from '../eventstore/index.ts';
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

/** The real events the branch plays right before and right after each injection point: an injection between them may split a transfer. */
async function neighbours(store: EventStore, branch: Branch, skip: ReadonlySet<number>): Promise<StoredEvent[]> {
  const points = [...new Set(branch.injected.map((e) => Math.min(e.meta.seq, branch.toSeq)))];
  const found = await Promise.all(
    points.flatMap((seq) => [nearestLedgerEvent(store, seq, -1, branch.toSeq, skip), nearestLedgerEvent(store, seq + 1, 1, branch.toSeq, skip)]),
  );
  return found.filter((e): e is StoredEvent => e !== undefined);
}

/**
 * The first rule of the ledger (LedgerRules) a branch breaks, or undefined
 * when it keeps them all. Only what the branch changes is read: the streams
 * of its skipped and injected events and of the real events around each
 * injection, every account they name (both sides of a transfer), those
 * accounts' address streams, and the other half of each of their transfers.
 * Those are judged in play order, from each stream's first event; every other
 * account is not followed (LedgerRules' `follows`): its events are as the real
 * log has them, which keeps the rules, so it passes as it did there. Changes
 * on one account thus cost that account's streams, not a replay of the log.
 */
export async function branchViolation(store: EventStore, branch: Branch): Promise<BranchViolation | undefined> {
  const skip = new Set(branch.skipped);
  const skipped = await Promise.all(branch.skipped.map((seq) => eventAt(store, seq)));
  const touching = [...skipped.filter((e): e is StoredEvent => e !== undefined), ...branch.injected, ...(await neighbours(store, branch, skip))];
  const followed = new Set(touching.flatMap(accountsNamed));
  const streams = new Set([...touching.map((e) => e.meta.stream), ...[...followed].map(accountStream)]);
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

  // The other half of each transfer with an account not followed: the rules pair the halves.
  const halves = [...real.values()].flat().filter((e) => HALVES[e.type] && accountsNamed(e).some((n) => !followed.has(n)));
  const partners = await Promise.all(halves.map((e) => transferPartner(store, e)));

  const events = [...new Map([...real.values(), partners].flat().filter((e) => e !== undefined).map((e) => [e.meta.seq, e])).values()];
  events.sort((a, b) => a.meta.seq - b.meta.seq);
  const rules = new LedgerRules(undefined, (account) => followed.has(account));
  for (const event of splice(events, branch.injected)) {
    const violation = rules.admit(event);
    if (violation) return { ...violation, event, injected: branch.injected.includes(event) };
  }
  return rules.finish();
}
