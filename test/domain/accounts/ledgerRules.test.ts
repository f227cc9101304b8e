import { describe, expect, test } from 'vitest';
import {
  accountStream,
  emailStream,
  foldEvents,
  sampleLedger,
  seededRandom,
  syntheticLedger,
} from '../../../src/domain/index.ts';
import { firstViolation, LedgerRules, type CandidateEvent, type LedgerRule } from '../../../src/domain/accounts/ledgerRules.ts';

const ADA = '1111222233334444';
const BOB = '5555666677778888';

const on = (account: string, type: string, payload: Record<string, unknown>): CandidateEvent => ({
  type,
  payload: { accountNumber: account, ...payload },
  meta: { stream: accountStream(account) },
});
const opened = (account: string, owner: string, email: string) => [
  on(account, 'AccountOpened', { owner, email }),
  { type: 'EmailReserved', payload: { email, accountNumber: account }, meta: { stream: emailStream(email) } },
];
const codeSent = (account: string, messageId = `m-${account}`) =>
  on(account, 'VerificationMessageQueued', {
    messageId,
    to: 'x@example.org',
    recipient: 'X',
    subject: 'Your code',
    body: 'Your code is 123456.',
    code: '123456',
    link: '#/verify',
  });
const verified = (account: string) => [codeSent(account), on(account, 'AccountVerified', {})];
const added = (account: string, amount: unknown) => on(account, 'FundsAdded', { amount });
const withdrawn = (account: string, amount: unknown) => on(account, 'FundsWithdrawn', { amount });
const transfer = (from: string, to: string, amount: number, id = 't-1') => [
  on(from, 'TransferSent', { transferId: id, to, amount }),
  on(to, 'TransferReceived', { transferId: id, from, amount }),
];

/** Ada verified with €100.00, Bob open and unverified with nothing. */
const given = [...opened(ADA, 'Ada', 'ada@example.org'), ...verified(ADA), added(ADA, 10_000), ...opened(BOB, 'Bob', 'bob@example.org')];

function when(events: CandidateEvent[]): { rule: LedgerRule; message: string; account?: string; index: number } | undefined {
  return firstViolation([...given, ...events]);
}
const broken = (rule: LedgerRule, account: string, index: number) =>
  expect.objectContaining({ rule, account, index: given.length + index });

describe('the ledger rules admit', () => {
  test('every event the app itself writes: the sample year and a synthetic ledger', () => {
    expect(firstViolation(sampleLedger({ start: new Date('2025-01-01T00:00:00Z'), random: seededRandom(3) }))).toBeUndefined();
    expect(firstViolation(syntheticLedger({ accounts: 20, events: 5_000, seed: 9 }))).toBeUndefined();
  });
  test('a withdrawal of the whole balance, a transfer, and a close at zero', () => {
    expect(when([withdrawn(ADA, 4_000), ...transfer(ADA, BOB, 6_000), withdrawn(ADA, 1)])).toEqual(broken('FUNDS', ADA, 3));
    expect(when([withdrawn(ADA, 4_000), ...transfer(ADA, BOB, 6_000), on(ADA, 'AccountClosed', {})])).toBeUndefined();
  });
  test('events of types the domain does not know, untouched', () => {
    expect(when([{ type: 'SomethingNewer', payload: { amount: -1 }, meta: { stream: 'elsewhere' } }])).toBeUndefined();
  });
  test('movements of schema 1, as lifted to Uncategorized, beside schema-2 ones with a category', () => {
    const current = (event: CandidateEvent, category: string): CandidateEvent => ({
      ...event,
      payload: { ...(event.payload as object), category },
      meta: { ...event.meta, schema: 2 },
    });
    expect(when([withdrawn(ADA, 1_000), current(withdrawn(ADA, 1_000), 'Groceries'), ...transfer(ADA, BOB, 1_000)])).toBeUndefined();
  });
  test('after an event of a newer version on an account, what follows on it on trust: that version decided it', () => {
    const frozen: CandidateEvent = { type: 'AccountFrozen', payload: { accountNumber: ADA }, meta: { stream: accountStream(ADA) } };
    const newerDeposit: CandidateEvent = { ...added(ADA, 50_000), meta: { stream: accountStream(ADA), schema: 3 } };
    // Ada holds 100.00 as far as this version can tell; the newer events may have given her more.
    expect(when([withdrawn(ADA, 20_000)])).toEqual(broken('FUNDS', ADA, 0));
    expect(when([frozen, withdrawn(ADA, 20_000)])).toBeUndefined();
    expect(when([newerDeposit, withdrawn(ADA, 20_000)])).toBeUndefined();
    // Other accounts are still judged, and payloads and transfer halves still checked.
    expect(when([frozen, withdrawn(BOB, 1)])).toEqual(broken('VERIFIED', BOB, 1));
    expect(when([frozen, withdrawn(ADA, -5)])).toEqual(broken('PAYLOAD', ADA, 1));
    expect(when([frozen, transfer(ADA, BOB, 100)[0]!])).toEqual(broken('TRANSFER_HALVES', ADA, 2));
  });
});

