import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { LEDGER_EVENT_TYPES } from '../../src/domain/index.ts';
import { fixture, fixturePath } from './fixtures.ts';

const EXPECTED = JSON.parse(readFileSync(fixturePath('schema-1/expected.json'), 'utf8')) as Record<'household' | 'small', { events: number }>;
const bin = join(import.meta.dirname, '..', '..', 'bin', 'rewind-log.mjs');

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('verify prints the summary of a sound file and exits 0', async () => {
  const { code, stdout } = await run('verify', fixturePath('valid.ndjson'));
  expect(code).toBe(0);
  expect(stdout).toMatch(/^OK /);
  expect(stdout).toMatch(/events +12 \(seq 1 to 12\)/);
  expect(stdout).toMatch(/streams +3/);
  expect(stdout).toMatch(/types +AccountOpened 3, VerificationMessageQueued 3, AccountVerified 3, FundsAdded 3/);
  const { sha256 } = JSON.parse(readFileSync(fixturePath('valid.ndjson'), 'utf8').split('\n')[0]!) as { sha256: string };
  expect(stdout).toContain(`digest    sha256 ${sha256} matches the header`);
});

test('verify reports the first problem of a damaged file with its line number and exits 1', async () => {
  // A valid file with one event line cut short, as a bad copy would leave it.
  const dir = mkdtempSync(join(tmpdir(), 'rewind-cli-'));
  const text = new TextDecoder().decode(fixture('valid.ndjson')).split('\n');
  text[6] = text[6]!.slice(0, 50);
  const damaged = join(dir, 'damaged.ndjson');
  writeFileSync(damaged, text.join('\n'));
  const { code, stdout } = await run('verify', damaged);
  expect(code).toBe(1);
  expect(stdout).toMatch(/^NOT OK /);
  expect(stdout).toMatch(/Line 7: the line is not valid JSON .*\[INVALID_JSON\]/);

  const json = await run('verify', fixturePath('digest-mismatch.ndjson'), '--json');
  expect(json.code).toBe(1);
  expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, code: 'DIGEST_MISMATCH', line: 1 });
});

test('verify checks event types against a list when given one', async () => {
  const strict = await run('verify', fixturePath('unknown-type.ndjson'), '--known-types', LEDGER_EVENT_TYPES.join(','));
  expect(strict.code).toBe(1);
  expect(strict.stdout).toMatch(/Line 12: "AccountFrozen" is not an event type/);
  const kept = await run('verify', fixturePath('unknown-type.ndjson'), '--known-types', LEDGER_EVENT_TYPES.join(','), '--keep-unknown');
  expect(kept.code).toBe(0);
  expect(kept.stdout).toMatch(/\n {2}unknown +AccountFrozen 1 — kept\n/);
  expect(kept.stdout).not.toMatch(/newer version/);
});

test('a missing file or a directory exits 2 with one line saying why, never a stack', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rewind-cli-'));
  for (const [path, why] of [
    ['/no/such/file.ndjson', 'no such file'],
    [dir, 'it is a directory, not a log file'],
  ] as const) {
    const { code, stdout, stderr } = await run('verify', path);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`rewind-log: cannot read ${path}: ${why}\n`);
  }
});

test('the summary says whether the ledger’s rules were checked', async () => {
  expect((await run('verify', fixturePath('valid.ndjson'))).stdout).toMatch(/rules +every event keeps the ledger's rules/);
  expect((await run('verify', fixturePath('partial-range.ndjson'))).stdout).toMatch(/rules +not checked: the file holds part of a log/);
});

test('a wrong command exits 2 with usage', async () => {
  const usage = await run('check');
  expect(usage.code).toBe(2);
  expect(usage.stderr).toMatch(/Usage: rewind-log verify FILE/);
});

describe('files from other versions of Rewind', () => {
  test.each([
    ['schema-1/household.ndjson', 'household'],
    ['schema-1/small.ndjson', 'small'],
  ] as const)('%s, written by 0.1.0, is read without a word about versions', async (name, key) => {
    const { code, stdout } = await run('verify', fixturePath(name));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^OK /);
    expect(stdout).toMatch(new RegExp(`events +${EXPECTED[key].events} \\(seq 1 to ${EXPECTED[key].events}\\)`));
    expect(stdout).toMatch(/rules +every event keeps the ledger's rules/);
    expect(stdout).not.toMatch(/newer|unknown|note/);
  });

  test('a file with events of a newer version names them and exits 0', async () => {
    const { code, stdout } = await run('verify', fixturePath('newer-version/small-from-v9.ndjson'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^OK /);
    expect(stdout).toContain('\n  newer     AccountFrozen 1, FundsAdded schema 3 1, BudgetSet 1 — recorded by a newer version of Rewind\n');
    expect(stdout).toMatch(/rules +every event this version can read keeps the ledger's rules; the newer ones, and what follows them on their accounts, are left to the version that wrote them\n/);

    const json = await run('verify', fixturePath('newer-version/small-from-v9.ndjson'), '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: true,
      eventCount: 19,
      newer: { count: 3, newerSchemas: 1, kinds: [{ name: 'AccountFrozen' }, { name: 'FundsAdded schema 3', schema: 3 }, { name: 'BudgetSet' }], firstLine: 17 },
    });
  });

  test('--keep-unknown is still accepted on its own, where it changes nothing', async () => {
    const { code, stdout } = await run('verify', fixturePath('newer-version/small-from-v9.ndjson'), '--keep-unknown');
    expect(code).toBe(0);
    expect(stdout).toMatch(/newer +AccountFrozen 1/);
  });
});
