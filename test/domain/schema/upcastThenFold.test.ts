import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { StoredEvent } from '../../../src/eventstore/index.ts';
import {
  accountOf,
  CATEGORIES,
  ledgerProjections,
  listAccounts,
  listMessages,
  moneyMovedBy,
  seededRandom,
  syntheticLedger,
  totalBalance,
  UNCATEGORIZED,
  upcastAll,
  type AccountsState,
  type OutboxState,
  type ReportsState,
} from '../../../src/domain/index.ts';
import { createLedgerBuilder } from '../../../src/domain/sample/ledgerBuilder.ts';
import { foldAll, type StatesOf } from '../../../src/replay/index.ts';
import { isMovement, schemaOneTwin, uncategorised } from './schemaOne.ts';

const category = fc.option(fc.constantFrom(...CATEGORIES, UNCATEGORIZED, 'Household', 'Eating out', 'groceries', '  Gifts  '), { nil: undefined });
const amount = fc.integer({ min: 1, max: 200_000 });
const who = fc.nat({ max: 5 });
const step = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('open' as const), who, deposit: fc.option(amount, { nil: undefined, freq: 4 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('add' as const), who, amount, category }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), who, amount: amount.map((a) => Math.ceil(a / 10)), category }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('transfer' as const), who, to: who, amount: amount.map((a) => Math.ceil(a / 10)), category }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('verify' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), who }) },
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/** A valid ledger written by today's commands (the decider refuses what would break it, and those steps write nothing). */
function ledgerOf(steps: readonly Step[], seed: number): StoredEvent[] {
  const builder = createLedgerBuilder(seededRandom(seed));
  const numbers: string[] = [];
  const n = (i: number) => numbers[i % Math.max(1, numbers.length)] ?? '9999999999999999';
  // Three people open accounts first, so most steps have accounts to act on.
  const opening: Step[] = [0, 1, 2].map((w) => ({ kind: 'open', who: w, deposit: 50_000 }));
  [...opening, ...steps].forEach((s, i) => {
    const at = new Date(Date.UTC(2025, 0, 1) + i * 7 * 3_600_000);
    const command =
      s.kind === 'open'
        ? { type: 'OpenAccount', owner: `Person ${s.who}`, email: `p${s.who}@example.org`, initialDeposit: s.deposit }
        : s.kind === 'add'
          ? { type: 'AddFunds', account: n(s.who), amount: s.amount, category: s.category }
          : s.kind === 'withdraw'
            ? { type: 'Withdraw', account: n(s.who), amount: s.amount, category: s.category }
            : s.kind === 'transfer'
              ? { type: 'Transfer', from: n(s.who), to: n(s.to === s.who ? s.who + 1 : s.to), amount: s.amount, category: s.category }
              : s.kind === 'verify'
                ? { type: 'VerifyAccount', account: n(s.who), code: accountOf(builder.state(), n(s.who))?.verificationCode ?? '000000' }
                : { type: 'CloseAccount', account: n(s.who) };
    for (const e of builder.run(command, at) ?? []) {
      if (e.type !== 'AccountOpened') continue;
      const number = (e.payload as { accountNumber: string }).accountNumber;
      numbers.push(number);
      // Most people verify at once (withdrawals wait for it); the others may later, by a verify step.
      if (s.who % 3 !== 0) builder.run({ type: 'VerifyAccount', account: number, code: accountOf(builder.state(), number)?.verificationCode }, at);
    }
  });
  return builder.events();
}

const fold = (events: readonly StoredEvent[]) => foldAll(ledgerProjections, events);
/** Read models as plain JSON: persistent maps compare by their entries, not their object layout. */
const json = (states: Record<string, unknown>) => JSON.parse(JSON.stringify(states)) as Record<string, unknown>;

/** The accounts' rows less the categories they keep: what schema-1 twins, all uncategorised, still share with their originals. */
const rowsWithoutCategories = (states: StatesOf) =>
  listAccounts(states.accounts as AccountsState).map(({ categoryBits: _bits, customCategories: _custom, ...row }) => row);

