import { describe, expect, test } from 'vitest';
import { decisionsProjection, streamOf, type DecisionsState, type LedgerEvent } from '../../../src/domain/index.ts';
import { pendingUnits, redecide } from '../../../src/domain/sync/redecide.ts';
import type { StoredEvent } from '../../../src/eventstore/index.ts';

// Given what the server holds, when this device's pending events are decided again, then which stand and how.

const ADA = '1111222233334444';
const BOB = '5555666677778888';

/** Stores events as one device would: one seq after another, versions per stream. */
function recorder(start: { seq: number; versions?: Map<string, number> } = { seq: 0 }) {
  let seq = start.seq;
  const versions = new Map(start.versions);
  let n = 0;
  return (at: string, ...events: LedgerEvent[]): StoredEvent[] =>
    events.map((event) => {
      const stream = streamOf(event);
      const version = (versions.get(stream) ?? 0) + 1;
      versions.set(stream, version);
      return { type: event.type, payload: event.payload, meta: { id: `e${start.seq}-${++n}`, seq: ++seq, stream, version, at, ...(event.type.startsWith('Funds') || event.type.startsWith('Transfer') ? { schema: 2 } : {}) } } as StoredEvent;
    });
}

const fold = (events: readonly StoredEvent[]): DecisionsState => events.reduce((s, e) => decisionsProjection.apply(s, e), decisionsProjection.initial);

const open = (accountNumber: string, deposit?: number): LedgerEvent[] => [
  { type: 'AccountOpened', payload: { accountNumber, owner: `Owner ${accountNumber}`, email: `${accountNumber}@example.org` } },
  { type: 'EmailReserved', payload: { email: `${accountNumber}@example.org`, accountNumber } },
  ...(deposit ? [{ type: 'FundsAdded', payload: { accountNumber, amount: deposit, category: 'Uncategorized', note: 'Initial deposit' } } as LedgerEvent] : []),
];
const code = (accountNumber: string): LedgerEvent => ({
  type: 'VerificationMessageQueued',
  payload: { accountNumber, messageId: `m-${accountNumber}`, to: 'x@example.org', recipient: 'X', subject: 's', body: 'b', code: '424242', link: '#' },
});
const verified = (accountNumber: string): LedgerEvent => ({ type: 'AccountVerified', payload: { accountNumber } });
const withdrawn = (accountNumber: string, amount: number): LedgerEvent => ({ type: 'FundsWithdrawn', payload: { accountNumber, amount, category: 'Groceries' } });
const added = (accountNumber: string, amount: number): LedgerEvent => ({ type: 'FundsAdded', payload: { accountNumber, amount, category: 'Salary' } });
const transfer = (from: string, to: string, amount: number): LedgerEvent[] => [
  { type: 'TransferSent', payload: { accountNumber: from, transferId: 't1', to, amount, category: 'Rent' } },
  { type: 'TransferReceived', payload: { accountNumber: to, transferId: 't1', from, amount, category: 'Rent' } },
];

/** Both devices start from Ada (verified, 100.00) and Bob (verified, 0.00) on the server. */
function shared() {
  const server = recorder();
  const base = [
    ...server('2026-01-01T09:00:00.000Z', ...open(ADA, 10_000), code(ADA), verified(ADA)),
    ...server('2026-01-01T09:01:00.000Z', ...open(BOB), code(BOB), verified(BOB)),
  ];
  const versions = new Map<string, number>();
  for (const e of base) versions.set(e.meta.stream, e.meta.version);
  return { base, versions, seq: base.length };
}

describe('pendingUnits', () => {
  test('reads back the commands a device made: an opening with its deposit, a transfer, a withdrawal', () => {
    const { versions, seq } = shared();
    const device = recorder({ seq, versions });
    const pending = [
      ...device('2026-01-02T10:00:00.000Z', ...open('9999000011112222', 500)),
      ...device('2026-01-02T10:01:00.000Z', ...transfer(ADA, BOB, 2_000)),
      ...device('2026-01-02T10:02:00.000Z', withdrawn(ADA, 3_000)),
    ];
    expect(pendingUnits(pending).map((u) => u.command)).toEqual([
      { type: 'OpenAccount', owner: 'Owner 9999000011112222', email: '9999000011112222@example.org', initialDeposit: 500 },
      { type: 'Transfer', from: ADA, to: BOB, amount: 2_000, category: 'Rent' },
      { type: 'Withdraw', account: ADA, amount: 3_000, category: 'Groceries' },
    ]);
    expect(pendingUnits(pending).map((u) => u.events.length)).toEqual([3, 2, 1]);
  });
});