describe('the ledger rules refuse', () => {
  test('a payload of the wrong shape: negative, zero, fractional or text amounts, a null payload', () => {
    for (const amount of [-5_000, 0, 12.5, '50', Number.NaN, null]) expect(when([added(ADA, amount)])).toEqual(broken('PAYLOAD', ADA, 0));
    expect(when([{ type: 'FundsAdded', payload: null, meta: { stream: accountStream(ADA) } }])).toEqual(
      expect.objectContaining({ rule: 'PAYLOAD', message: 'FundsAdded needs an object payload.' }),
    );
  });
  test('an event on a stream other than its own', () => {
    expect(when([{ ...added(ADA, 100), meta: { stream: accountStream(BOB) } }])).toEqual(broken('STREAM', ADA, 0));
  });
  test('money leaving an account that lacks it, or is not verified', () => {
    const overdraw = when([withdrawn(ADA, 10_001)]);
    expect(overdraw).toEqual(broken('FUNDS', ADA, 0));
    expect(overdraw?.message).toBe(`Account ${ADA} holds 100.00, less than the 100.01 that would leave it.`);
    expect(when([added(BOB, 5_000), withdrawn(BOB, 1_000)])).toEqual(broken('VERIFIED', BOB, 1));
    expect(when([...transfer(BOB, ADA, 1)])).toEqual(broken('VERIFIED', BOB, 0));
  });
  test('anything on an account never opened, or changes to a closed one', () => {
    expect(when([added('9999000011112222', 100)])).toEqual(broken('ACCOUNT_EXISTS', '9999000011112222', 0));
    expect(when([on(BOB, 'AccountClosed', {}), added(BOB, 100)])).toEqual(broken('ACCOUNT_OPEN', BOB, 1));
    expect(when([...opened(BOB, 'Bob again', 'bob2@example.org')])).toEqual(broken('ACCOUNT_OPENED_TWICE', BOB, 0));
  });
  test('a close with money left on the account', () => {
    expect(when([on(ADA, 'AccountClosed', {})])).toEqual(broken('CLOSING_BALANCE', ADA, 0));
  });
  test('half a transfer (named at the end, where it is still half), halves that differ or repeat, a transfer to oneself', () => {
    const [sent, received] = transfer(ADA, BOB, 3_000);
    expect(when([sent!])).toEqual(broken('TRANSFER_HALVES', ADA, 1));
    expect(when([received!])).toEqual(broken('TRANSFER_HALVES', BOB, 1));
    expect(when([sent!, { ...received!, payload: { ...(received!.payload as object), amount: 2_999 } }])).toEqual(broken('TRANSFER_HALVES', BOB, 1));
    expect(when([sent!, sent!])).toEqual(broken('TRANSFER_HALVES', ADA, 1));
    const categorised = (event: CandidateEvent, category: string) => ({ ...event, payload: { ...(event.payload as object), category }, meta: { ...event.meta, schema: 2 } });
    expect(when([categorised(sent!, 'Rent'), categorised(received!, 'Savings')])).toEqual(broken('TRANSFER_HALVES', BOB, 1));
    expect(when([...transfer(ADA, ADA, 100)])).toEqual(broken('TRANSFER_HALVES', ADA, 0));
  });
  test('the halves of a transfer apart or in either order, as one commit of several commands writes them (a batch per stream)', () => {
    const [sent, received] = transfer(ADA, BOB, 3_000);
    expect(when([sent!, added(ADA, 1), received!])).toBeUndefined();
    // The commit's batch for Bob's stream came first: Bob receives, and spends, before Ada's half is written.
    expect(when([received!, withdrawn(ADA, 1), sent!])).toBeUndefined();
  });
  test('a balance beyond the largest safe number of cents', () => {
    const many = Array.from({ length: 9_008 }, () => added(BOB, 1_000_000_000_000));
    expect(when(many)).toEqual(broken('BALANCE_LIMIT', BOB, 9_007));
  });
  test('verifying twice or before a code was sent; a message marked sent that was never queued', () => {
    expect(when([on(BOB, 'AccountVerified', {})])).toEqual(broken('VERIFICATION', BOB, 0));
    expect(when([on(ADA, 'AccountVerified', {})])).toEqual(broken('VERIFICATION', ADA, 0));
    expect(when([on(ADA, 'MessageSent', { messageId: 'nope' })])).toEqual(broken('MESSAGE', ADA, 0));
    expect(when([on(ADA, 'MessageSent', { messageId: `m-${ADA}` }), on(ADA, 'MessageSent', { messageId: `m-${ADA}` })])).toEqual(
      broken('MESSAGE', ADA, 1),
    );
  });
  test('an address reserved while another open account holds it', () => {
    const reserve = { type: 'EmailReserved', payload: { email: 'ADA@example.org', accountNumber: BOB }, meta: { stream: emailStream('ADA@example.org') } };
    expect(when([reserve])).toEqual(broken('EMAIL', BOB, 0));
  });
});

