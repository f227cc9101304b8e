import fc from 'fast-check';
import { expect, test } from 'vitest';
import { openEventStore, type JsonValue, type StoredEvent } from '../../../src/eventstore/index.ts';
import { accountStream, emailStream, ledgerProjections, listAccounts, sampleLedger, seededRandom, syntheticLedger, totalBalance, type AccountsState, type ReportsState, type TotalsState } from '../../../src/domain/index.ts';
import { appendGenerated } from '../../../src/app/parts.ts';
import { firstViolation } from '../../../src/domain/accounts/ledgerRules.ts';
import { foldAll, prepareBranch, splice, type Injection, type StatesOf } from '../../../src/replay/index.ts';
import { BranchRuleError } from '../../../src/app/errors.ts';
import { fold } from '../testLedger.ts';
import { createWhatIfBranch, type BranchPlan } from '../../../src/app/whatif/whatIfBranch.ts';

const STRANGER = '1234567812345678';

const change = fc.record({
  kind: fc.constantFrom('deposit', 'withdrawal', 'transfer', 'loneSent', 'close', 'verify', 'open', 'sent', 'reserve', 'release', 'note'),
  where: fc.nat(),
  account: fc.nat(),
  other: fc.nat(),
  amount: fc.integer({ min: 1, max: 400_000 }),
});
type Change = typeof change extends fc.Arbitrary<infer C> ? C : never;

/** A hypothetical change as injections: a transfer is its two halves, side by side, unless only one is wanted. */
function injectionsOf(c: Change, afterSeq: number, numbers: string[], n: number): Injection[] {
  const account = numbers[c.account % numbers.length]!;
  const other = numbers[c.other % numbers.length]!;
  const on = (accountNumber: string, type: string, payload: Record<string, JsonValue>): Injection => ({
    afterSeq,
    stream: accountStream(accountNumber),
    event: { type, payload: { accountNumber, ...payload } },
  });
  const transferId = `t-what-if-${n}`;
  const sent = on(account, 'TransferSent', { transferId, to: other, amount: c.amount });
  switch (c.kind) {
    case 'deposit':
      return [on(account, 'FundsAdded', { amount: c.amount })];
    case 'withdrawal':
      return [on(account, 'FundsWithdrawn', { amount: c.amount })];
    case 'transfer':
      return [sent, on(other, 'TransferReceived', { transferId, from: account, amount: c.amount })];
    case 'loneSent':
      return [sent];
    case 'close':
      return [on(account, 'AccountClosed', {})];
    case 'verify':
      return [on(account, 'AccountVerified', {})];
    case 'open':
      return [on(STRANGER, 'AccountOpened', { owner: 'Ana', email: 'ana@example.org' })];
    case 'sent':
      return [on(account, 'MessageSent', { messageId: `syn-${c.other % 3}-m${c.amount % 3}` })];
    case 'note':
      return [{ afterSeq, stream: 'notes', event: { type: 'Noted', payload: { text: 'an event of a type the domain does not know' } } }];
    default: {
      // An address some account of the ledger may hold, reserved or released.
      const email = `member${(c.other % 3) + 1}@synthetic.example.org`;
      const type = c.kind === 'reserve' ? 'EmailReserved' : 'EmailReleased';
      return [{ afterSeq, stream: emailStream(email), event: { type, payload: { email, accountNumber: account } } }];
    }
  }
}

/** What the real ledger keeps and every accepted branch must keep too. */
function expectInvariants(states: StatesOf, events: readonly StoredEvent[]) {
  const accounts = states.accounts as AccountsState;
  const totals = states.totals as TotalsState;
  expect(listAccounts(accounts).filter((a) => a.balance < 0)).toEqual([]);
  expect([totals.inSystem, (states.reports as ReportsState).inSystem]).toEqual([totalBalance(accounts), totalBalance(accounts)]);
  expect(totals.transferredOut).toBe(totals.transferredIn);
  const halves = new Map<unknown, string[]>();
  for (const e of events.filter((e) => e.type.startsWith('Transfer'))) {
    const id = (e.payload as { transferId: unknown }).transferId;
    halves.set(id, [...(halves.get(id) ?? []), e.type]);
  }
  for (const types of halves.values()) expect(types).toEqual(['TransferSent', 'TransferReceived']);
}

