import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main as rewindLog } from '../../bin/verifyCommand.ts';
import type { EventStore, StoredEvent } from '../../src/eventstore/index.ts';
import { accountStream } from '../../src/domain/index.ts';
import { exportLog, importLog, readLogFile, type ImportMode } from '../../src/files/index.ts';
import { openLedger } from '../../src/app/index.ts';
import type { LedgerRuleError } from '../../src/files/ruleGate.ts';
import { buildFile, bytes } from './fileBuilder.ts';
import { logState, openStore } from './helpers.ts';
import { HOSTILITIES, hostileLog, hostility, validLedger, type Hostility } from './hostileFiles.ts';

const LEDGER = validLedger();

/** What refusing a file looks like to its reader: the error, or undefined when it was read whole. */
async function readRefusal(file: string): Promise<LedgerRuleError | undefined> {
  return readLogFile(bytes(file)).then(
    () => undefined,
    (error: LedgerRuleError) => error,
  );
}

/** Appends events keeping every meta field a caller may set (id, time, causation…), so a file of the same log merges onto them. */
async function appendAsExported(store: EventStore, events: readonly StoredEvent[]): Promise<void> {
  for (const { type, payload, meta } of events) {
    const { seq: _seq, version: _version, stream, ...input } = meta;
    await store.append(stream, [{ type, payload, meta: input }]);
  }
}

/** Imports `file` into a log holding the valid ledger's first `held` events; checks nothing changed and returns the refusal. */
async function importRefused(file: string, mode: ImportMode, held: number) {
  const store = await openStore();
  await appendAsExported(store, LEDGER.slice(0, held));
  const before = await logState(store);
  const error = await importLog(store, bytes(file), { mode }).then(
    () => undefined,
    (e: unknown) => e as LedgerRuleError,
  );
  expect(await logState(store)).toEqual(before);
  return error;
}

async function verifyRefusal(file: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'rewind-gate-')), 'hostile.ndjson');
  writeFileSync(path, file);
  let out = '';
  const code = await rewindLog(['verify', path, '--json'], { write: (t: string) => (out += t) }, { write: () => undefined });
  return { code, result: JSON.parse(out) as { code: string; line: number; message: string } };
}