describe('redecide', () => {
  test('a withdrawal that still fits after another device withdrew is applied, renumbered after what arrived, its id and time kept', () => {
    const { base, versions, seq } = shared();
    const laptop = recorder({ seq, versions });
    const arrived = laptop('2026-01-02T10:00:00.000Z', withdrawn(ADA, 5_000));
    const phone = recorder({ seq, versions });
    const mine = phone('2026-01-02T09:59:00.000Z', withdrawn(ADA, 3_000));

    const [verdict] = redecide(fold([...base, ...arrived]), pendingUnits(mine));

    expect(verdict!.outcome).toBe('applied');
    if (verdict!.outcome !== 'applied') return;
    expect(verdict!.events).toEqual([{ ...mine[0], meta: { ...mine[0]!.meta, version: arrived[0]!.meta.version + 1 } }]);
  });

  test('a withdrawal the balance no longer covers is refused with the decider\'s reason, and adds nothing', () => {
    const { base, versions, seq } = shared();
    const arrived = recorder({ seq, versions })('2026-01-02T10:00:00.000Z', withdrawn(ADA, 8_000));
    const mine = recorder({ seq, versions })('2026-01-02T09:59:00.000Z', withdrawn(ADA, 3_000));

    const verdicts = redecide(fold([...base, ...arrived]), pendingUnits(mine));

    expect(verdicts.map((v) => v.outcome)).toEqual(['refused']);
    expect(verdicts[0]!.outcome === 'refused' && verdicts[0]!.reason.code).toBe('INSUFFICIENT_FUNDS');
  });

  test('later commands are decided on what the earlier ones left: the second of two withdrawals is refused, a deposit after it applied', () => {
    const { base, versions, seq } = shared();
    const arrived = recorder({ seq, versions })('2026-01-02T10:00:00.000Z', withdrawn(ADA, 6_000));
    const phone = recorder({ seq, versions });
    const mine = [
      ...phone('2026-01-02T09:58:00.000Z', withdrawn(ADA, 3_000)),
      ...phone('2026-01-02T09:59:00.000Z', withdrawn(ADA, 3_000)),
      ...phone('2026-01-02T10:05:00.000Z', added(ADA, 1_000)),
    ];

    const verdicts = redecide(fold([...base, ...arrived]), pendingUnits(mine));

    expect(verdicts.map((v) => v.outcome)).toEqual(['applied', 'refused', 'applied']);
    const kept = verdicts.flatMap((v) => (v.outcome === 'applied' ? v.events : []));
    expect(kept.map((e) => e.meta.version)).toEqual([arrived[0]!.meta.version + 1, arrived[0]!.meta.version + 2]);
  });

  test('a transfer is decided as one: both halves kept or neither', () => {
    const { base, versions, seq } = shared();
    const arrived = recorder({ seq, versions })('2026-01-02T10:00:00.000Z', withdrawn(ADA, 9_000));
    const mine = recorder({ seq, versions })('2026-01-02T09:59:00.000Z', ...transfer(ADA, BOB, 2_000));

    const verdicts = redecide(fold([...base, ...arrived]), pendingUnits(mine));

    expect(verdicts).toHaveLength(1);
    expect(verdicts[0]!.outcome).toBe('refused');
  });

  test('a reaction to a refused command is dropped with it, never reported as a command of its own', () => {
    const { base, versions, seq } = shared();
    const arrived = recorder({ seq, versions })('2026-01-02T10:00:00.000Z', withdrawn(ADA, 9_000));
    const phone = recorder({ seq, versions });
    const [withdrawal] = phone('2026-01-02T09:59:00.000Z', withdrawn(ADA, 3_000));
    const notice = phone('2026-01-02T09:59:01.000Z', {
      type: 'WithdrawalMessageQueued',
      payload: { accountNumber: ADA, messageId: 'w1', to: 'x@example.org', recipient: 'X', subject: 's', body: 'b', amount: 3_000 },
    }).map((e) => ({ ...e, meta: { ...e.meta, causationId: withdrawal!.meta.id } }));

    const verdicts = redecide(fold([...base, ...arrived]), pendingUnits([withdrawal!, ...notice]));

    expect(verdicts.map((v) => [v.unit.command?.type, v.outcome])).toEqual([
      ['Withdraw', 'refused'],
      [undefined, 'refused'],
    ]);
  });

  test('an account opened offline with an address another device took meanwhile is refused as EMAIL_TAKEN, and what was done on it after', () => {
    const { base, versions, seq } = shared();
    const email = '9999000011112222@example.org';
    const arrived = recorder({ seq, versions })(
      '2026-01-02T10:00:00.000Z',
      { type: 'AccountOpened', payload: { accountNumber: '8888000011112222', owner: 'Someone', email } },
      { type: 'EmailReserved', payload: { email, accountNumber: '8888000011112222' } },
    );
    const phone = recorder({ seq, versions });
    const mine = [...phone('2026-01-02T09:59:00.000Z', ...open('9999000011112222')), ...phone('2026-01-02T10:01:00.000Z', added('9999000011112222', 500))];

    const verdicts = redecide(fold([...base, ...arrived]), pendingUnits(mine));

    expect(verdicts.map((v) => (v.outcome === 'refused' ? v.reason.code : v.outcome))).toEqual(['EMAIL_TAKEN', 'ACCOUNT_NOT_FOUND']);
  });
});
