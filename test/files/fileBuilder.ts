import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { StoredEvent } from '../../src/eventstore/index.ts';
import type { LogFileHeader } from '../../src/files/index.ts';

export const NOTES = ['Café ☕ 👩‍👩‍👧', '東京で会議', 'مرحبا بالعالم', 'שלום עולם', 'plain ascii', '🇯🇵 𝄞 ü'];

/** The account number of sample account `k`. */
export function sampleAccount(k: number): string {
  return String(1_000_000_000_000_000 + k);
}

/** The stream of sample account `k`. */
export function sampleStream(k: number): string {
  return `account-${sampleAccount(k)}`;
}

/** What sample account `number` records as its `version`th event: opened, a code sent, verified, then deposits and withdrawals in turn. */
function sampleEvent(number: string, version: number, seq: number): Pick<StoredEvent, 'type' | 'payload'> {
  const note = NOTES[seq % NOTES.length]!;
  switch (version) {
    case 1:
      return { type: 'AccountOpened', payload: { accountNumber: number, owner: `Owner ${note}`, email: `owner${number}@example.org` } };
    case 2:
      return {
        type: 'VerificationMessageQueued',
        payload: {
          accountNumber: number,
          messageId: `verify-${number}`,
          to: `owner${number}@example.org`,
          recipient: `Owner ${note}`,
          subject: 'Your code',
          body: note,
          code: '123456',
          link: `#/verify?account=${number}&code=123456`,
        },
      };
    case 3:
      return { type: 'AccountVerified', payload: { accountNumber: number } };
    default:
      // A deposit of at least 10.00 before each withdrawal of at most 9.97 keeps every balance above zero.
      return version % 2 === 0
        ? { type: 'FundsAdded', payload: { accountNumber: number, amount: (seq % 997) + 1000, note } }
        : { type: 'FundsWithdrawn', payload: { accountNumber: number, amount: (seq % 997) + 1, note } };
  }
}

/**
 * A ledger of `streams` accounts that keeps the ledger's rules, its events
 * round robin across the accounts, with notes in mixed scripts. Every account's
 * stream starts at version 1 in each call: a call with another `startSeq` and
 * `prefix` is another log's history, not a continuation.
 */
export function sampleEvents(count: number, streams = 10, startSeq = 1, prefix = 'e'): StoredEvent[] {
  const versions = new Map<string, number>();
  const events: StoredEvent[] = [];
  for (let i = 0; i < count; i++) {
    const seq = startSeq + i;
    const number = sampleAccount(seq % streams);
    const stream = `account-${number}`;
    const version = (versions.get(stream) ?? 0) + 1;
    versions.set(stream, version);
    events.push({
      ...sampleEvent(number, version, seq),
      meta: { id: `${prefix}-${seq}`, at: new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString(), seq, stream, version },
    });
  }
  return events;
}

const enc = new TextEncoder();

/** A log file built by hand: the header computed from the lines (unless overridden), then the lines. */
export function buildFile(lines: (StoredEvent | string)[], header: Partial<LogFileHeader> = {}): string {
  const texts = lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l)));
  const events = lines.filter((l): l is StoredEvent => typeof l !== 'string');
  const body = texts.map((t) => `${t}\n`).join('');
  const full: LogFileHeader = {
    format: 'rewind-log',
    formatVersion: 1,
    appVersion: 'test',
    exportedAt: '2026-02-01T00:00:00.000Z',
    eventCount: events.length,
    firstSeq: events[0]?.meta.seq ?? 0,
    lastSeq: events[events.length - 1]?.meta.seq ?? 0,
    sha256: bytesToHex(sha256(enc.encode(body))),
    selection: { kind: 'all' },
    ...header,
  };
  return `${JSON.stringify(full)}\n${body}`;
}

export function bytes(text: string): Uint8Array {
  return enc.encode(text);
}

/** The bytes in chunks of `size`, so multi-byte characters and lines are split across chunks. */
export async function* inChunks(data: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.slice(i, i + size);
}

