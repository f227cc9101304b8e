import { open, type FileHandle } from 'node:fs/promises';
import { LogFileError, verifyLogFile, type LogFileSummary } from '../src/files/index.ts';

interface Output {
  write(text: string): unknown;
}

const USAGE = `Usage: rewind-log verify FILE [--known-types A,B,...] [--keep-unknown] [--json]

Checks a Rewind log file (NDJSON: a header line, then one event per line) and
prints its summary, or the first problem with its line number. It knows
Rewind's event types and schema versions: events of older versions are read,
events recorded by a newer version are named in the summary ("newer").

  --known-types A,B  for other event sets: accept these types (any schema);
                     others are a problem
  --keep-unknown     with --known-types: report other types instead of failing
  --json             print the summary or the problem as JSON

Exit status: 0 the file is sound, 1 it is not, 2 usage or file errors.
`;

/** The events the reader kept without knowing them: Rewind's newer versions', or types outside `--known-types`. */
function newerLine(s: LogFileSummary, typesGiven: boolean): string {
  const kinds = s.newer.kinds.map((k) => `${k.name} ${k.count}`).join(', ');
  return typesGiven ? `  unknown   ${kinds} — kept` : `  newer     ${kinds} — recorded by a newer version of Rewind`;
}

function rulesText(s: LogFileSummary): string {
  if (!s.rulesChecked) return 'not checked: the file holds part of a log, so its events are checked when merged into the log they continue';
  if (s.newer.count === 0) return "every event keeps the ledger's rules";
  return "every event this version can read keeps the ledger's rules; the newer ones, and what follows them on their accounts, are left to the version that wrote them";
}

function summaryText(file: string, s: LogFileSummary, knownTypes: string[] | undefined): string {
  const h = s.header;
  const types = Object.entries(s.types)
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => `${type} ${n}`)
    .join(', ');
  const lines = [
    `OK ${file}`,
    `  format    ${h.format} version ${s.fileFormatVersion} (written by app ${h.appVersion} at ${h.exportedAt})`,
    `  holds     ${h.hypothetical ? `a what-if scenario from seq ${h.baseSeq}${h.scenario ? ` ("${h.scenario}")` : ''}` : 'a real log'}, selection ${JSON.stringify(h.selection)}`,
    `  events    ${s.eventCount}${s.eventCount > 0 ? ` (seq ${s.firstSeq} to ${s.lastSeq})` : ''}`,
    `  streams   ${s.streamCount}`,
    `  types     ${types || '(none)'}`,
    `  rules     ${rulesText(s)}`,
    `  digest    sha256 ${s.sha256} matches the header`,
    `  size      ${s.bytes} bytes, ${s.lines} lines`,
  ];
  if (s.newer.count > 0) lines.push(newerLine(s, knownTypes !== undefined));
  for (const w of s.warnings) lines.push(`  note      line ${w.line}: ${w.message}`);
  return `${lines.join('\n')}\n`;
}

/** The file opened for reading, or why it cannot be, in words. */
async function openFile(path: string): Promise<FileHandle | string> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    return (error as Error).message;
  }
  if ((await handle.stat()).isDirectory()) {
    await handle.close();
    return 'it is a directory, not a log file';
  }
  return handle;
}

export async function main(args: string[], stdout: Output, stderr: Output): Promise<number> {
  const [command, file, ...rest] = args;
  if (command === 'help' || command === '--help' || command === '-h') {
    stdout.write(USAGE);
    return 0;
  }
  if (command !== 'verify' || !file) {
    stderr.write(USAGE);
    return 2;
  }
  const json = rest.includes('--json');
  const typesAt = rest.indexOf('--known-types');
  const knownTypes = typesAt >= 0 ? (rest[typesAt + 1] ?? '').split(',').filter(Boolean) : undefined;
  const opened = await openFile(file);
  if (typeof opened === 'string') {
    stderr.write(`rewind-log: cannot read ${file}: ${opened}\n`);
    return 2;
  }
  try {
    const summary = await verifyLogFile(opened.createReadStream(), {
      knownTypes,
      unknownTypes: rest.includes('--keep-unknown') ? 'keep' : 'reject',
    });
    stdout.write(json ? `${JSON.stringify({ ok: true, file, ...summary })}\n` : summaryText(file, summary, knownTypes));
    return 0;
  } catch (error) {
    if (!(error instanceof LogFileError)) {
      stderr.write(`rewind-log: cannot read ${file}: ${(error as Error).message}\n`);
      return 2;
    }
    const problem = { ok: false, file, code: error.code, line: error.line, message: error.message };
    stdout.write(json ? `${JSON.stringify(problem)}\n` : `NOT OK ${file}\n  ${error.message} [${error.code}]\n`);
    return 1;
  } finally {
    // A read stopped at a problem leaves the file open.
    await opened.close().catch(() => undefined);
  }
}