describe('upcasting then folding equals folding events written today', () => {
  test('the generated ledgers hold every kind of money movement, categorised and not', () => {
    const events = fc.sample(fc.tuple(fc.array(step, { minLength: 5, maxLength: 60 }), fc.integer()), { numRuns: 40, seed: 7 }).flatMap(([s, seed]) => ledgerOf(s, seed));
    for (const type of ['FundsAdded', 'FundsWithdrawn', 'TransferSent', 'TransferReceived']) expect(events.filter((e) => e.type === type).length, type).toBeGreaterThan(30);
    const categories = new Set(events.filter(isMovement).map((e) => (e.payload as { category: string }).category));
    expect(categories).toContain(UNCATEGORIZED);
    expect(categories.size).toBeGreaterThan(5);
  });

  test('random ledgers: their schema-1 twins, lifted, fold to the state of the originals with every movement uncategorised', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 60 }), fc.integer(), (steps, seed) => {
        const originals = ledgerOf(steps, seed);
        const twins = originals.map(schemaOneTwin);
        const lifted = upcastAll(twins);
        // The stored twins are what 0.1.0 wrote: lifting reads them, never changes them.
        expect(twins).toEqual(originals.map(schemaOneTwin));
        for (const event of lifted) if (isMovement(event)) expect(event).toMatchObject({ payload: { category: UNCATEGORIZED }, meta: { schema: 2, upcastFrom: 1 } });
        const fromTwins = json(fold(lifted));
        expect(fromTwins).toEqual(json(fold(originals.map(uncategorised))));
        // Read models that do not look at categories (totals, messages, decisions) agree with the originals as they are,
        // and so do the accounts' rows but for the categories they keep.
        const fromOriginals = json(fold(originals));
        const blind = ledgerProjections.map((p) => p.name).filter((name) => JSON.stringify(json(fold(originals.map(uncategorised)))[name]) === JSON.stringify(fromOriginals[name]));
        expect(blind).toEqual(expect.arrayContaining(['totals', 'outbox', 'decisions']));
        for (const name of blind) expect(fromTwins[name], name).toEqual(fromOriginals[name]);
        expect(rowsWithoutCategories(fold(lifted))).toEqual(rowsWithoutCategories(fold(originals)));
      }),
      { numRuns: 120 },
    );
  });

  test('random ledgers written without categories: lifted twins fold to exactly the state of the originals', () => {
    fc.assert(
      fc.property(fc.array(step.map((s) => ('category' in s ? { ...s, category: undefined } : s)), { minLength: 5, maxLength: 60 }), fc.integer(), (steps, seed) => {
        const originals = ledgerOf(steps, seed);
        expect(json(fold(upcastAll(originals.map(schemaOneTwin))))).toEqual(json(fold(originals)));
      }),
      { numRuns: 60 },
    );
  });

  test('synthetic ledgers (the benchmark\'s data), lifted from schema 1, keep every balance and total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 20, max: 600 }), (seed, events) => {
        const originals = [...syntheticLedger({ accounts: 12, events, seed })];
        const lifted = upcastAll(originals.map(schemaOneTwin));
        expect(json(fold(lifted))).toEqual(json(fold(originals.map(uncategorised))));
        const [fromTwins, fromOriginals] = [json(fold(lifted)), json(fold(originals))];
        for (const name of ['totals', 'outbox', 'decisions']) expect(fromTwins[name], name).toEqual(fromOriginals[name]);
        expect(rowsWithoutCategories(fold(lifted))).toEqual(rowsWithoutCategories(fold(originals)));
      }),
      { numRuns: 25 },
    );
  });
});

interface Expected {
  events: number;
  total: number;
  accounts: { accountNumber: string; owner: string; balance: number; verified: boolean; status: string }[];
  moneyMovedByMonthUtc: { period: string; amount: number }[];
  messages: number;
}

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'schema-1');
const expected = JSON.parse(readFileSync(join(fixtures, 'expected.json'), 'utf8')) as Record<string, Expected>;
const eventsOf = (name: string) =>
  readFileSync(join(fixtures, `${name}.ndjson`), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => JSON.parse(line) as StoredEvent);

describe('logs Rewind 0.1.0 exported read as it showed them', () => {
  test.each(['household', 'small'])('%s: balances, statuses, money moved per UTC month and messages are what 0.1.0 showed', (name) => {
    const stored = eventsOf(name);
    expect(stored.every((e) => e.meta.schema === undefined)).toBe(true);
    const lifted = upcastAll(stored);
    expect(lifted.filter(isMovement).length).toBeGreaterThan(0);
    for (const event of lifted.filter(isMovement)) expect(event).toMatchObject({ payload: { category: UNCATEGORIZED }, meta: { upcastFrom: 1 } });
    const states = fold(lifted) as { accounts: AccountsState; reports: ReportsState; outbox: OutboxState };
    expect({
      events: lifted.length,
      total: totalBalance(states.accounts),
      accounts: listAccounts(states.accounts).map((a) => ({ accountNumber: a.accountNumber, owner: a.owner, balance: a.balance, verified: a.verified, status: a.status })),
      moneyMovedByMonthUtc: moneyMovedBy(states.reports, 'month', () => 0),
      messages: listMessages(states.outbox).length,
    }).toEqual(expected[name]);
    // Nothing in them is taken for a newer version's event: no account is read-only.
    for (const account of listAccounts(states.accounts)) expect(account.newerEvents ?? 0).toBe(0);
  });
});
