import { expect, test } from 'vitest';
import { readLogFile } from '../../src/files/index.ts';
import { MIGRATIONS, migratorFor, type FormatMigration } from '../../src/files/migrate.ts';
import { sampleEvents } from './fileBuilder.ts';
import { fixture } from './fixtures.ts';

test('a file of the current version is read without migration steps', async () => {
  expect(MIGRATIONS).toEqual([]);
  const summary = await readLogFile(fixture('valid.ndjson'));
  expect(summary.fileFormatVersion).toBe(1);
  expect(summary.header.formatVersion).toBe(1);
});

// The shape a real step takes when version 2 arrives: rename a header field, reshape each event.
const toV2: FormatMigration = {
  from: 1,
  header: (h) => ({ ...h, formatVersion: 2, digest: h.sha256 }),
  event: (e) => ({ ...(e as object), migrated: true }),
};
const toV3: FormatMigration = {
  from: 2,
  header: (h) => ({ ...h, formatVersion: 3 }),
  event: (e) => ({ ...(e as object), v3: true }),
};

test('older versions are lifted one step at a time up to the current one', () => {
  const migrator = migratorFor(1, [toV3, toV2], 3);
  expect(migrator.steps).toEqual([toV2, toV3]);
  expect(migrator.header({ formatVersion: 1, sha256: 'x' })).toEqual({ formatVersion: 3, sha256: 'x', digest: 'x' });
  expect(migrator.event(sampleEvents(1)[0])).toMatchObject({ migrated: true, v3: true, type: 'AccountOpened' });
});

test('a version newer than the app, or one with no way up, is refused on line 1', () => {
  expect(() => migratorFor(4, [toV2, toV3], 3)).toThrow(expect.objectContaining({ code: 'NEWER_FORMAT_VERSION', line: 1 }));
  expect(() => migratorFor(1, [toV3], 3)).toThrow(expect.objectContaining({ code: 'INVALID_HEADER', line: 1 }));
});
