import { lineSum } from './checksum.ts';
import { DamagedEventError } from '../errors.ts';
import { eventShapeProblem } from './eventShape.ts';
import { lineOf } from './pageCodec.ts';
import type { StoredEvent } from '../types.ts';

/*
 * The write-ahead tail as storage gives it back: any record may have been
 * damaged on disk (a list that is not one, a null event, a changed amount), so
 * every read goes through here and damage is a DamagedEventError naming the
 * first event that cannot be trusted, never a TypeError deep in a reader.
 */

/**
 * One commit's events not yet sealed into a page (the write-ahead tail), keyed
 * by its first seq: event i is seq first + i. `sums` holds each event's line
 * checksum (checksum.ts); a record without `sums` has only its events' shape checked. Read
 * records through this file, which checks them.
 */
export interface TailRecord {
  first: number;
  last: number;
  events: StoredEvent[];
  sums?: number[];
}

/** A commit's record: its events (consecutive seqs) with each one's line checksum. */
export function tailRecordOf(events: readonly StoredEvent[]): TailRecord {
  return {
    first: events[0]!.meta.seq,
    last: events[events.length - 1]!.meta.seq,
    events: [...events],
    sums: events.map((event) => lineSum(lineOf(event))),
  };
}

function damaged(seq: number, problem: string): DamagedEventError {
  return new DamagedEventError(seq, { cause: new Error(problem) });
}

/** Why event `i` of a record (seq first + i) cannot be trusted, or undefined. */
function eventProblem(record: TailRecord, i: number): string | undefined {
  const event = record.events[i];
  const problem = eventShapeProblem(event, record.first + i);
  if (problem) return problem;
  const sums = record.sums;
  if (sums !== undefined && (!Array.isArray(sums) || sums[i] !== lineSum(lineOf(event!)))) return 'it does not match its checksum';
  return undefined;
}

/**
 * The record's events within lo..hi (inclusive), each checked; the first
 * damaged one in that range throws, and so does a range reaching past the
 * events the list holds when the record says it holds more (events lost).
 */
export function tailEventsOf(record: TailRecord, lo: number, hi: number): StoredEvent[] {
  const { first, events } = record;
  if (!Array.isArray(events)) throw damaged(first, 'its tail record holds no list of events');
  const out: StoredEvent[] = [];
  for (let i = Math.max(0, lo - first); i < events.length && first + i <= hi; i++) {
    const problem = eventProblem(record, i);
    if (problem) throw damaged(first + i, problem);
    out.push(events[i]!);
  }
  const held = first + events.length - 1;
  if (hi > held && tailEnd(record) > held) throw damaged(held + 1, `its tail record ends at ${record.last} but holds events only to ${held}`);
  return out;
}

/** The record itself once every event in it is checked (for readers that keep whole records). */
export function checkedTailRecord(record: TailRecord): TailRecord {
  tailEventsOf(record, record.first, Number.MAX_SAFE_INTEGER);
  return record;
}

/**
 * The last seq a record stands for, read tolerantly: the end its list of
 * events reaches from its key, or the end it says it has when that is further
 * (events were lost); its key alone when it holds no list. A read up to there
 * meets the damage and names it.
 */
export function tailEnd(record: TailRecord): number {
  if (!Array.isArray(record.events)) return record.first;
  const held = record.first + Math.max(0, record.events.length - 1);
  return Number.isSafeInteger(record.last) && record.last > held ? record.last : held;
}