describe('the import gate', () => {
  test('lets the valid ledger through, and says so', async () => {
    const summary = await readLogFile(bytes(buildFile(LEDGER)));
    expect(summary).toMatchObject({ eventCount: LEDGER.length, rulesChecked: true });
  });

  test.each(HOSTILITIES.map((h) => ({ name: h.name, change: h })))(
    '$name: refused by replace, merge and rewind-log verify alike, naming line, seq, account and rule; nothing changes',
    async ({ change }: { change: Hostility }) => {
      // Changed past the middle where it can be, so a merge into a log holding the part before has the change among its new events.
      const candidates = LEDGER.flatMap((e, i) => (change.applies(e) ? [i] : []));
      const { events, at } = hostileLog(LEDGER, change, candidates.find((i) => i >= LEDGER.length / 2) ?? candidates.at(-1));
      const file = buildFile(events);
      const refusal = await readRefusal(file);
      expect(refusal).toMatchObject({ name: 'LedgerRuleError', code: 'RULE_BROKEN' });
      // At the changed line (at + 2), later, or at the half left of a transfer whose other half was dropped (the line before).
      expect(refusal!.line).toBeGreaterThanOrEqual(at + 1);
      expect(refusal!.message).toMatch(new RegExp(`^Line ${refusal!.line}: event ${refusal!.seq} \\(\\w+( on account \\d{16})?\\) breaks a rule of the ledger: .+`));

      for (const mode of ['replace', 'merge'] as const) {
        const error = await importRefused(file, mode, at - 10);
        expect(error).toMatchObject({ code: 'RULE_BROKEN', line: refusal!.line, seq: refusal!.seq, rule: refusal!.rule });
      }
      const cli = await verifyRefusal(file);
      expect(cli.code).toBe(1);
      expect(cli.result).toMatchObject({ code: 'RULE_BROKEN', line: refusal!.line, message: refusal!.message });
    },
  );

  test('the four cases found in the wild, each with the rule in words', async () => {
    const opened = LEDGER.findIndex((e) => e.type === 'FundsAdded');
    const deposit = LEDGER[opened]!;
    const account = (deposit.payload as { accountNumber: string }).accountNumber;
    const withAmount = (amount: unknown) => buildFile(LEDGER.map((e, i) => (i === opened ? { ...e, payload: { ...(e.payload as object), amount } } : e)) as never);
    expect((await readRefusal(withAmount(-5000)))?.message).toContain(`(FundsAdded on account ${account}) breaks a rule of the ledger: FundsAdded: The amount must be more than zero.`);
    expect((await readRefusal(withAmount('50')))?.message).toContain('The amount must be a number of cents.');
    expect((await readRefusal(buildFile(LEDGER.map((e, i) => (i === opened ? { ...e, payload: null } : e)))))?.message).toContain(
      'FundsAdded needs an object payload.',
    );
    // An overdrawing withdrawal on an account not yet verified.
    const unverified = LEDGER.findIndex((e) => e.type === 'AccountOpened');
    const number = (LEDGER[unverified]!.payload as { accountNumber: string }).accountNumber;
    const { events } = hostileLog(LEDGER, hostility('a withdrawal of more than the account holds'), unverified);
    const refusal = await readRefusal(buildFile(events));
    expect(refusal).toMatchObject({ rule: 'VERIFIED', account: number, seq: unverified + 2 });
  });

  test('a merge judges the new events after this log: a part of a log that overdraws here is refused', async () => {
    const store = await openStore();
    const firstWithdrawal = LEDGER.findIndex((e) => e.type === 'FundsWithdrawn');
    const held = LEDGER.slice(0, firstWithdrawal);
    await appendAsExported(store, held);
    const withdrawal = LEDGER[firstWithdrawal]!;
    const huge = { ...withdrawal, payload: { ...(withdrawal.payload as object), amount: 900_000_000_000 } };
    // A range of the log, not a whole one: on its own it cannot be judged, so only the merge can.
    const part = buildFile([huge], { selection: { kind: 'seq', fromSeq: firstWithdrawal + 1, toSeq: firstWithdrawal + 1 } });
    expect(await readLogFile(bytes(part))).toMatchObject({ rulesChecked: false });
    const before = await logState(store);
    await expect(importLog(store, bytes(part), { mode: 'merge' })).rejects.toMatchObject({ code: 'RULE_BROKEN', rule: 'FUNDS', line: 2 });
    expect(await logState(store)).toEqual(before);
    // The real withdrawal, in the same place, merges.
    const real = buildFile([withdrawal], { selection: { kind: 'seq', fromSeq: firstWithdrawal + 1, toSeq: firstWithdrawal + 1 } });
    await expect(importLog(store, bytes(real), { mode: 'merge' })).resolves.toMatchObject({ imported: 1 });
  });

  test('fuzz: any one rule-breaking change to a valid ledger is refused at or after the changed line', async () => {
    const ledgers = [validLedger(2), validLedger(3)];
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 1 }), fc.constantFrom(...HOSTILITIES), fc.nat(), async (which, change, pick) => {
        const ledger = ledgers[which]!;
        const candidates = ledger.flatMap((e, i) => (change.applies(e) ? [i] : []));
        const { events, at } = hostileLog(ledger, change, candidates[pick % candidates.length]);
        const refusal = await readRefusal(buildFile(events));
        expect(refusal).toMatchObject({ code: 'RULE_BROKEN' });
        expect(refusal!.line).toBeGreaterThanOrEqual(at + 1);
      }),
      { numRuns: 120 },
    );
  });
});

describe('logs the app writes', () => {
  test('pass the gate when one commit holds several commands, with other events between a transfer’s halves', async () => {
    const ledger = await openLedger({ name: 'written-by-the-app' });
    try {
      await ledger.image.ready;
      const open = async (owner: string) => {
        const { events } = await ledger.dispatch({ type: 'OpenAccount', owner, email: `${owner}@example.org`, initialDeposit: 100_00 });
        return (events[0]!.payload as { accountNumber: string }).accountNumber;
      };
      const [ada, bob] = [await open('ada'), await open('bob')];
      for (const account of [ada, bob]) {
        const code = async () =>
          ((await ledger.eventStore.readStream(accountStream(account))).find((e) => e.type === 'VerificationMessageQueued')?.payload as
            | { code: string }
            | undefined)?.code;
        await expect.poll(code).toBeDefined();
        await ledger.dispatch({ type: 'VerifyAccount', account, code: (await code())! });
      }
      // Dispatched together, these are decided in one turn and written as one batch per stream.
      await Promise.all([
        ledger.dispatch({ type: 'AddFunds', account: bob, amount: 1_00 }),
        ledger.dispatch({ type: 'Transfer', from: ada, to: bob, amount: 30_00 }),
        ledger.dispatch({ type: 'Withdraw', account: ada, amount: 5_00 }),
        ledger.dispatch({ type: 'Transfer', from: bob, to: ada, amount: 20_00 }),
      ]);
      const events = await ledger.eventStore.readAll();
      const halvesApart = events.filter(
        (e, i) => e.type === 'TransferSent' && events[i + 1]?.type !== 'TransferReceived',
      );
      expect(halvesApart.length).toBeGreaterThan(0);
      const exported = await exportLog(ledger.eventStore);
      await expect(readLogFile(new Uint8Array(await exported.blob.arrayBuffer()))).resolves.toMatchObject({ rulesChecked: true, eventCount: events.length });
    } finally {
      await ledger.close();
    }
  });
});
