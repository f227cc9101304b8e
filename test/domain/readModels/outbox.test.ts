import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { StoredEvent } from '../../../src/eventstore/index.ts';
import { verificationText, withdrawalNoteIn, withdrawalText } from '../../../src/domain/accounts/messages.ts';
import { getMessage, listMessages, outboxProjection, verificationMessage, type OutboxState } from '../../../src/domain/readModels/outbox.ts';

// Given queued messages as the process managers (or a log from elsewhere) wrote them, then the outbox shows
// exactly their texts while keeping only what it rebuilds them from (applyMany.test.ts checks its batch fold).

const ACCOUNTS = ['4000000000000001', '4000000000000002'];
const text = fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'é', ' ', '(', ')', '.', '\n', '李') });

type Queued = { type: 'VerificationMessageQueued' | 'WithdrawalMessageQueued'; payload: Record<string, string | number> };

const verification = fc
  .record({ accountNumber: fc.constantFrom(...ACCOUNTS), recipient: text, code: fc.constantFrom('123456', '000042'), foreign: fc.option(fc.tuple(text, text)) })
  .map(({ accountNumber, recipient, code, foreign }): Queued => {
    const [subject, body] = foreign ?? Object.values(verificationText(recipient, accountNumber, code));
    return { type: 'VerificationMessageQueued', payload: { accountNumber, recipient, code, link: '#/verify', subject: subject!, body: body! } };
  });

const withdrawal = fc
  .record({ accountNumber: fc.constantFrom(...ACCOUNTS), recipient: text, amount: fc.integer({ min: 1, max: 10_000_000 }), note: fc.option(text), foreign: fc.option(fc.tuple(text, text)) })
  .map(({ accountNumber, recipient, amount, note, foreign }): Queued => {
    const [subject, body] = foreign ?? Object.values(withdrawalText(recipient, accountNumber, amount, note ?? undefined));
    return { type: 'WithdrawalMessageQueued', payload: { accountNumber, recipient, amount, subject: subject!, body: body! } };
  });

const sent = fc.record({ accountNumber: fc.constantFrom(...ACCOUNTS), n: fc.nat({ max: 8 }) });

/** A log of queued messages (ids m0, m1, … in order) and marks of some as sent. */
const log = fc.array(fc.oneof(verification, withdrawal, sent), { maxLength: 30 }).map((drafts) =>
  drafts.map((draft, i): StoredEvent => {
    const isSent = !('type' in draft);
    const type = isSent ? 'MessageSent' : draft.type;
    const payload: Record<string, string | number> = isSent
      ? { accountNumber: draft.accountNumber, messageId: `m${draft.n}` }
      : { ...draft.payload, messageId: `m${i}`, to: 'someone@example.org' };
    const meta = { id: `e${i}`, seq: i + 1, stream: `account-${payload.accountNumber}`, version: i + 1, at: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString() };
    return { type, payload, meta };
  }),
);

const foldOne = (events: readonly StoredEvent[]) => events.reduce<OutboxState>((state, event) => outboxProjection.apply(state, event), outboxProjection.initial);

test('every message reads with the subject and body its event carries, notes and texts written elsewhere included', () => {
  fc.assert(
    fc.property(log, (events) => {
      const outbox = foldOne(events);
      const queued = events.filter((e) => e.type !== 'MessageSent');
      for (const event of queued) {
        const { accountNumber, messageId, subject, body } = event.payload as Record<string, string>;
        expect(getMessage(outbox, accountNumber!, messageId!)).toMatchObject({ subject, body });
      }
      expect(listMessages(outbox).map((m) => [m.subject, m.body])).toEqual(
        queued.reverse().map((e) => [(e.payload as Record<string, string>).subject, (e.payload as Record<string, string>).body]),
      );
    }),
    { numRuns: 200 },
  );
});

test('the outbox keeps no text its templates rebuild, only a withdrawal note', () => {
  const [account] = ACCOUNTS;
  const events: StoredEvent[] = [
    { type: 'VerificationMessageQueued', payload: { accountNumber: account!, messageId: 'v', to: 'a@x.org', recipient: 'Ada', code: '123456', link: '#', ...verificationText('Ada', account!, '123456') } },
    { type: 'WithdrawalMessageQueued', payload: { accountNumber: account!, messageId: 'w', to: 'a@x.org', recipient: 'Ada', amount: 250, ...withdrawalText('Ada', account!, 250, 'rent (March)') } },
  ].map((e, i) => ({ ...e, meta: { id: `e${i}`, seq: i + 1, stream: `account-${account}`, version: i + 1, at: '2025-01-01T00:00:00.000Z' } }));
  const json = JSON.stringify(foldOne(events));
  expect(json).not.toContain('Hello');
  expect(json).not.toContain('withdrew');
  expect(json).toContain('"rent (March)"');
  expect(getMessage(foldOne(events), account!, 'w')?.body).toContain('2.50 from account');
});

