import { describe, expect, test } from 'vitest';
import { openEventStore, type EventInput, type EventStore, type StoredEvent } from '../../../src/eventstore/index.ts';
import { accountStream, getAccount, ledgerProjections, seededRandom, type AccountsState, type HistoryEntry } from '../../../src/domain/index.ts';
import { replay, whatIf, type WhatIfResult } from '../../../src/replay/index.ts';
import { type HistoryOrigin } from '../../../src/app/index.ts';
import { readAccountHistory, readNewerHistory, readWholeAccountHistory } from '../../../src/app/parts.ts';
import { steppingClock } from '../../replay/counter.ts';
import { foldForward } from '../../domain/readModels/historyFold.ts';

const ADA = '1111222233334444';
const BOB = '5555666677778888';

/**
 * Two accounts with a few hundred interleaved events: money in and out both
 * ways, transfers between them, messages (which share the streams but are no
 * history lines) and email reservations on other streams.
 */
async function busyLedger(events = 400): Promise<EventStore> {
  const store = await openEventStore({ name: 'history', clock: steppingClock() });
  const random = seededRandom(7);
  const opened = (number: string, owner: string): EventInput => ({ type: 'AccountOpened', payload: { accountNumber: number, owner, email: `${owner}@example.org` } });
  await store.append(accountStream(ADA), [opened(ADA, 'ada'), { type: 'FundsAdded', payload: { accountNumber: ADA, amount: 1_000_000 } }]);
  await store.append(accountStream(BOB), [opened(BOB, 'bob')]);
  await store.append('email-x', [{ type: 'EmailReserved', payload: { email: 'ada@example.org', accountNumber: ADA } }]);
  for (let i = 0; i < events; i++) {
    const [number, other] = random.int(3) === 0 ? [BOB, ADA] : [ADA, BOB];
    const amount = 1 + random.int(5_000);
    const pick = random.int(5);
    if (pick === 0) await store.append(accountStream(number), [{ type: 'FundsAdded', payload: { accountNumber: number, amount, note: `in ${i}` } }]);
    else if (pick === 1) await store.append(accountStream(number), [{ type: 'FundsWithdrawn', payload: { accountNumber: number, amount } }, { type: 'WithdrawalMessageQueued', payload: { accountNumber: number, amount } }]);
    else if (pick === 2)
      await store.appendMany([
        { stream: accountStream(number), events: [{ type: 'TransferSent', payload: { accountNumber: number, to: other, amount, transferId: `t${i}` } }] },
        { stream: accountStream(other), events: [{ type: 'TransferReceived', payload: { accountNumber: other, from: number, amount, transferId: `t${i}` } }] },
      ]);
    else if (pick === 3) await store.append(accountStream(number), [{ type: 'MessageSent', payload: { accountNumber: number, messageId: `m${i}` } }]);
    else await store.append('email-x', [{ type: 'EmailReserved', payload: { email: `e${i}@example.org`, accountNumber: number } }]);
  }
  return store;
}

async function originAt(store: EventStore, number: string, toSeq?: number, branch?: WhatIfResult): Promise<HistoryOrigin> {
  const states = branch?.states ?? (await replay(store, ledgerProjections, { toSeq })).states;
  const account = getAccount(states.accounts as AccountsState, number)!;
  return { accountNumber: number, balance: account.balance, version: account.version, branch };
}

/** Every batch of `limit` lines, in order, checking each batch's size. */
async function allBatches(store: EventStore, origin: HistoryOrigin, limit: number): Promise<HistoryEntry[]> {
  const lines: HistoryEntry[] = [];
  let batch = await readAccountHistory(store, origin, { limit });
  for (;;) {
    lines.push(...batch.entries);
    if (!batch.next) return lines;
    expect(batch.entries).toHaveLength(limit);
    batch = await readAccountHistory(store, origin, { after: batch.next, limit });
  }
}

