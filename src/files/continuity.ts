import type { StoredEvent } from '../eventstore/index.ts';
import { LogFileError } from './errors.ts';
import { hasConsecutiveSeqs, isCompleteLog, type LogFileHeader } from './format.ts';

export function duplicateId(id: string, firstLine: number, line: number): LogFileError {
  return new LogFileError('DUPLICATE_ID', `the id "${id}" is already used by the event on line ${firstLine}; every event has its own id.`, line);
}

/**
 * The rules that tie a file's events together, checked one event at a time:
 * seqs increase (without gaps unless the file holds a single stream) and stay
 * within the header's range, each stream's versions follow each other, and no
 * id is used twice. At the end, the count and the last seq must be the header's.
 */
export class Continuity {
  private readonly versions: StreamVersions;
  /** The line each id was first seen on. */
  private readonly ids = new Map<string, number>();
  private readonly consecutive: boolean;
  private lastSeq = 0;
  private lastLine = 1;
  count = 0;

  constructor(
    private readonly header: LogFileHeader,
    /** Off when the consumer has a cheaper way to find repeated ids (a unique index): saves memory per event. */
    private readonly trackIds = true,
  ) {
    this.consecutive = hasConsecutiveSeqs(header.selection);
    this.versions = new StreamVersions(isCompleteLog(header));
  }

  check(event: StoredEvent, line: number): void {
    const { header } = this;
    const { seq, stream, version, id } = event.meta;
    if (this.count === header.eventCount)
      throw new LogFileError('COUNT_MISMATCH', `the header says the file holds ${header.eventCount} events, but there are more.`, line);
    if (this.count === 0 && seq !== header.firstSeq)
      throw new LogFileError('SEQ_OUT_OF_RANGE', `the first event has seq ${seq}, but the header says the file starts at seq ${header.firstSeq}.`, line);
    if (this.count > 0 && seq <= this.lastSeq)
      throw new LogFileError('SEQ_OUT_OF_ORDER', `seq ${seq} comes after seq ${this.lastSeq}; events must be in increasing seq order.`, line);
    if (this.count > 0 && this.consecutive && seq !== this.lastSeq + 1) {
      const missing = seq === this.lastSeq + 2 ? `seq ${this.lastSeq + 1} is` : `seqs ${this.lastSeq + 1} to ${seq - 1} are`;
      throw new LogFileError('SEQ_GAP', `seq ${seq} follows seq ${this.lastSeq}: ${missing} missing.`, line);
    }
    if (seq > header.lastSeq)
      throw new LogFileError('SEQ_OUT_OF_RANGE', `seq ${seq} is past the header's last seq, ${header.lastSeq}.`, line);
    if (header.selection.kind === 'stream' && stream !== header.selection.stream)
      throw new LogFileError(
        'INVALID_EVENT',
        `the event belongs to stream "${stream}", but the file holds only stream "${header.selection.stream}".`,
        line,
      );
    this.checkVersion(stream, version, line);
    if (this.trackIds) {
      const seenOn = this.ids.get(id);
      if (seenOn !== undefined) throw duplicateId(id, seenOn, line);
      this.ids.set(id, line);
    }
    this.count += 1;
    this.lastSeq = seq;
    this.lastLine = line;
  }

  /** How many streams the events so far belong to. */
  get streamCount(): number {
    return this.versions.streamCount;
  }

  private checkVersion(stream: string, version: number, line: number): void {
    const problem = this.versions.follow(stream, version);
    if (problem) throw new LogFileError(problem.code, problem.message, line);
  }

  /** Checks that nothing the header promised is missing; `lines` is how many lines the file has. */
  finish(lines: number): void {
    const { header } = this;
    if (this.count < header.eventCount)
      throw new LogFileError(
        'TRUNCATED',
        `the file ends after ${this.count} of the ${header.eventCount} events its header promises: it is incomplete, probably cut off while copying or downloading.`,
        lines + 1,
      );
    if (this.count > 0 && this.lastSeq !== header.lastSeq)
      throw new LogFileError('SEQ_OUT_OF_RANGE', `the last event has seq ${this.lastSeq}, but the header says ${header.lastSeq}.`, this.lastLine);
  }
}

/** Why an event's stream version cannot come where it is, with the code a file refusal gives it. */
export interface VersionProblem {
  code: 'STREAM_VERSION_GAP' | 'STREAM_VERSION_OUT_OF_ORDER';
  message: string;
}

/**
 * Each stream's versions following each other, one event at a time, in a
 * whole log from version 1 (`fromOne`) or in part of one from wherever a
 * stream's first event stands: the rule a log file's events and a new device's
 * first download both keep.
 */
export class StreamVersions {
  /** Each stream's last version seen (held in a box, so a stream costs one lookup per event). */
  private readonly versions = new Map<string, { version: number }>();

  constructor(private readonly fromOne: boolean) {}

  get streamCount(): number {
    return this.versions.size;
  }

  /** Takes `version` as the next of `stream`; says why not, taking nothing, when it does not follow. */
  follow(stream: string, version: number): VersionProblem | undefined {
    const seen = this.versions.get(stream);
    const previous = seen?.version;
    if (previous === undefined) {
      if (this.fromOne && version !== 1)
        return {
          code: 'STREAM_VERSION_GAP',
          message: `this is the first event of stream "${stream}", but it is version ${version}: the stream's versions 1 to ${version - 1} are missing.`,
        };
    } else if (version <= previous) {
      return {
        code: 'STREAM_VERSION_OUT_OF_ORDER',
        message: `the event is version ${version} of stream "${stream}", which already reached version ${previous}; a stream's versions only go up.`,
      };
    } else if (version !== previous + 1) {
      return {
        code: 'STREAM_VERSION_GAP',
        message: `the event is version ${version} of stream "${stream}", but the stream's previous event was version ${previous}: version ${previous + 1} is missing.`,
      };
    }
    if (seen) seen.version = version;
    else this.versions.set(stream, { version });
    return undefined;
  }
}
