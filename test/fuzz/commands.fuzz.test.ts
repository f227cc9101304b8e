import fc from 'fast-check';
import { afterEach, expect, test } from 'vitest';
import {
  COMMAND_TYPES,
  MAX_AMOUNT,
  MAX_NOTE_CHARS,
  MAX_OWNER_CHARS,
  isDomainError,
  listMessages,
  type AccountOpened,
  type Stored,
} from '../../src/domain/index.ts';
import { asLedgerStates, openLedger, type Ledger } from '../../src/app/index.ts';

/**
 * Random malformed commands through the ledger's dispatch, the entry point of
 * every form and link: each is refused with a DomainError (a stable code and a
 * sentence), and neither the log nor the memory image changes.
 */

let ledger: Ledger | undefined;
afterEach(async () => {
  await ledger?.close();
  ledger = undefined;
});

/** A ledger with Ada (verified, with funds) and Bob (not verified): real targets for the commands to miss. */
async function ledgerWithAccounts() {
  ledger = await openLedger({ name: 'fuzz-commands' });
  await ledger.image.ready;
  const open = async (owner: string, email: string) =>
    ((await ledger!.dispatch({ type: 'OpenAccount', owner, email, initialDeposit: 500_00 })).events[0] as Stored<AccountOpened>).payload.accountNumber;
  const ada = await open('Ada', 'ada@example.org');
  const bob = await open('Bob', 'bob@example.org');
  const outbox = () => listMessages(asLedgerStates(ledger!.image.getState().states).outbox);
  await expect.poll(() => outbox().length).toBe(2);
  const code = outbox().find((m) => m.accountNumber === ada)!.code!;
  await ledger.dispatch({ type: 'VerifyAccount', account: ada, code });
  return { ledger, ada, bob, code };
}

const notPlainText = fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));
const withControl = fc.constantFrom('\n', '\u0000', '\t', '\u001b', '\u007f').map((c) => `x${c}y`);

/** Values each kind of field must refuse. */
const bad = {
  amount: fc.oneof(
    fc.constantFrom<unknown>(0, -1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, MAX_AMOUNT + 1, 1e300, '100', '', true),
    fc.integer({ max: 0 }),
    fc.double({ noNaN: true }).filter((n) => !(Number.isInteger(n) && n > 0 && n <= MAX_AMOUNT)),
    fc.string(),
    fc.object({ maxDepth: 1 }),
  ),
  account: fc.oneof(
    fc.string({ maxLength: 30 }).filter((s) => !/^[1-9]\d{15}$/.test(s.replace(/[\s-]/g, ''))),
    fc.constantFrom('0123456789012345', '123456789012345', '12345678901234567', '1234 5678 9012 345x'),
    fc.integer(),
    fc.constant(1234567890123456),
    notPlainText,
  ),
  owner: fc.oneof(fc.constantFrom('', '   '), fc.string({ minLength: MAX_OWNER_CHARS + 1, maxLength: MAX_OWNER_CHARS + 20 }).map((s) => `x${s.replace(/\s/g, 'x')}`), withControl, notPlainText),
  email: fc.oneof(
    fc.string({ maxLength: 40 }).filter((s) => !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(s.trim())),
    fc.constantFrom('a@b', '@example.org', 'a b@example.org', 'a@@example.org', `${'a'.repeat(250)}@example.org`),
    notPlainText,
  ),
  note: fc.oneof(fc.string({ minLength: MAX_NOTE_CHARS + 1, maxLength: MAX_NOTE_CHARS + 20 }).map((s) => `x${s.replace(/\s/g, 'x')}`), withControl, fc.integer(), fc.object({ maxDepth: 1 })),
  code: fc.oneof(fc.string({ maxLength: 10 }).filter((s) => !/^\d{6}$/.test(s.trim())), fc.integer(), fc.constantFrom('12345', '1234567', 'abcdef')),
  messageId: fc.oneof(fc.constantFrom(''), fc.string({ minLength: 101, maxLength: 120 }), withControl, fc.integer()),
};
type FieldKind = keyof typeof bad;

/** Commands the rules would accept, whose one field is then broken. `account` fields may also name an account that does not exist. */
function templates(ada: string, bob: string): { command: Record<string, unknown>; fields: Record<string, FieldKind> }[] {
  return [
    { command: { type: 'OpenAccount', owner: 'Cy', email: 'cy@example.org', initialDeposit: 10_00 }, fields: { owner: 'owner', email: 'email', initialDeposit: 'amount' } },
    { command: { type: 'AddFunds', account: ada, amount: 1_00, note: 'ok' }, fields: { account: 'account', amount: 'amount', note: 'note' } },
    { command: { type: 'Withdraw', account: ada, amount: 1_00 }, fields: { account: 'account', amount: 'amount', note: 'note' } },
    { command: { type: 'Transfer', from: ada, to: bob, amount: 1_00 }, fields: { from: 'account', to: 'account', amount: 'amount', note: 'note' } },
    { command: { type: 'VerifyAccount', account: bob, code: '000000' }, fields: { account: 'account', code: 'code' } },
    { command: { type: 'CloseAccount', account: bob }, fields: { account: 'account' } },
    { command: { type: 'MarkMessageSent', account: ada, messageId: 'some-message' }, fields: { account: 'account', messageId: 'messageId' } },
  ];
}

function malformedCommands(ada: string, bob: string): fc.Arbitrary<unknown> {
  const known = new Set([ada, bob]);
  const unknownAccount = fc.stringMatching(/^[1-9]\d{15}$/).filter((n) => !known.has(n));
  const broken = fc.constantFrom(...templates(ada, bob)).chain(({ command, fields }) =>
    fc.oneof(
      // One field gets a value of the wrong kind.
      fc.constantFrom(...Object.entries(fields)).chain(([field, kind]) =>
        (kind === 'account' ? fc.oneof(bad.account, unknownAccount) : bad[kind]).map((value) => ({ ...command, [field]: value })),
      ),
      // A required field is missing.
      fc.constantFrom(...Object.keys(command).filter((k) => k !== 'type' && k !== 'note' && k !== 'initialDeposit')).map((field) => {
        const { [field]: _dropped, ...rest } = command;
        return rest;
      }),
      // A field the command does not take.
      fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !(k in command) && !(k in fields) && k !== '__proto__').map((k) => ({ ...command, [k]: 1 })),
    ),
  );
  return fc.oneof(
    { weight: 6, arbitrary: broken },
    { weight: 1, arbitrary: fc.anything() },
    { weight: 1, arbitrary: fc.record({ type: fc.string().filter((t) => !(COMMAND_TYPES as string[]).includes(t)) }) },
  );
}

test('every malformed command is refused with a coded, worded DomainError, and the log and the memory image stay as they were', async () => {
  const { ledger, ada, bob } = await ledgerWithAccounts();
  const seq = await ledger.eventStore.lastSeq();
  const image = ledger.image.getState();
  await fc.assert(
    fc.asyncProperty(malformedCommands(ada, bob), async (command) => {
      const error = await ledger.dispatch(command).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, `accepted: ${JSON.stringify(command)}`).toBeDefined();
      expect(isDomainError(error), `not a DomainError: ${String(error)}`).toBe(true);
      const { code, message } = error as { code: string; message: string };
      expect(code).toMatch(/^[A-Z_]+$/);
      expect(message).toMatch(/^\S.{9,}[.)]$/s);
      expect(await ledger.eventStore.lastSeq()).toBe(seq);
      expect(ledger.image.getState()).toBe(image);
    }),
    { numRuns: 300 },
  );
});
