import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeCommit } from '../../server/checks/commitRules.ts';
import type { EmmettBackend } from '../../server/store/emmettBackend.ts';
import { StreamConflictError, type SpaceEvent, type StreamAppend } from '../../server/store/types.ts';
import { DeviceLedger } from './support/ledger.ts';
import { stores } from './support/stores.ts';

const ANN = '4000000000000001';
const BEN = '4000000000000002';

/** Below the protocol's own version checks: what Emmett's appends do when one of a commit's streams conflicts. */
describe.each(stores())("a commit's streams on Emmett's $name store", (kind) => {
  let backend: EmmettBackend;
  let spaceId = 'AtomicSpace000000000000';
  let n = 0;
  beforeAll(async () => {
    backend = await kind.openBackend();
  }, 30_000);
  afterAll(() => backend?.close());

  async function freshSpace(): Promise<string> {
    spaceId = `AtomicSpace${String(++n).padStart(12, '0')}`;
    await backend.saveSpace({ spaceId, secretHash: '00' });
    return spaceId;
  }
  const read = (stream: string) => backend.transaction(spaceId, (tx) => tx.readStream(stream));
  const batchesOf = (events: StreamAppend['events']): StreamAppend[] =>
    [...new Set(events.map((e) => e.meta.stream))].map((stream) => {
      const mine = events.filter((e) => e.meta.stream === stream);
      return { stream, expectedVersion: mine[0]!.meta.version - 1, events: mine };
    });

  it('lands neither half of a transfer when the second stream conflicts, and both streams stay writable', async () => {
    await freshSpace();
    const phone = new DeviceLedger('phone');
    const setup = [phone.open(ANN), phone.open(BEN)];
    for (const commit of setup) await backend.transaction(spaceId, (tx) => tx.append(batchesOf(commit.events), 'phone', commit.id));
    const transfer = phone.transfer(ANN, BEN, 100);
    const [sent, received] = batchesOf(transfer.events);
    const stale = { ...received!, expectedVersion: 1 }; // BEN is at 3: Emmett's expected version fails on the second append

    const attempt = backend.transaction(spaceId, (tx) => tx.append([sent!, stale], 'phone', transfer.id));
    await expect(attempt).rejects.toBeInstanceOf(StreamConflictError);
    await expect(attempt).rejects.toMatchObject({ stream: `account-${BEN}`, expected: 1 });
    expect((await read(`account-${ANN}`)).map((e) => e.event.meta.version)).toEqual([1, 2, 3]);
    expect((await read(`account-${BEN}`)).map((e) => e.event.meta.version)).toEqual([1, 2, 3]);

    // Emmett's SQLite append moves a stream's position before it checks; a refused append must not leave it moved.
    const again = await backend.transaction(spaceId, (tx) => tx.append([sent!, received!], 'phone', transfer.id));
    expect(again.flat()).toHaveLength(2);
    expect((await read(`account-${BEN}`)).at(-1)?.event.type).toBe('TransferReceived');
  });

  it('refuses a future expected version without moving the stream', async () => {
    await freshSpace();
    const phone = new DeviceLedger('phone');
    const opened = phone.open(ANN);
    await backend.transaction(spaceId, (tx) => tx.append(batchesOf(opened.events), 'phone', opened.id));
    const deposit = phone.deposit(ANN, 100);
    const [batch] = batchesOf(deposit.events);
    for (const expectedVersion of [7, 0, 2]) await expect(backend.transaction(spaceId, (tx) => tx.append([{ ...batch!, expectedVersion }], 'phone', 'c'))).rejects.toBeInstanceOf(StreamConflictError);
    await backend.transaction(spaceId, (tx) => tx.append([batch!], 'phone', deposit.id));
    expect((await read(`account-${ANN}`)).map((e) => e.event.meta.version)).toEqual([1, 2, 3, 4]);
  });

  it("answers CONFLICT when another writer moved a stream this store judged from memory, and takes the right version next", async () => {
    const store = await kind.open();
    const other = await kind.reopen(); // a second writer on the same data
    try {
      const space = `TwoWriters${String(++n).padStart(12, '0')}`;
      await store.createSpace({ spaceId: space, secretHash: '00' });
      const phone = new DeviceLedger('phone');
      expect((await store.commit(space, 'phone', [phone.open(ANN), phone.deposit(ANN, 500)], judgeCommit)).refusal).toBeUndefined();
      const laptop = new DeviceLedger('laptop');
      laptop.open(ANN);
      laptop.deposit(ANN, 500);
      expect((await other.commit(space, 'laptop', [laptop.withdraw(ANN, 200)], judgeCommit)).refusal).toBeUndefined();

      const stale = phone.withdraw(ANN, 100);
      const outcome = await store.commit(space, 'phone', [stale], judgeCommit);
      expect(outcome.refusal).toMatchObject({ code: 'CONFLICT', stream: `account-${ANN}`, expected: 4, actual: 5 });
      phone.undo(stale);
      phone.withdraw(ANN, 200); // what the laptop stored, as a pull brings it
      expect((await store.commit(space, 'phone', [phone.withdraw(ANN, 100)], judgeCommit)).refusal).toBeUndefined();
      const stored = (await store.readFeed(space, 0, 100)).lines.map((line) => JSON.parse(line) as SpaceEvent);
      expect(stored.filter((e) => e.event.meta.stream === `account-${ANN}`).map((e) => e.event.meta.version)).toEqual([1, 2, 3, 4, 5, 6]);
    } finally {
      await other.close();
      await store.close();
    }
  });
});
