import { LogFileError } from './errors.ts';
import { FORMAT_VERSION } from './format.ts';

/**
 * Reading files of older format versions. Each step lifts a parsed header and
 * its event lines from one version to the next, so a file of any known version
 * is read by chaining steps up to FORMAT_VERSION and then checked by the rules of
 * the current version. The digest is always checked against the bytes as they
 * are in the file (the header that carries it is the file's own).
 *
 * Version 1 is the first published version, so there are no steps yet. When the
 * format changes, bump FORMAT_VERSION, add `{ from: 1, header, event }` here and a
 * fixture file of the old version in test/fixtures/.
 */
export interface FormatMigration {
  /** The version this step reads; it produces version `from + 1`. */
  from: number;
  header(header: Record<string, unknown>): Record<string, unknown>;
  event(event: unknown): unknown;
}

export const MIGRATIONS: readonly FormatMigration[] = [];

export interface Migrator {
  /** The steps applied, oldest first; empty for a file of the current version. */
  steps: readonly FormatMigration[];
  header(header: Record<string, unknown>): Record<string, unknown>;
  event(event: unknown): unknown;
}

/**
 * The chain of steps from `version` to `target`. A version newer than the
 * target, or one no step starts from, is refused with a message that says what
 * to do.
 */
export function migratorFor(version: number, migrations: readonly FormatMigration[] = MIGRATIONS, target = FORMAT_VERSION): Migrator {
  if (version > target)
    throw new LogFileError(
      'NEWER_FORMAT_VERSION',
      `the file is in format version ${version}, written by a newer version of Rewind; this version reads versions up to ${target}. Update the app and try again.`,
      1,
    );
  const steps: FormatMigration[] = [];
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) throw new LogFileError('INVALID_HEADER', `format version ${version} is not a version of the Rewind log format.`, 1);
    steps.push(step);
  }
  if (steps.length === 0) return { steps, header: (h) => h, event: (e) => e };
  return {
    steps,
    header: (h) => steps.reduce((acc, step) => step.header(acc), h),
    event: (e) => steps.reduce((acc, step) => step.event(acc), e),
  };
}