test('a withdrawal body gives back the note it was written with, and no note from a body written otherwise', () => {
  fc.assert(
    fc.property(text, fc.integer({ min: 1, max: 10_000_000 }), fc.option(text), (owner, amount, note) => {
      const { body } = withdrawalText(owner, ACCOUNTS[0]!, amount, note ?? undefined);
      expect(withdrawalNoteIn(body, owner, ACCOUNTS[0]!, amount)).toBe(note ?? '');
      expect(withdrawalNoteIn(body, owner, ACCOUNTS[1]!, amount)).toBeUndefined();
      expect(withdrawalNoteIn(`${body} `, owner, ACCOUNTS[0]!, amount)).toBeUndefined();
    }),
  );
});

test('a verification link leads to the newest message that sent its code to its account', () => {
  const [ada, bob] = ACCOUNTS as [string, string];
  const queued = (accountNumber: string, messageId: string, code: string, i: number): StoredEvent => ({
    type: 'VerificationMessageQueued',
    payload: { accountNumber, messageId, to: 'a@x.org', recipient: 'Ada', code, link: '#', ...verificationText('Ada', accountNumber, code) },
    meta: { id: `e${i}`, seq: i, stream: `account-${accountNumber}`, version: i, at: '2025-01-01T00:00:00.000Z' },
  });
  const outbox = foldOne([queued(ada, 'm1', '111111', 1), queued(bob, 'm2', '111111', 2), queued(ada, 'm3', '111111', 3), queued(ada, 'm4', '222222', 4)]);
  expect(verificationMessage(outbox, ada, '111111')).toMatchObject({ messageId: 'm3', eventId: 'e3', recipient: 'Ada', kind: 'verification' });
  expect(verificationMessage(outbox, bob, '111111')?.messageId).toBe('m2');
  expect(verificationMessage(outbox, bob, '222222')).toBeUndefined();
});

test('a verification message still waiting when its account is verified has done its work: it waits no more', () => {
  const [ada, bob] = ACCOUNTS as [string, string];
  const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString();
  let seq = 0;
  const event = (type: string, payload: Record<string, string>): StoredEvent => {
    seq += 1;
    return { type, payload, meta: { id: `e${seq}`, seq, stream: `account-${payload.accountNumber}`, version: seq, at: at(seq) } };
  };
  const queue = (accountNumber: string, messageId: string) =>
    event('VerificationMessageQueued', { accountNumber, messageId, to: 'x@example.org', recipient: 'X', code: '123456', link: '#', ...verificationText('X', accountNumber, '123456') });
  // Given Ada's code waiting, and Bob's code already sent by hand,
  const given = [queue(ada, 'a'), queue(bob, 'b'), event('MessageSent', { accountNumber: bob, messageId: 'b' })];
  // when both accounts are verified,
  const verified = foldOne([...given, event('AccountVerified', { accountNumber: ada }), event('AccountVerified', { accountNumber: bob })]);
  // then Ada's is done (not waiting, not sent) and Bob's stays sent.
  expect(listMessages(verified, { status: 'queued' })).toEqual([]);
  expect(getMessage(verified, ada, 'a')).toMatchObject({ status: 'done', doneAt: at(4) });
  expect(getMessage(verified, ada, 'a')?.sentAt).toBeUndefined();
  expect(getMessage(verified, bob, 'b')).toMatchObject({ status: 'sent', sentAt: at(3) });
  expect([verified.queued, verified.sent]).toEqual([0, 1]);
  // A done message marked sent after all is sent, and counted once.
  const markedLater = foldOne([...given, event('AccountVerified', { accountNumber: ada }), event('MessageSent', { accountNumber: ada, messageId: 'a' })]);
  expect(getMessage(markedLater, ada, 'a')?.status).toBe('sent');
  expect([markedLater.queued, markedLater.sent]).toEqual([0, 2]);
  // Another account's verification leaves a code waiting.
  expect(listMessages(foldOne([queue(ada, 'a'), event('AccountVerified', { accountNumber: bob })]), { status: 'queued' })).toHaveLength(1);
});