describe('account history read from the stream', () => {
  test('read backwards in batches from the balance now, across hundreds of events, it matches the full fold', async () => {
    const store = await busyLedger();
    for (const number of [ADA, BOB]) {
      const expected = foldForward(await store.readStream(accountStream(number)));
      expect(expected.length).toBeGreaterThan(100);
      const origin = await originAt(store, number);
      expect(await allBatches(store, origin, 7)).toEqual(expected);
      expect(await allBatches(store, origin, 1)).toEqual(expected);
      expect(await readWholeAccountHistory(store, origin, 50)).toEqual(expected);
      expect((await readAccountHistory(store, origin, { limit: 10_000 })).next).toBeUndefined();
    }
    store.close();
  });

  test('at a point in the past it shows only the events up to that point, with the balances they had', async () => {
    const store = await busyLedger(200);
    const point = Math.floor((await store.lastSeq()) / 2);
    const origin = await originAt(store, ADA, point);
    const lines = await allBatches(store, origin, 9);
    const upToPoint = (await store.readStream(accountStream(ADA))).filter((e) => e.meta.seq <= point);
    expect(lines).toEqual(foldForward(upToPoint));
    expect(Math.max(...lines.map((l) => l.seq))).toBeLessThanOrEqual(point);
    expect(lines[0]!.balance).toBe(origin.balance);
    store.close();
  });

  test('in a what-if branch: injected events in place, skipped ones gone, balances as the branch has them', async () => {
    const store = await busyLedger(200);
    const real = await store.readStream(accountStream(ADA));
    const fromSeq = real[Math.floor(real.length / 2)]!.meta.seq;
    const money = real.filter((e) => e.meta.seq >= fromSeq && e.type.startsWith('Funds'));
    const skip = [money[0]!.meta.seq, money[3]!.meta.seq];
    const deposit = (afterSeq: number, amount: number, id: string) => ({
      afterSeq,
      stream: accountStream(ADA),
      event: { type: 'FundsAdded', payload: { accountNumber: ADA, amount, note: id }, meta: { id, at: '2030-01-01T00:00:00.000Z' } },
    });
    const lastSeq = await store.lastSeq();
    const inject = [deposit(money[1]!.meta.seq, 111, 'what-if:a'), deposit(money[1]!.meta.seq, 222, 'what-if:b'), deposit(fromSeq + 5, 333, 'what-if:c'), deposit(lastSeq, 444, 'what-if:d')];
    const result = await whatIf(store, ledgerProjections, fromSeq, { skip, inject });
    // A real event appended after the branch was replayed is not part of it.
    await store.append(accountStream(ADA), [{ type: 'FundsAdded', payload: { accountNumber: ADA, amount: 5 } }]);

    const origin = await originAt(store, ADA, undefined, result);
    const lines = await allBatches(store, origin, 4);
    // The branch as the replay plays it: real events minus the skipped ones, each injection right after the event it follows.
    const played: StoredEvent[] = [];
    const injected = result.injected.filter((e) => e.meta.stream === accountStream(ADA));
    for (const event of real) {
      if (!skip.includes(event.meta.seq)) played.push(event);
      while (injected[0] && injected[0].meta.seq <= event.meta.seq) played.push(injected.shift()!);
    }
    played.push(...injected);
    expect(lines).toEqual(foldForward(played));
    expect(lines[0]!.balance).toBe(origin.balance);
    const hypothetical = lines.filter((l) => l.id.startsWith('what-if:'));
    expect(hypothetical.map((l) => l.id)).toEqual(result.injected.map((e) => e.meta.id).reverse());
    expect(hypothetical.map((l) => l.change).sort()).toEqual([111, 222, 333, 444]);
    expect(lines.some((l) => skip.includes(l.seq) && !l.id.startsWith('what-if:'))).toBe(false);
    store.close();
  });

  test('the lines gained since an earlier point, put on top of what that point showed, are the history at the later point', async () => {
    const store = await busyLedger(300);
    for (const number of [ADA, BOB]) {
      const last = await store.lastSeq();
      for (const earlierSeq of [Math.floor(last / 3), last - 5, last - 1]) {
        const [before, origin] = [await originAt(store, number, earlierSeq), await originAt(store, number)];
        const newer = await readNewerHistory(store, origin, before);
        const shown = await readWholeAccountHistory(store, before);
        if (origin.version === before.version) expect(newer).toBeUndefined();
        else expect([...newer!, ...shown]).toEqual(await readWholeAccountHistory(store, origin));
      }
    }
    store.close();
  });

  test('a later point that does not follow the earlier one is no continuation: back in time, another account, a branch, another balance', async () => {
    const store = await busyLedger(100);
    const now = await originAt(store, ADA);
    const before = await originAt(store, ADA, Math.floor((await store.lastSeq()) / 2));
    expect(await readNewerHistory(store, before, now)).toBeUndefined();
    expect(await readNewerHistory(store, now, { ...before, accountNumber: BOB })).toBeUndefined();
    const branch = await whatIf(store, ledgerProjections, 3, {});
    expect(await readNewerHistory(store, { ...now, branch }, before)).toBeUndefined();
    expect(await readNewerHistory(store, now, { ...before, balance: before.balance + 1 })).toBeUndefined();
    store.close();
  });

  test('a batch of no lines is refused before anything is read', async () => {
    const store = await busyLedger(0);
    const origin = await originAt(store, ADA);
    await expect(readAccountHistory(store, origin, { limit: 0 })).rejects.toThrow(RangeError);
    await expect(readAccountHistory(store, origin, { limit: 1.5 })).rejects.toThrow(/1 or more lines/);
    store.close();
  });
});
