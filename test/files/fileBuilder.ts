import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { StoredEvent } from '../../src/eventstore/index.ts';
import type { LogFileHeader } from '../../src/files/index.ts';

export const NOTES = ['Café ☕ 👩‍👩‍👧', '東京で会議', 'مرحبا بالعالم', 'שלום עולם', 'plain ascii', '🇯🇵 𝄞 ü'];

/** Events in `streams` accounts, round robin, with notes in mixed scripts. */
export function sampleEvents(count: number, streams = 10, startSeq = 1, prefix = 'e'): StoredEvent[] {
  const versions = new Map<string, number>();
  const events: StoredEvent[] = [];
  for (let i = 0; i < count; i++) {
    const seq = startSeq + i;
    const stream = `account-${seq % streams}`;
    const version = (versions.get(stream) ?? 0) + 1;
    versions.set(stream, version);
    events.push({
      type: i % 3 === 0 ? 'FundsWithdrawn' : 'FundsAdded',
      payload: { amount: (seq % 997) + 1, note: NOTES[seq % NOTES.length]! },
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

