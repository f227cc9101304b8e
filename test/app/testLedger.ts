import { openEventStore, type EventStore, type StoredEvent } from '../../src/eventstore/index.ts';
import { DomainError, ledgerProjections, seededRandom, type Clock } from '../../src/domain/index.ts';
import { startProcessManagers, type CommandHandler, type LockRequest, type ProcessManagerRunner } from '../../src/app/parts.ts';
import { followingHandler } from './followLog.ts';
import { expect } from 'vitest';

/** A clock that moves one second on every call, from `start`. */
export function steppingClock(start = '2025-03-01T09:00:00.000Z'): Clock {
  let t = Date.parse(start);
  return () => new Date((t += 1000));
}

/** One lock shared by every runner given it, like Web Locks across the tabs of one origin. */
export function memoryLock(): LockRequest {
  let held = false;
  const queue: (() => void)[] = [];
  const acquire = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(new DOMException('Aborted', 'AbortError'));
      if (!held) {
        held = true;
        return resolve();
      }
      const grant = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        queue.splice(queue.indexOf(grant), 1);
        reject(new DOMException('Aborted', 'AbortError'));
      };
      queue.push(grant);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  return async (_name, signal, whileHeld) => {
    await acquire(signal);
    try {
      await whileHeld();
    } finally {
      const next = queue.shift();
      if (next) next();
      else held = false;
    }
  };
}

export interface Ledger {
  store: EventStore;
  handler: CommandHandler & { stop(): void };
  runner: ProcessManagerRunner;
  /** Dispatches and waits until the process managers have reacted. */
  run(command: unknown): Promise<StoredEvent[]>;
  /** Opens an account and returns its number. */
  open(owner: string, email: string, initialDeposit?: number): Promise<string>;
  /** The code the verification mailer sent for an account. */
  codeOf(account: string): Promise<string>;
  verify(account: string): Promise<void>;
  close(): Promise<void>;
}

export async function openLedger(name = 'ledger', seed = 1, lock: LockRequest = memoryLock()): Promise<Ledger> {
  const clock = steppingClock();
  const store = await openEventStore({ name, clock });
  const random = seededRandom(seed);
  const handler = followingHandler(store, { clock, random });
  const runner = startProcessManagers({ log: store, clock, random: seededRandom(seed + 1000), lock });
  const ledger: Ledger = {
    store,
    handler,
    runner,
    async run(command) {
      const { events } = await handler.dispatch(command);
      await runner.caughtUp();
      return events;
    },
    async open(owner, email, initialDeposit) {
      const events = await ledger.run({ type: 'OpenAccount', owner, email, initialDeposit });
      return (events[0]!.payload as { accountNumber: string }).accountNumber;
    },
    async codeOf(account) {
      const events = await store.readStream(`account-${account}`);
      const queued = events.find((e) => e.type === 'VerificationMessageQueued');
      return (queued!.payload as { code: string }).code;
    },
    async verify(account) {
      await ledger.run({ type: 'VerifyAccount', account, code: await ledger.codeOf(account) });
    },
    async close() {
      await runner.stop();
      handler.stop();
      store.close();
    },
  };
  return ledger;
}

/** Asserts the command is refused with `code` and that the log did not change. */
export async function expectRefused(ledger: Pick<Ledger, 'store' | 'handler'>, command: unknown, code: string): Promise<DomainError> {
  const before = await ledger.store.readAll();
  const error = await ledger.handler.dispatch(command).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  expect((error as DomainError).message.length).toBeGreaterThan(10);
  expect(await ledger.store.readAll()).toEqual(before);
  return error as DomainError;
}

/** Folds events through every read model, keyed by projection name. */
export function fold(events: readonly StoredEvent[], from?: Record<string, unknown>): Record<string, unknown> {
  const states: Record<string, unknown> = {};
  for (const p of ledgerProjections) {
    let state = from ? from[p.name] : p.initial;
    for (const e of events) state = p.apply(state, e);
    states[p.name] = state;
  }
  return states;
}
