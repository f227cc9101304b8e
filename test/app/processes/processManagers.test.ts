import { afterEach, expect, test } from 'vitest';
import { openEventStore, type EventStore, type StoredEvent } from '../../../src/eventstore/index.ts';
import { MAX_RETRY_DELAY_MS, retryDelay } from '../../../src/app/processes/runner.ts';
import { ledgerProjections, sampleLedger, seededRandom } from '../../../src/domain/index.ts';
import { markHandledThrough, appendGenerated, startProcessManagers, toInput, type LockRequest, type ProcessManagerRunner } from '../../../src/app/parts.ts';
import { followingHandler } from '../followLog.ts';
import { memoryLock, steppingClock } from '../testLedger.ts';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function tab(name = 'pm', lock: LockRequest = memoryLock(), seed = 1) {
  const store = await openEventStore({ name, clock: steppingClock() });
  const handler = followingHandler(store, { random: seededRandom(seed) });
  const runner = startProcessManagers({ log: store, lock, random: seededRandom(seed + 50) });
  cleanup.push(() => store.close(), () => runner.stop(), () => handler.stop());
  const open = async (i: number) => {
    const { events } = await handler.dispatch({ type: 'OpenAccount', owner: `Owner ${i}`, email: `owner${i}@example.org`, initialDeposit: 1_000 });
    return (events[0]!.payload as { accountNumber: string }).accountNumber;
  };
  return { store, handler, runner, open };
}

function messagesPerAccount(events: StoredEvent[], type = 'VerificationMessageQueued'): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'AccountOpened') counts.set((e.payload as { accountNumber: string }).accountNumber, counts.get((e.payload as { accountNumber: string }).accountNumber) ?? 0);
    if (e.type === type) {
      const n = (e.payload as { accountNumber: string }).accountNumber;
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
  }
  return counts;
}

function expectOneEach(events: StoredEvent[], accounts: number): void {
  const counts = messagesPerAccount(events);
  expect(counts.size).toBe(accounts);
  expect([...counts.values()].every((c) => c === 1)).toBe(true);
}

async function stop(runner: ProcessManagerRunner) {
  await runner.stop();
  expect(runner.status()).toBe('stopped');
}

test('one verification message per opened account across reloads', async () => {
  const first = await tab();
  for (let i = 0; i < 3; i++) await first.open(i);
  await first.runner.caughtUp();
  await stop(first.runner);
  first.store.close();

  // Reload: a new connection and a new runner resume from the stored checkpoint.
  const second = await tab('pm', memoryLock(), 2);
  await second.runner.caughtUp();
  expectOneEach(await second.store.readAll(), 3);
  for (let i = 3; i < 5; i++) await second.open(i);
  await second.runner.caughtUp();
  expectOneEach(await second.store.readAll(), 5);
});

test('reactions carry the trigger as causation and the flow as correlation', async () => {
  const { store, handler, runner, open } = await tab();
  const account = await open(1);
  await runner.caughtUp();
  const code = ((await store.readStream(`account-${account}`)).find((e) => e.type === 'VerificationMessageQueued')!.payload as { code: string }).code;
  await handler.dispatch({ type: 'VerifyAccount', account, code });
  await handler.dispatch({ type: 'Withdraw', account, amount: 250, note: 'Books' }, { correlationId: 'shopping' });
  await runner.caughtUp();
  const events = await store.readStream(`account-${account}`);
  const opened = events.find((e) => e.type === 'AccountOpened')!;
  const withdrawn = events.find((e) => e.type === 'FundsWithdrawn')!;
  const verification = events.find((e) => e.type === 'VerificationMessageQueued')!;
  const notice = events.find((e) => e.type === 'WithdrawalMessageQueued')!;
  expect(verification.meta).toMatchObject({ causationId: opened.meta.id, correlationId: opened.meta.id });
  expect(notice.meta).toMatchObject({ causationId: withdrawn.meta.id, correlationId: 'shopping' });
  expect(verification.payload).toMatchObject({ to: 'owner1@example.org', recipient: 'Owner 1', link: `#/verify?account=${account}&code=${code}` });
  expect(notice.payload).toMatchObject({ amount: 250, subject: 'You withdrew 2.50' });
  expect((notice.payload as { body: string }).body).toContain('You withdrew 2.50'.slice(4));
});

