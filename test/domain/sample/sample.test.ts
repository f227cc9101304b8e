import { expect, test } from 'vitest';
import { openEventStore } from '../../../src/eventstore/index.ts';
import { listAccounts, MIXED_SCRIPT_NOTES, randomUuid, sampleLedger, seededRandom, syntheticLedger, type AccountsState, type TotalsState } from '../../../src/domain/index.ts';
import { appendGenerated, cryptoRandom } from '../../../src/app/parts.ts';
import { ledgerPayloadProblem } from '../../../src/domain/accounts/payloadChecks.ts';
import { firstViolation } from '../../../src/domain/accounts/ledgerRules.ts';
import { fold } from '../../app/testLedger.ts';

const start = new Date('2025-01-01T00:00:00.000Z');

test('the sample ledger is a realistic, valid year of a household', () => {
  const events = sampleLedger({ start, random: seededRandom(1) });
  expect(events.length).toBeGreaterThan(300);
  expect(events.length).toBeLessThan(1_000);
  expect(events.every((e) => e.meta.sample === true)).toBe(true);
  expect(events.map((e) => e.meta.seq)).toEqual(events.map((_, i) => i + 1));
  const times = events.map((e) => e.meta.at);
  expect([...times].sort()).toEqual(times);
  expect(times[0]! >= start.toISOString()).toBe(true);
  expect(Date.parse(times[times.length - 1]!) - start.getTime()).toBeGreaterThan(330 * 86_400_000);
  expect(Date.parse(times[times.length - 1]!) - start.getTime()).toBeLessThan(366 * 86_400_000);
  for (const e of events) expect(ledgerPayloadProblem(e)).toBeUndefined();

  const types = new Set(events.map((e) => e.type));
  for (const t of ['AccountOpened', 'AccountVerified', 'FundsAdded', 'FundsWithdrawn', 'TransferSent', 'AccountClosed', 'MessageSent'])
    expect(types).toContain(t);
  const states = fold(events);
  const accounts = listAccounts(states.accounts as AccountsState);
  expect(accounts.length).toBeGreaterThanOrEqual(4);
  expect(accounts.length).toBeLessThanOrEqual(8);
  expect(accounts.every((a) => a.verified && a.balance >= 0)).toBe(true);
  const totals = states.totals as TotalsState;
  expect(totals.transferredOut).toBe(totals.transferredIn);
  // Every month has some activity.
  expect(new Set(times.map((t) => t.slice(0, 7))).size).toBe(12);
});

test('the sample ledger is the same for the same random source, and loads into an empty store only', async () => {
  expect(sampleLedger({ start, random: seededRandom(2) })).toEqual(sampleLedger({ start, random: seededRandom(2) }));
  const events = sampleLedger({ start, random: seededRandom(3) });
  const store = await openEventStore({ name: 'sample' });
  await appendGenerated(store, events);
  expect(await store.readAll()).toEqual(events);
  await expect(appendGenerated(store, events)).rejects.toThrow(/empty log/);
  expect(await store.lastSeq()).toBe(events.length);
  store.close();
});

test('synthetic bulk data: exact count, deterministic, valid, mixed scripts', () => {
  const options = { accounts: 50, events: 3_000, seed: 11 };
  const events = [...syntheticLedger(options)];
  expect(events).toHaveLength(3_000);
  expect([...syntheticLedger(options)]).toEqual(events);
  expect([...syntheticLedger({ ...options, seed: 12 })]).not.toEqual(events);
  expect(new Set(events.map((e) => e.meta.id)).size).toBe(3_000);
  expect(events.map((e) => e.meta.seq)).toEqual(events.map((_, i) => i + 1));
  for (const e of events) expect(ledgerPayloadProblem(e)).toBeUndefined();
  const states = fold(events);
  const accounts = listAccounts(states.accounts as AccountsState);
  expect(accounts).toHaveLength(50);
  expect(accounts.every((a) => a.balance >= 0 && a.verified)).toBe(true);
  const notes = new Set(events.map((e) => (e.payload as { note?: string }).note).filter(Boolean));
  for (const note of ['午餐 — 拉麵', 'إيجار الشقة', '👩‍👩‍👧 family dinner']) expect(notes).toContain(note);
  expect(notes.size).toBeGreaterThan(MIXED_SCRIPT_NOTES.length / 2);
  // Fewer events than openings need: fewer accounts.
  expect(fold([...syntheticLedger({ accounts: 10, events: 12, seed: 1 })]).totals).toMatchObject({ accountsOpened: 2 });
});

test('synthetic data with a busiest account: that history is the longest by far, and the ledger still keeps its rules', () => {
  const options = { accounts: 100, events: 20_000, seed: 4 };
  const perStream = (events: readonly { meta: { stream: string } }[]) =>
    events.reduce((counts, e) => counts.set(e.meta.stream, (counts.get(e.meta.stream) ?? 0) + 1), new Map<string, number>());
  const busiest = [...syntheticLedger({ ...options, busiestShare: 0.1 })];
  const first = busiest[0]!.meta.stream;
  const counts = perStream(busiest);
  const others = [...counts].filter(([stream]) => stream !== first && stream.startsWith('account-')).map(([, n]) => n);
  expect(counts.get(first)).toBeGreaterThan(5 * Math.max(...others));
  expect(firstViolation(busiest)).toBeUndefined();
  // Without the option, a seed's ledger is the same as before the option existed: no extra draws.
  expect([...syntheticLedger({ ...options, busiestShare: 0 })]).toEqual([...syntheticLedger(options)]);
  expect(Math.max(...perStream([...syntheticLedger(options)]).values())).toBeLessThan(counts.get(first)! / 5);
});

test('random sources: uniform bounds, UUID shape, crypto-backed in the app', () => {
  const random = seededRandom(5);
  const seen = new Set<number>();
  for (let i = 0; i < 2_000; i++) {
    const n = random.int(7);
    expect(Number.isInteger(n) && n >= 0 && n < 7).toBe(true);
    seen.add(n);
  }
  expect(seen.size).toBe(7);
  expect(() => random.int(0)).toThrow(RangeError);
  expect(() => random.int(2 ** 32 + 1)).toThrow(RangeError);
  expect(randomUuid(cryptoRandom)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(randomUuid(cryptoRandom)).not.toBe(randomUuid(cryptoRandom));
});

test('payload checks name what is wrong with an imported ledger event', () => {
  const ok = { type: 'FundsAdded', payload: { accountNumber: '1234123412341234', amount: 5, category: 'Groceries' } };
  expect(ledgerPayloadProblem(ok)).toBeUndefined();
  expect(ledgerPayloadProblem({ type: 'Unknown', payload: 1 })).toBeUndefined();
  expect(ledgerPayloadProblem({ ...ok, payload: { ...ok.payload, amount: -5 } })).toMatch(/more than zero/);
  expect(ledgerPayloadProblem({ ...ok, payload: { ...ok.payload, extra: 1 } })).toMatch(/no field "extra"/);
  expect(ledgerPayloadProblem({ ...ok, payload: { amount: 5 } })).toMatch(/needs "accountNumber"/);
  expect(ledgerPayloadProblem({ ...ok, payload: null })).toMatch(/object payload/);
  expect(ledgerPayloadProblem({ type: 'AccountOpened', payload: { accountNumber: '1234 1234 1234 1234', owner: 'A', email: 'a@example.org' } })).toMatch(/16 digits/);
});
