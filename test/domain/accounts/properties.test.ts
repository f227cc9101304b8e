import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { StoredEvent } from '../../../src/eventstore/index.ts';
import {
  accountOf,
  allAccounts,
  decisionsProjection,
  getAccount,
  ledgerProjections,
  listAccounts,
  seededRandom,
  totalBalance,
  totalsProjection,
  versionOf,
  type AccountsState,
  type DecisionsState,
  type TotalsState,
} from '../../../src/domain/index.ts';
import { createLedgerBuilder } from '../../../src/domain/sample/ledgerBuilder.ts';
import { fold, openLedger } from '../../app/testLedger.ts';
import { freshIndexedDb } from '../../support/freshIndexedDb.ts';

const amount = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 150_000 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(0, -5, 1.5, Number.NaN, '12', 1e13, null) },
);
const who = fc.nat({ max: 7 });
const step = fc.oneof(
  fc.record({ kind: fc.constant('open' as const), who, deposit: fc.option(amount, { nil: undefined }) }),
  fc.record({ kind: fc.constant('add' as const), who, amount }),
  fc.record({ kind: fc.constant('withdraw' as const), who, amount }),
  fc.record({ kind: fc.constant('transfer' as const), who, to: who, amount }),
  fc.record({ kind: fc.constant('verify' as const), who, right: fc.boolean() }),
  fc.record({ kind: fc.constant('close' as const), who }),
  fc.record({ kind: fc.constant('markSent' as const), who }),
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/** Turns a generated step into a command against the accounts opened so far (unknown numbers when none). */
function toCommand(s: Step, numbers: string[], codeOf: (n: string) => string | undefined, messageOf: (n: string) => string | undefined): unknown {
  const n = (i: number) => numbers[i % Math.max(1, numbers.length)] ?? '9999999999999999';
  switch (s.kind) {
    case 'open':
      return { type: 'OpenAccount', owner: `Person ${s.who}`, email: `p${s.who}@example.org`, initialDeposit: s.deposit };
    case 'add':
      return { type: 'AddFunds', account: n(s.who), amount: s.amount };
    case 'withdraw':
      return { type: 'Withdraw', account: n(s.who), amount: s.amount };
    case 'transfer':
      return { type: 'Transfer', from: n(s.who), to: n(s.to), amount: s.amount };
    case 'verify':
      return { type: 'VerifyAccount', account: n(s.who), code: s.right ? (codeOf(n(s.who)) ?? '000000') : '000000' };
    case 'close':
      return { type: 'CloseAccount', account: n(s.who) };
    case 'markSent':
      return { type: 'MarkMessageSent', account: n(s.who), messageId: messageOf(n(s.who)) ?? 'none' };
  }
}

function checkInvariants(states: Record<string, unknown>): void {
  const accounts = states.accounts as AccountsState;
  const totals = states.totals as TotalsState;
  for (const a of listAccounts(accounts)) expect(a.balance).toBeGreaterThanOrEqual(0);
  expect(totalBalance(accounts)).toBe(totals.deposited - totals.withdrawn);
  expect(totals.inSystem).toBe(totals.deposited - totals.withdrawn);
  expect(totals.transferredOut).toBe(totals.transferredIn);
}

/** The ids of the messages queued for an account, oldest first. */
function messageIdsOf(events: readonly StoredEvent[], account: string): string[] {
  return events
    .filter((e) => (e.type === 'VerificationMessageQueued' || e.type === 'WithdrawalMessageQueued') && (e.payload as { accountNumber: string }).accountNumber === account)
    .map((e) => (e.payload as { messageId: string }).messageId);
}

test('random command sequences keep every balance >= 0 and money conserved (decider)', () => {
  fc.assert(
    fc.property(fc.array(step, { maxLength: 80 }), fc.integer(), (steps, seed) => {
      const builder = createLedgerBuilder(seededRandom(seed));
      const numbers: string[] = [];
      let states = fold([]);
      for (const s of steps) {
        const state = builder.state();
        const command = toCommand(
          s,
          numbers,
          (n) => accountOf(state, n)?.verificationCode,
          (n) => messageIdsOf(builder.events(), n)[0],
        );
        const events = builder.run(command, new Date(Date.UTC(2025, 0, 1) + builder.events().length * 60_000)) ?? [];
        for (const e of events) if (e.type === 'AccountOpened') numbers.push((e.payload as { accountNumber: string }).accountNumber);
        states = fold(events, states);
        checkInvariants(states);
        // The decider's view and the read model agree on every balance.
        for (const a of allAccounts(builder.state())) expect(getAccount(states.accounts as AccountsState, a.accountNumber)!.balance).toBe(a.balance);
      }
      // Incremental equals rebuilt from scratch.
      expect(states).toEqual(fold(builder.events()));
    }),
    { numRuns: 150 },
  );
});

/** A valid history with plenty of every event type. */
function history(seed: number, length: number): StoredEvent[] {
  const builder = createLedgerBuilder(seededRandom(seed));
  const random = seededRandom(seed + 1);
  const numbers: string[] = [];
  for (let i = 0; builder.events().length < length && i < length * 4; i++) {
    const state = builder.state();
    const s = fc.sample(step, { seed: seed + i, numRuns: 1 })[0]!;
    const command = toCommand(s, numbers, (n) => accountOf(state, n)?.verificationCode, (n) => messageIdsOf(builder.events(), n)[random.int(2)]);
    for (const e of builder.run(command, new Date(Date.UTC(2025, 0, 1) + i * 3_600_000)) ?? [])
      if (e.type === 'AccountOpened') numbers.push((e.payload as { accountNumber: string }).accountNumber);
  }
  return builder.events();
}

test('read models resumed from any snapshot equal those rebuilt from scratch', () => {
  fc.assert(
    fc.property(fc.integer(), fc.integer({ min: 0, max: 1000 }), (seed, cut) => {
      const events = history(seed, 120);
      const at = cut % (events.length + 1);
      // The snapshot goes through structured clone, as it would through IndexedDB.
      const snapshot = structuredClone(fold(events.slice(0, at)));
      expect(fold(events.slice(at), snapshot)).toEqual(fold(events));
    }),
    { numRuns: 40 },
  );
});

test('applying an event never changes the state it was given', () => {
  const events = history(7, 200);
  let states = fold([]);
  for (const e of events) {
    const frozen = structuredClone(states);
    const next = fold([e], states);
    expect(states).toEqual(frozen);
    states = next;
  }
});

test('read models pass over event types they do not know, which the totals count as recorded by a newer version', () => {
  const events = history(3, 60);
  const foreign: StoredEvent = { type: 'SomethingElse', payload: { accountNumber: '1' }, meta: { id: 'x', seq: 999, stream: 's', version: 1, at: '2025-01-01T00:00:00.000Z' } };
  const states = fold(events);
  // These two follow positions in the log (stream versions; seq and time order), which every event moves.
  const positional = new Set([decisionsProjection.name, 'whatIfGuard', 'totals']);
  for (const p of ledgerProjections) if (!positional.has(p.name)) expect(p.apply(states[p.name], foreign)).toBe(states[p.name]);
  const totals = states.totals as TotalsState;
  expect(totalsProjection.apply(totals, foreign)).toEqual({ ...totals, newerEvents: totals.newerEvents + 1 });
  // The decision state still counts the event in its stream's version: the next append to that stream must expect it.
  const decisions = states.decisions as DecisionsState;
  const next = decisionsProjection.apply(decisions, foreign);
  expect([next.accounts, next.emails]).toEqual([decisions.accounts, decisions.emails]);
  expect(next.accounts).toBe(decisions.accounts);
  expect(versionOf(next, 's')).toBe(versionOf(decisions, 's') + 1);
});

test('random commands through the store and two handlers keep balances >= 0 and money conserved', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), fc.integer(), async (steps, seed) => {
      // Each run its own log: runs share seeds, and so event ids, more often than chance would say.
      freshIndexedDb();
      const ledger = await openLedger('prop', seed);
      const numbers: string[] = [];
      try {
        // Pairs of commands race each other, as from two tabs.
        for (let i = 0; i < steps.length; i += 2) {
          const log = await ledger.store.readAll();
          const state = fold(log);
          const codeOf = (n: string) => {
            const e = log.find((x) => x.type === 'VerificationMessageQueued' && (x.payload as { accountNumber: string }).accountNumber === n);
            return (e?.payload as { code?: string } | undefined)?.code;
          };
          const pair = steps.slice(i, i + 2).map((s) => toCommand(s, numbers, codeOf, () => undefined));
          const results = await Promise.allSettled(pair.map((c) => ledger.handler.dispatch(c)));
          for (const r of results) {
            if (r.status === 'rejected') expect(r.reason).toHaveProperty('code');
            else for (const e of r.value.events) if (e.type === 'AccountOpened') numbers.push((e.payload as { accountNumber: string }).accountNumber);
          }
          await ledger.runner.caughtUp();
          checkInvariants(state);
        }
        checkInvariants(fold(await ledger.store.readAll()));
      } finally {
        await ledger.close();
      }
    }),
    { numRuns: 12 },
  );
});
