import { LedgerRules } from '../../src/domain/accounts/ledgerRules.ts';
import { isLedgerEvent } from '../../src/domain/accounts/deciderState.ts';
import { accountNumberOfStream, accountStream } from '../../src/domain/accounts/streams.ts';
import type { CommitJudge, WireEvent } from '../store/types.ts';

const PARTNER: Readonly<Record<string, string>> = { TransferSent: 'TransferReceived', TransferReceived: 'TransferSent' };

const field = (event: WireEvent, name: string): unknown => (event.payload as Record<string, unknown> | null)?.[name];

/**
 * The ledger's rules (the domain's LedgerRules) over a commit: the stored events of the
 * streams it touches, then its own. Only the accounts of those streams are followed; a
 * stored transfer half whose other account is not read gets its other half beside it, as
 * the decider wrote the pair, so it pairs without reading that account.
 */
export const judgeCommit: CommitJudge = (commit, touched) => {
  const followed = new Set<string>();
  for (const { event } of [...touched, ...commit.events.map((event) => ({ event }))]) {
    const number = accountNumberOfStream(event.meta.stream);
    if (number) followed.add(number);
  }
  const rules = new LedgerRules(undefined, (account) => followed.has(account));
  const halvesRead = new Set(touched.filter(({ event }) => PARTNER[event.type]).map(({ event }) => `${event.type}/${String(field(event, 'transferId'))}`));
  for (const { event } of touched) {
    // Stored events kept the rules when they came in; they only set the scene here.
    for (const e of withUnreadHalf(event, halvesRead, followed)) rules.admit(e);
  }
  for (const [eventIndex, event] of commit.events.entries()) {
    const violation = rules.admit(event);
    if (violation) return { message: violation.message, eventIndex };
  }
  const open = rules.finish();
  return open && { message: open.message, eventIndex: commit.events.length - 1 };
};

/** A stored transfer half, and beside it its other half when that is on an account not read. */
function withUnreadHalf(event: WireEvent, halvesRead: Set<string>, followed: Set<string>): WireEvent[] {
  const partner = PARTNER[event.type];
  if (!partner || !isLedgerEvent(event) || halvesRead.has(`${partner}/${String(field(event, 'transferId'))}`)) return [event];
  const sent = event.type === 'TransferSent';
  const { accountNumber, to, from, ...rest } = event.payload as Record<string, WireEvent['payload']>;
  const other = String(sent ? to : from);
  if (followed.has(other)) return [event];
  const payload = { accountNumber: other, ...rest, [sent ? 'from' : 'to']: accountNumber! };
  const half: WireEvent = { type: partner, payload, meta: { ...event.meta, stream: accountStream(other) } };
  return sent ? [event, half] : [half, event];
}