test('two stores on one database: one runner holds the lock, the other takes over when it stops', async () => {
  const lock = memoryLock();
  const a = await tab('shared', lock, 1);
  const b = await tab('shared', lock, 2);
  await a.runner.caughtUp();
  expect(a.runner.status()).toBe('running');
  expect(b.runner.status()).toBe('waiting');
  for (let i = 0; i < 3; i++) await (i % 2 ? a : b).open(i);
  await a.runner.caughtUp();
  await stop(a.runner); // the tab closes
  for (let i = 3; i < 6; i++) await b.open(i);
  await b.runner.caughtUp();
  expect(b.runner.status()).toBe('running');
  expectOneEach(await b.store.readAll(), 6);
});

test('two runners without any lock still queue each message once', async () => {
  const unlocked: LockRequest = (_name, _signal, whileHeld) => whileHeld();
  const a = await tab('unlocked', unlocked, 1);
  const b = await tab('unlocked', unlocked, 2);
  for (let i = 0; i < 6; i++) await (i % 2 ? a : b).open(i);
  await Promise.all([a.runner.caughtUp(), b.runner.caughtUp()]);
  expectOneEach(await a.store.readAll(), 6);
});

test('commands decided and written together in one turn are each reacted to exactly once', async () => {
  const { store, handler, runner, open } = await tab('turns');
  // Ten accounts opened in one turn, then ten withdrawals from one account in another.
  const accounts = await Promise.all(Array.from({ length: 10 }, (_, i) => open(i)));
  await runner.caughtUp();
  const ada = accounts[0]!;
  const code = ((await store.readStream(`account-${ada}`)).find((e) => e.type === 'VerificationMessageQueued')!.payload as { code: string }).code;
  await handler.dispatch({ type: 'VerifyAccount', account: ada, code });
  await Promise.all(Array.from({ length: 10 }, () => handler.dispatch({ type: 'Withdraw', account: ada, amount: 100 })));
  await runner.caughtUp();
  const events = await store.readAll();
  expectOneEach(events, 10);
  const withdrawals = events.filter((e) => e.type === 'FundsWithdrawn').map((e) => e.meta.id);
  const notices = events.filter((e) => e.type === 'WithdrawalMessageQueued').map((e) => e.meta.causationId);
  expect(withdrawals).toHaveLength(10);
  expect(notices.sort()).toEqual(withdrawals.sort());
});

test('replays, time travel and what-if never start a reaction', async () => {
  const { store, runner, open } = await tab();
  for (let i = 0; i < 3; i++) await open(i);
  await runner.caughtUp();
  await stop(runner);
  const log = await store.readAll();
  // Replay from scratch, to a midpoint, and with a hypothetical opening injected: all pure folds.
  const hypothetical: StoredEvent = {
    type: 'AccountOpened',
    payload: { accountNumber: '1234567812345678', owner: 'What if', email: 'whatif@example.org' },
    meta: { id: 'hypothetical', seq: log.length + 1, stream: 'account-1234567812345678', version: 1, at: '2030-01-01T00:00:00.000Z' },
  };
  for (const events of [log, log.slice(0, 4), [...log, hypothetical]])
    for (const p of ledgerProjections) events.reduce((s, e) => p.apply(s, e), p.initial);
  expect(await store.readAll()).toEqual(log);

  // A runner started afterwards has nothing to do: the hypothetical event never reached the log.
  const again = startProcessManagers({ log: store, lock: memoryLock(), random: seededRandom(3) });
  cleanup.push(() => again.stop());
  await again.caughtUp();
  expect(await store.readAll()).toEqual(log);
});