/** A few generated ledgers, each in its own log, opened once: the branches are what varies. */
async function logsOf(ledgers: readonly StoredEvent[][]) {
  return Promise.all(
    ledgers.map(async (events, i) => {
      const eventStore = await openEventStore({ name: `branch-properties-${i}` });
      await appendGenerated(eventStore, events);
      const numbers = events.filter((e) => e.type === 'AccountOpened').map((e) => (e.payload as { accountNumber: string }).accountNumber);
      return { events, eventStore, numbers: [...numbers, STRANGER], live: foldAll(ledgerProjections, events) };
    }),
  );
}

test('every branch the what-if accepts keeps every invariant of the real ledger, and every branch it refuses breaks a rule', async () => {
  const synthetic = (seed: number, accounts: number, events: number) => [...syntheticLedger({ accounts, events, seed, spanDays: 3 })];
  // The sample year adds closes, released addresses and messages marked sent.
  const sample = sampleLedger({ start: new Date(Date.UTC(2025, 0, 1)), random: seededRandom(3) });
  const logs = await logsOf([synthetic(1, 2, 25), synthetic(2, 3, 60), synthetic(3, 4, 90), synthetic(4, 3, 120), sample]);
  const seen = { accepted: 0, refused: 0 };
  await fc.assert(
    fc.asyncProperty(
      fc.nat({ max: logs.length - 1 }),
      fc.nat(),
      fc.array(fc.record({ pick: fc.nat(), whole: fc.boolean() }), { maxLength: 3 }),
      fc.array(change, { maxLength: 3 }),
      async (which, base, skipPicks, changes) => {
        const { events, eventStore, numbers, live } = logs[which]!;
        const basePoint = base % (events.length + 1);
        const later = events.length - basePoint;
        // Skips anywhere after the branch point; a transfer half taken whole or alone.
        const skip = new Set<number>();
        for (const { pick, whole } of later === 0 ? [] : skipPicks) {
          const seq = basePoint + 1 + (pick % later);
          skip.add(seq);
          const type = events[seq - 1]!.type;
          if (whole && type === 'TransferSent') skip.add(seq + 1);
          if (whole && type === 'TransferReceived' && seq - 1 > basePoint) skip.add(seq - 1);
        }
        const inject = changes.flatMap((c, i) => injectionsOf(c, basePoint + (c.where % (later + 1)), numbers, i));
        const plan: BranchPlan = { basePoint, skip: [...skip].sort((a, b) => a - b), inject };

        const branch = createWhatIfBranch({ eventStore, projections: ledgerProjections, live: () => ({ seq: events.length, states: live }) });
        const refused = await branch.open(plan).then(
          () => undefined,
          (error: unknown) => {
            if (error instanceof BranchRuleError) return error.violation;
            throw error;
          },
        );
        // The whole branch from the first event, judged on its own: the independent check.
        const { injected } = await prepareBranch(eventStore, 1, plan);
        const whole = splice(
          events.filter((e) => !skip.has(e.meta.seq)),
          injected,
        );
        const oracle = firstViolation(whole);
        if (refused) {
          seen.refused++;
          expect(oracle?.rule).toBe(refused.rule);
        } else {
          seen.accepted++;
          expect(oracle).toBeUndefined();
          const { states } = branch.getState().result!;
          // Injections share the seq of the event they follow: folded one by one, not by seq.
          expect(states).toEqual(fold(whole));
          expectInvariants(states, whole);
        }
      },
    ),
    { numRuns: 120 },
  );
  // Both kinds of branch were tried.
  expect(seen.accepted).toBeGreaterThan(5);
  expect(seen.refused).toBeGreaterThan(5);
  // A fixed number of runs of CPU-bound work: on a loaded machine it takes longer, and that is no failure.
}, 120_000);
