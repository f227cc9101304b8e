import { describe, expect, test } from 'vitest';
import { LEDGER_EVENT_TYPES } from '../../src/domain/index.ts';
import type { StoredEvent } from '../../src/eventstore/index.ts';
import { LogFileError, readLogFile, verifyLogFile, type ReadLogOptions } from '../../src/files/index.ts';
import { buildFile, bytes, inChunks, sampleEvents, sampleStream } from './fileBuilder.ts';
import { BAD_FILES, TOLERATED_FILES, fixture } from './fixtures.ts';

async function readAll(source: Parameters<typeof readLogFile>[0], options: ReadLogOptions = {}) {
  const events: StoredEvent[] = [];
  const summary = await readLogFile(source, { ...options, onEvents: (batch) => void events.push(...batch) });
  return { events, summary };
}

async function problem(source: Parameters<typeof readLogFile>[0], options: ReadLogOptions = {}): Promise<LogFileError> {
  const error = await verifyLogFile(source, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LogFileError);
  return error as LogFileError;
}

describe('a sound file', () => {
  test('reads every event, as written, with a summary', async () => {
    const { events, summary } = await readAll(fixture('valid.ndjson'));
    expect(events).toEqual(sampleEvents(12, 3));
    expect(summary).toMatchObject({ eventCount: 12, firstSeq: 1, lastSeq: 12, streamCount: 3, lines: 13, warnings: [] });
    expect(summary.types).toEqual({ AccountOpened: 3, VerificationMessageQueued: 3, AccountVerified: 3, FundsAdded: 3 });
    expect(summary.sha256).toBe(summary.header.sha256);
  });

  test.each([1, 2, 3, 7, 64])('survives chunks of %i bytes that split multi-byte characters and lines', async (size) => {
    const data = fixture('valid.ndjson');
    const { events, summary } = await readAll(inChunks(data, size));
    expect(events).toEqual(sampleEvents(12, 3));
    expect(summary.sha256).toBe(summary.header.sha256);
  });

  test.each(TOLERATED_FILES)('$file reads the same events, with a $warning note', async ({ file, warning, line }) => {
    const { events, summary } = await readAll(inChunks(fixture(file), 5));
    expect(events).toEqual(sampleEvents(12, 3));
    expect(summary.warnings).toEqual([expect.objectContaining({ code: warning, line })]);
  });

  test('trailing empty lines are ignored with a note', async () => {
    const { events, summary } = await readAll(bytes(`${buildFile(sampleEvents(3))}\n\n`));
    expect(events).toHaveLength(3);
    expect(summary.warnings).toEqual([expect.objectContaining({ code: 'TRAILING_BLANK_LINES', line: 5 })]);
  });

  test('a 0-event log is a sound file with the digest of nothing', async () => {
    const { events, summary } = await readAll(fixture('zero-events.ndjson'));
    expect(events).toEqual([]);
    expect(summary).toMatchObject({ eventCount: 0, firstSeq: 0, lastSeq: 0, streamCount: 0 });
    expect(summary.sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  test('a single-stream file may skip seqs but not stream versions', async () => {
    const events = sampleEvents(12, 3).filter((e) => e.meta.stream === sampleStream(1));
    const file = buildFile(events, { selection: { kind: 'stream', stream: sampleStream(1) } });
    expect((await readAll(bytes(file))).events.map((e) => e.meta.seq)).toEqual([1, 4, 7, 10]);
    const other = buildFile([...events, sampleEvents(12, 3)[10]!], { selection: { kind: 'stream', stream: sampleStream(1) } });
    expect(await problem(bytes(other))).toMatchObject({ code: 'INVALID_EVENT', line: 6 });
  });

  test('events are handed over in batches, with the line each batch starts on', async () => {
    const starts: number[] = [];
    await readLogFile(bytes(buildFile(sampleEvents(25))), { batchSize: 10, onEvents: (_e, batch) => void starts.push(batch.firstLine) });
    expect(starts).toEqual([2, 12, 22]);
  });
});

describe('a file that is not sound is refused at its first problem', () => {
  test.each(BAD_FILES)('$file: $code on line $line', async ({ file, code, line, says }) => {
    const error = await problem(fixture(file));
    expect(error.code).toBe(code);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(says);
    expect(error.message).toMatch(new RegExp(`^Line ${line}: `));
  });

  test('given a list of known types, another type is refused, or kept and reported when asked', async () => {
    const knownTypes = LEDGER_EVENT_TYPES;
    expect(await problem(fixture('unknown-type.ndjson'), { knownTypes })).toMatchObject({ code: 'UNKNOWN_EVENT_TYPE', line: 12 });
    const { events, summary } = await readAll(fixture('unknown-type.ndjson'), { knownTypes, unknownTypes: 'keep' });
    expect(events[10]!.type).toBe('AccountFrozen');
    expect(summary.newer).toEqual({ count: 1, newerSchemas: 0, kinds: [{ type: 'AccountFrozen', name: 'AccountFrozen', count: 1 }], firstLine: 12 });
    expect(summary.warnings).toEqual([]);
  });

  test('without a list, an event type Rewind does not know is kept as recorded by a newer version', async () => {
    const { events, summary } = await readAll(fixture('unknown-type.ndjson'));
    expect(events[10]!.type).toBe('AccountFrozen');
    expect(summary.newer).toMatchObject({ count: 1, kinds: [{ name: 'AccountFrozen', count: 1 }], firstLine: 12 });
  });

  test('an event over 1 MiB is refused', async () => {
    const [first, big] = sampleEvents(2);
    big!.payload = { note: 'ü'.repeat(517 * 1024) };
    expect(await problem(bytes(buildFile([first!, big!])))).toMatchObject({ code: 'EVENT_TOO_LARGE', line: 3 });
  });

  test('a huge line without line ends stops the read early instead of filling memory', async () => {
    let chunksRead = 0;
    async function* endless() {
      yield bytes(`${buildFile([]).split('\n')[0]}\n`);
      for (;;) {
        chunksRead += 1;
        yield new Uint8Array(64 * 1024).fill(0x61);
      }
    }
    expect(await problem(endless())).toMatchObject({ code: 'LINE_TOO_LONG', line: 2 });
    expect(chunksRead).toBeLessThan(20);
    expect(await problem(bytes(`{"format":"rewind-log",${' '.repeat(70 * 1024)}}`))).toMatchObject({ code: 'NOT_NDJSON', line: 1 });
  });

  test('a bad line comes before a later line\'s problem in the same chunk: lines are checked in file order', async () => {
    const events = sampleEvents(6);
    const lines = buildFile(events).split('\n');
    lines[3] = '{"type": oops}';
    const tooLong = [...lines.slice(0, 5), 'x'.repeat(1200 * 1024), ...lines.slice(5)].join('\n');
    expect(await problem(bytes(tooLong))).toMatchObject({ code: 'INVALID_JSON', line: 4 });
    const badUtf8 = bytes([...lines.slice(0, 5), 'é', ...lines.slice(5)].join('\n'));
    badUtf8[badUtf8.indexOf(0xc3)] = 0xff;
    expect(await problem(badUtf8)).toMatchObject({ code: 'INVALID_JSON', line: 4 });
  });

  test('more events than the header says, or a last seq other than the header\'s', async () => {
    const events = sampleEvents(4);
    expect(await problem(bytes(buildFile(events, { eventCount: 3, lastSeq: 3 })))).toMatchObject({ code: 'COUNT_MISMATCH', line: 5 });
    expect(await problem(bytes(buildFile(events, { firstSeq: 2, lastSeq: 5 })))).toMatchObject({ code: 'SEQ_OUT_OF_RANGE', line: 2 });
  });

  test.each([
    [{ eventCount: -1 }, /"eventCount"/],
    [{ sha256: 'abc' }, /"sha256"/],
    [{ exportedAt: 'today' }, /"exportedAt"/],
    [{ selection: { kind: 'some' } }, /"selection.kind"/],
    [{ hypothetical: true }, /"baseSeq"/],
    [{ formatVersion: 0 }, /"formatVersion"/],
  ])('a header with %j is refused as invalid', async (override, says) => {
    const error = await problem(bytes(buildFile(sampleEvents(2), override as never)));
    expect(error).toMatchObject({ code: 'INVALID_HEADER', line: 1 });
    expect(error.message).toMatch(says);
  });

  test('a cancelled read stops with ABORTED', async () => {
    const controller = new AbortController();
    const reading = readLogFile(bytes(buildFile(sampleEvents(5000))), {
      signal: controller.signal,
      batchSize: 100,
      onEvents: () => controller.abort(),
    });
    await expect(reading).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
