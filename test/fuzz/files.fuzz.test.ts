import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { depsOf, readLogRecord } from '../../src/eventstore/index.ts';
import { LogFileError, importLog, readLogFile } from '../../src/files/index.ts';
import { buildFile, bytes, sampleEvents } from '../files/fileBuilder.ts';
import { logState, openStore } from '../files/helpers.ts';

/**
 * Damaged log files through the file reader and the import built on it: every
 * damage is refused with a LogFileError (a stable code, a sentence, usually the
 * line), and an import of one leaves the log and its registry exactly as they were.
 */

const EVENTS = sampleEvents(12, 3);
const VALID = bytes(buildFile(EVENTS));
const text = new TextDecoder().decode(VALID);
const lines = text.split('\n').slice(0, -1);
const headerBytes = new TextEncoder().encode(`${lines[0]}\n`).length;

const encode = (ls: string[]) => bytes(`${ls.join('\n')}\n`);

/** Ways a file gets damaged on its way between devices; each leaves it different from the valid one. */
const damaged: fc.Arbitrary<{ what: string; file: Uint8Array }> = fc.oneof(
  // One byte of the events changed to any other value.
  fc.tuple(fc.integer({ min: headerBytes, max: VALID.length - 1 }), fc.integer({ min: 1, max: 255 })).map(([at, xor]) => {
    const file = VALID.slice();
    file[at] = file[at]! ^ xor;
    return { what: `byte ${at} ^ ${xor}`, file };
  }),
  // Cut short anywhere but the last newline (a missing final newline is tolerated).
  fc.integer({ min: 0, max: VALID.length - 2 }).map((at) => ({ what: `cut at ${at}`, file: VALID.slice(0, at) })),
  // An event line lost, repeated, moved, or a stranger line added.
  fc.integer({ min: 1, max: lines.length - 1 }).map((i) => ({ what: `line ${i + 1} dropped`, file: encode(lines.filter((_, j) => j !== i)) })),
  fc.integer({ min: 1, max: lines.length - 1 }).map((i) => ({ what: `line ${i + 1} twice`, file: encode([...lines.slice(0, i + 1), ...lines.slice(i)]) })),
  fc
    .tuple(fc.integer({ min: 1, max: lines.length - 1 }), fc.integer({ min: 1, max: lines.length - 1 }))
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => {
      const swapped = [...lines];
      [swapped[a], swapped[b]] = [swapped[b]!, swapped[a]!];
      return { what: `lines ${a + 1} and ${b + 1} swapped`, file: encode(swapped) };
    }),
  fc
    .tuple(fc.integer({ min: 1, max: lines.length }), fc.oneof(fc.string({ minLength: 1 }), fc.json()))
    .filter(([, line]) => line.trim() !== '')
    .map(([at, line]) => ({ what: `line inserted at ${at + 1}: ${line.slice(0, 40)}`, file: encode([...lines.slice(0, at), line.replace(/\n/g, ' '), ...lines.slice(at)]) })),
  // The header's promises about the events no longer hold.
  fc
    .tuple(fc.constantFrom('eventCount', 'firstSeq', 'lastSeq', 'sha256'), fc.oneof(fc.integer({ min: -2, max: 40 }), fc.stringMatching(/^[0-9a-f]{64}$/)))
    .map(([key, value]) => {
      const header = JSON.parse(lines[0]!) as Record<string, unknown>;
      return { header: { ...header, [key]: value }, key, value };
    })
    .filter(({ header }) => JSON.stringify(header) !== lines[0])
    .map(({ header, key, value }) => ({ what: `header ${key}: ${String(value)}`, file: encode([JSON.stringify(header), ...lines.slice(1)]) })),
  // Not a log file at all.
  fc.uint8Array({ maxLength: 300 }).map((file) => ({ what: 'random bytes', file })),
);

describe('damaged log files', () => {
  test('the reader refuses each one with a LogFileError', async () => {
    await expect(readLogFile(VALID)).resolves.toMatchObject({ eventCount: 12 });
    await fc.assert(
      fc.asyncProperty(damaged, async ({ what, file }) => {
        const error = await readLogFile(file).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, `accepted: ${what}`).toBeInstanceOf(LogFileError);
        expect((error as LogFileError).code).toMatch(/^[A-Z][A-Z0-9_]+$/);
        expect((error as LogFileError).message.length).toBeGreaterThan(20);
      }),
      { numRuns: 400 },
    );
  });

  test('an import of each one changes nothing: not the log, not the registry, and no database is left behind', async () => {
    // This log holds the file's first five events: undamaged, the file would merge (or replace) cleanly.
    const store = await openStore();
    await importLog(store, bytes(buildFile(EVENTS.slice(0, 5))), { mode: 'empty' });
    const live = await openStore();
    const before = await logState(live);
    const registry = await readLogRecord(live.name, depsOf(live));
    const databases = (await indexedDB.databases()).map((d) => d.name).sort();
    await fc.assert(
      fc.asyncProperty(damaged, fc.constantFrom('replace', 'merge') as fc.Arbitrary<'replace' | 'merge'>, async ({ what, file }, mode) => {
        const error = await importLog(live, file, { mode }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, `imported: ${what}`).toBeInstanceOf(LogFileError);
        expect(await logState(live)).toEqual(before);
        expect(await readLogRecord(live.name, depsOf(live))).toEqual(registry);
        expect((await indexedDB.databases()).map((d) => d.name).sort()).toEqual(databases);
      }),
      { numRuns: 60 },
    );
    await expect(importLog(live, VALID, { mode: 'merge' })).resolves.toMatchObject({ imported: 7, skipped: 5 });
  });
});