test('events imported from a file, marked as handled, send nothing', async () => {
  const { store, runner, open } = await tab('source');
  for (let i = 0; i < 2; i++) await open(i);
  await runner.caughtUp();
  const exported = (await store.readAll()).filter((e) => e.type !== 'VerificationMessageQueued');

  const target = await openEventStore({ name: 'target' });
  cleanup.push(() => target.close());
  await appendGenerated(target, exported);
  await markHandledThrough(target, await target.lastSeq());
  const fresh = startProcessManagers({ log: target, lock: memoryLock(), random: seededRandom(4) });
  cleanup.push(() => fresh.stop());
  await fresh.caughtUp();
  expect((await target.readAll()).filter((e) => e.type === 'VerificationMessageQueued')).toHaveLength(0);
});

test('an imported log that holds its reactions does not get them twice, even unmarked', async () => {
  const { store, handler, runner, open } = await tab('source');
  const account = await open(1);
  await runner.caughtUp();
  const code = ((await store.readStream(`account-${account}`)).find((e) => e.type === 'VerificationMessageQueued')!.payload as { code: string }).code;
  await handler.dispatch({ type: 'VerifyAccount', account, code });
  await handler.dispatch({ type: 'Withdraw', account, amount: 100 });
  await runner.caughtUp();
  const exported = await store.readAll();

  const target = await openEventStore({ name: 'target' });
  cleanup.push(() => target.close());
  await appendGenerated(target, exported);
  const fresh = startProcessManagers({ log: target, lock: memoryLock(), random: seededRandom(99) });
  cleanup.push(() => fresh.stop());
  await fresh.caughtUp();
  expect((await target.readAll()).map(toInput)).toEqual(exported.map(toInput));
});

test('sample data carries its own messages: the runner leaves it alone', async () => {
  const store: EventStore = await openEventStore({ name: 'sample' });
  cleanup.push(() => store.close());
  const runner = startProcessManagers({ log: store, lock: memoryLock(), random: seededRandom(5) });
  cleanup.push(() => runner.stop());
  const sample = sampleLedger({ start: new Date('2024-06-01T00:00:00.000Z'), random: seededRandom(6) });
  await appendGenerated(store, sample);
  await runner.caughtUp();
  expect(await store.lastSeq()).toBe(sample.length);
});

test('a runner that is stopped while waiting for the lock never runs', async () => {
  const lock = memoryLock();
  const { runner } = await tab('waiting', lock);
  await runner.caughtUp();
  const store = await openEventStore({ name: 'waiting' });
  cleanup.push(() => store.close());
  const waiting = startProcessManagers({ log: store, lock, random: seededRandom(1) });
  expect(waiting.status()).toBe('waiting');
  await waiting.stop();
  await expect(waiting.caughtUp()).rejects.toThrow(/stopped/);
});

test('a failed batch is reported and handled again from the checkpoint', async () => {
  const store = await openEventStore({ name: 'flaky' });
  cleanup.push(() => store.close());
  let failures = 1;
  const flaky = {
    ...store,
    subscribe: store.subscribe,
    appendMany: (...args: Parameters<EventStore['appendMany']>) => {
      if (failures-- > 0) return Promise.reject(new Error('disk hiccup'));
      return store.appendMany(...args);
    },
  };
  const errors: unknown[] = [];
  const runner = startProcessManagers({ log: flaky, lock: memoryLock(), random: seededRandom(1), retryDelayMs: 0, onError: (e) => errors.push(e) });
  cleanup.push(() => runner.stop());
  const handler = followingHandler(store, { random: seededRandom(2) });
  cleanup.push(() => handler.stop());
  await handler.dispatch({ type: 'OpenAccount', owner: 'A', email: 'a@example.org' });
  await runner.caughtUp();
  expect(errors).toEqual([new Error('disk hiccup')]);
  expectOneEach(await store.readAll(), 1);
});

test('while storage keeps failing, the wait between tries doubles up to a minute, so the error is not reported every second', () => {
  expect([1, 2, 3, 4, 5, 6, 7, 8].map((failures) => retryDelay(failures, 1000))).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
  expect(retryDelay(30, 1000)).toBe(MAX_RETRY_DELAY_MS);
  expect(retryDelay(3, 0)).toBe(0);
});
