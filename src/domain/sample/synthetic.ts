import type { StoredEvent } from '../../eventstore/index.ts';
import { accountStream, emailStream } from '../accounts/streams.ts';
import { verificationQueued } from '../processManagers/verificationMailer.ts';
import { pick, randomDigits, seededRandom } from '../random.ts';
import { MIXED_SCRIPT_NOTES } from './notes.ts';
import { CATEGORIES, UNCATEGORIZED } from '../accounts/categories.ts';
import { schemaMeta } from '../schema/eventSchema.ts';

export interface SyntheticOptions {
  /** How many accounts to open (fewer when `events` runs out first: each opening takes 5 events). */
  accounts: number;
  /** How many events in all. */
  events: number;
  seed: number;
  /** Time of the first event; the rest follow evenly over `spanDays`. */
  start?: Date;
  spanDays?: number;
  /**
   * The share of movements (0 to 1) made from the first account, so one
   * history grows long (0.014 of a million events: about 10,000). None by default.
   */
  busiestShare?: number;
}

const DAY = 24 * 60 * 60 * 1000;

/** A category for the movement at `seq`, drawn without the random source so the amounts and times of a seed stay as they were. */
const categoryAt = (seq: number): string => CATEGORIES[seq % CATEGORIES.length]!;

/**
 * Bulk ledger data for benchmarks and stress tests: N accounts opened, verified
 * and funded, then deposits, withdrawals and transfers between random accounts
 * with notes in mixed scripts. Deterministic for a seed, valid per the rules
 * (balances never go negative) and fast: it tracks balances directly instead of
 * running the decider. Yields events exactly as an empty log would store them,
 * marked as sample data so the process managers leave them alone.
 */
export function* syntheticLedger(options: SyntheticOptions): Generator<StoredEvent> {
  const { accounts, events: total, seed, start = new Date(Date.UTC(2024, 0, 1)), spanDays = 365, busiestShare = 0 } = options;
  const random = seededRandom(seed);
  const t0 = start.getTime();
  const step = (spanDays * DAY) / Math.max(1, total);
  const prefix = `syn-${(seed >>> 0).toString(36)}-`;
  const numbers: string[] = [];
  const balances: number[] = [];
  const versions = new Map<string, number>();
  let seq = 0;

  const make = (stream: string, type: string, payload: StoredEvent['payload']): StoredEvent => {
    seq += 1;
    const version = (versions.get(stream) ?? 0) + 1;
    versions.set(stream, version);
    const at = new Date(t0 + Math.floor((seq - 1) * step)).toISOString();
    return { type, payload, meta: { id: prefix + seq.toString(36), seq, stream, version, at, sample: true, ...schemaMeta(type) } };
  };
  const withNote = <P extends Record<string, string | number>>(payload: P): P | (P & { note: string }) =>
    random.int(2) === 0 ? payload : { ...payload, note: pick(random, MIXED_SCRIPT_NOTES) };

  const taken = new Set<string>();
  while (numbers.length < accounts && seq + 5 <= total) {
    let accountNumber = randomDigits(random, 16, true);
    while (taken.has(accountNumber)) accountNumber = randomDigits(random, 16, true);
    taken.add(accountNumber);
    const i = numbers.length;
    const owner = `${pick(random, ['Ana', 'Ben', '李雷', 'Ngozi', 'Søren', 'Aylin', 'Ömer', 'Мария', 'Yusuf'])} #${i + 1}`;
    const email = `member${i + 1}@synthetic.example.org`;
    const stream = accountStream(accountNumber);
    const code = randomDigits(random, 6);
    const deposit = 10_000 + random.int(500_000);
    yield make(stream, 'AccountOpened', { accountNumber, owner, email });
    yield make(emailStream(email), 'EmailReserved', { email, accountNumber });
    yield make(stream, 'VerificationMessageQueued', verificationQueued({ accountNumber, owner, email }, `${prefix}m${i}`, code).payload);
    yield make(stream, 'AccountVerified', { accountNumber });
    yield make(stream, 'FundsAdded', { accountNumber, amount: deposit, category: UNCATEGORIZED, note: 'Initial deposit' });
    numbers.push(accountNumber);
    balances.push(deposit);
  }
  if (numbers.length === 0) return;

  while (seq < total) {
    // Without a busiest account no extra number is drawn, so a seed's ledger stays as it was.
    const a = busiestShare > 0 && random.int(1_000_000) < busiestShare * 1_000_000 ? 0 : random.int(numbers.length);
    const accountNumber = numbers[a]!;
    const roll = random.int(100);
    const amount = 100 + random.int(20_000);
    if (roll < 30 && balances[a]! >= amount) {
      balances[a]! -= amount;
      yield make(accountStream(accountNumber), 'FundsWithdrawn', withNote({ accountNumber, amount, category: categoryAt(seq) }));
    } else if (roll < 55 && numbers.length > 1 && seq + 2 <= total && balances[a]! >= amount) {
      const b = (a + 1 + random.int(numbers.length - 1)) % numbers.length;
      const to = numbers[b]!;
      const transferId = `${prefix}t${seq}`;
      const note: Record<string, string> = random.int(2) === 0 ? {} : { note: pick(random, MIXED_SCRIPT_NOTES) };
      balances[a]! -= amount;
      balances[b]! += amount;
      const category = categoryAt(seq);
      yield make(accountStream(accountNumber), 'TransferSent', { accountNumber, transferId, to, amount, category, ...note });
      yield make(accountStream(to), 'TransferReceived', { accountNumber: to, transferId, from: accountNumber, amount, category, ...note });
    } else {
      balances[a]! += amount;
      yield make(accountStream(accountNumber), 'FundsAdded', withNote({ accountNumber, amount, category: categoryAt(seq) }));
    }
  }
}