describe('from a starting state (a merge into a live log)', () => {
  test('continues from the state the live log folds to', () => {
    const base = foldEvents(given as never);
    expect(firstViolation([withdrawn(ADA, 10_000)], base)).toBeUndefined();
    expect(firstViolation([withdrawn(ADA, 10_001)], base)).toEqual(expect.objectContaining({ rule: 'FUNDS', index: 0 }));
    expect(firstViolation([withdrawn(BOB, 1)], base)).toEqual(expect.objectContaining({ rule: 'VERIFIED', index: 0 }));
  });
  test('a refused event changes nothing: the next one is judged on the state before it', () => {
    const rules = new LedgerRules();
    for (const event of given) expect(rules.admit(event)).toBeUndefined();
    expect(rules.admit(withdrawn(ADA, 10_001))?.rule).toBe('FUNDS');
    expect(rules.admit(withdrawn(ADA, 10_000))).toBeUndefined();
  });
});

describe('over only the accounts a caller follows (a what-if checking the streams it changes)', () => {
  const onlyAda = (account: string) => account === ADA;
  test('an account not followed is taken to keep its own rules, as the log it comes from does', () => {
    // Bob's opening is not given: followed, he does not exist; not followed, his half of a transfer pairs and money may leave him.
    const events = [...given.slice(0, 5), ...transfer(ADA, BOB, 3_000), ...transfer(BOB, ADA, 9_999_999, 't-2')];
    expect(firstViolation(events)).toEqual(expect.objectContaining({ rule: 'ACCOUNT_EXISTS', account: BOB }));
    const rules = new LedgerRules(undefined, onlyAda);
    for (const event of events) expect(rules.admit(event)).toBeUndefined();
    expect(rules.finish()).toBeUndefined();
  });
  test('while the halves of its transfers must still pair and its addresses are still held', () => {
    const rules = () => {
      const r = new LedgerRules(undefined, onlyAda);
      for (const event of given.slice(0, 5)) r.admit(event);
      return r;
    };
    const [sent, received] = transfer(ADA, BOB, 3_000);
    const alone = rules();
    expect(alone.admit(sent!)).toBeUndefined();
    expect(alone.finish()?.rule).toBe('TRANSFER_HALVES');
    const differ = rules();
    differ.admit(sent!);
    expect(differ.admit({ ...received!, payload: { ...(received!.payload as object), amount: 1 } })?.rule).toBe('TRANSFER_HALVES');
    const reserve = { type: 'EmailReserved', payload: { email: 'ada@example.org', accountNumber: BOB }, meta: { stream: emailStream('ada@example.org') } };
    expect(rules().admit(reserve)?.rule).toBe('EMAIL');
    // Ada, followed, is still judged on her facts.
    expect(rules().admit(withdrawn(ADA, 10_001))?.rule).toBe('FUNDS');
  });
});

describe('addresses in one commit of several commands', () => {
  test('an address reserved before its account is opened (the address stream’s batch first) is admitted, once the account opens', () => {
    const CAT = '9999888877776666';
    const [open, reserve] = opened(CAT, 'Cat', 'cat@example.org');
    expect(when([reserve!, open!])).toBeUndefined();
    expect(when([reserve!])).toEqual(broken('ACCOUNT_EXISTS', CAT, 1));
  });
  test('an address closed and reopened in one commit: released by its old account, reserved for the new one, before the new one opens', () => {
    const CAT = '9999888877776666';
    const release = { type: 'EmailReleased', payload: { email: 'bob@example.org', accountNumber: BOB }, meta: { stream: emailStream('bob@example.org') } };
    const [open, reserve] = opened(CAT, 'Cat', 'bob@example.org');
    expect(when([on(BOB, 'AccountClosed', {}), release, reserve!, open!])).toBeUndefined();
  });
});
