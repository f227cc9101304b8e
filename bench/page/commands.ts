import type { EventStore } from '../../src/eventstore/index.ts';
import { isDomainError, listAccounts, MIXED_SCRIPT_NOTES, seededRandom, type AccountsState, type RandomSource } from '../../src/domain/index.ts';
import { openLedger, type Ledger } from '../../src/app/index.ts';
import { LOG, ms } from './log.ts';
import type { AppendSample, BurstRun, CommandsOptions, CommandsResult } from './protocol.ts';

/** A realistic mix: half deposits, a quarter small withdrawals, a quarter transfers, some with notes. */
function commandMaker(random: RandomSource, accounts: readonly string[]) {
  const account = () => accounts[random.int(accounts.length)]!;
  const note = () => (random.int(3) === 0 ? { note: MIXED_SCRIPT_NOTES[random.int(MIXED_SCRIPT_NOTES.length)]! } : {});
  return () => {
    const roll = random.int(4);
    if (roll < 2) return { type: 'AddFunds', account: account(), amount: 100 + random.int(5000), ...note() };
    if (roll === 2) return { type: 'Withdraw', account: account(), amount: 1 + random.int(100), ...note() };
    const from = account();
    let to = account();
    while (to === from) to = account();
    return { type: 'Transfer', from, to, amount: 1 + random.int(100), ...note() };
  };
}

interface Counters {
  readMs: number;
  reads: number;
  appendMs: number;
  appendCalls: number;
}

/** Times the store calls the command handler makes, by wrapping them on the ledger's own store object. */
function instrument(store: EventStore, c: Counters): void {
  const { readStream, appendMany } = store;
  const target = store as { -readonly [K in keyof EventStore]: EventStore[K] };
  target.readStream = async (...args) => {
    const t = performance.now();
    try {
      return await readStream(...args);
    } finally {
      c.readMs += performance.now() - t;
      c.reads += 1;
    }
  };
  target.appendMany = async (...args) => {
    const t = performance.now();
    try {
      return await appendMany(...args);
    } finally {
      c.appendMs += performance.now() - t;
      c.appendCalls += 1;
    }
  };
}

function errorCode(reason: unknown): string {
  const e = reason as { code?: string; name?: string } | undefined;
  return e?.code ?? e?.name ?? 'unknown';
}

/**
 * Dispatches every command at once, without awaiting one before the next, and
 * counts them as they become durable and visible. Past the time budget the
 * burst is measured over the commands done by then (the rest are abandoned
 * with the page).
 */
async function runBurst(ledger: Ledger, batch: readonly unknown[], counters: Counters, budgetMs: number): Promise<BurstRun> {
  Object.assign(counters, { readMs: 0, reads: 0, appendMs: 0, appendCalls: 0 });
  let ok = 0;
  let lastDoneAt = 0;
  let firstDoneMs: number | undefined;
  const failed: Record<string, number> = {};
  const t = performance.now();
  const all = Promise.all(
    batch.map((command) =>
      ledger.dispatch(command).then(
        () => {
          ok += 1;
          lastDoneAt = ms(t);
          firstDoneMs ??= lastDoneAt;
        },
        (reason: unknown) => {
          failed[errorCode(reason)] = (failed[errorCode(reason)] ?? 0) + 1;
        },
      ),
    ),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finished = await Promise.race([all.then(() => true), new Promise<false>((r) => (timer = setTimeout(() => r(false), budgetMs)))]);
  clearTimeout(timer);
  const elapsed = finished ? ms(t) : ok > 0 ? lastDoneAt : budgetMs;
  const { appendCalls, reads, readMs } = counters;
  return { commands: batch.length, ok, failed: { ...failed }, ms: elapsed, appendCalls, reads, readMs, firstDoneMs, partial: !finished };
}

/**
 * Commands through the app's own ledger (openLedger: command handler, event
 * store, memory image): each append timed from dispatch until it is durable and
 * in the memory image, then a burst dispatched all at once.
 */
export async function commands(options: CommandsOptions): Promise<CommandsResult> {
  const t0 = performance.now();
  const ledger = await openLedger({ name: LOG, runProcessManagers: false });
  let keep = false;
  try {
    await ledger.image.ready;
    const bootMs = ms(t0);
    const image = ledger.image.getState();
    if (image.status !== 'ready') throw new Error(`The memory image did not boot: ${image.error?.message}`);
    const accounts = listAccounts(image.states.accounts as AccountsState).map((a) => a.accountNumber);
    const next = commandMaker(seededRandom(options.seed), accounts);
    const counters: Counters = { readMs: 0, reads: 0, appendMs: 0, appendCalls: 0 };
    instrument(ledger.eventStore, counters);

    const appends: AppendSample[] = [];
    let refused = 0;
    let instrumented = false;
    for (let i = 0; appends.length < options.appends; i++) {
      Object.assign(counters, { readMs: 0, reads: 0, appendMs: 0, appendCalls: 0 });
      const t = performance.now();
      try {
        const dispatched = await ledger.dispatch(next());
        const elapsed = ms(t);
        instrumented ||= counters.appendCalls > 0;
        if (i >= options.warmup)
          appends.push({ ms: elapsed, readMs: counters.readMs, reads: counters.reads, appendMs: counters.appendMs, events: dispatched.events.length });
      } catch (error) {
        // A refused command (a withdrawal beyond the balance) appends nothing: not a sample.
        if (!isDomainError(error)) throw error;
        refused += 1;
      }
    }

    const burst = options.burst > 0 ? await runBurst(ledger, Array.from({ length: options.burst }, next), counters, options.burstBudgetMs) : undefined;
    await ledger.eventStore.settled();
    keep = options.keepOpen === true;
    if (keep) openLedgers.push(ledger);
    return { bootMs, appends, refused, instrumented, burst };
  } finally {
    if (!keep) await ledger.close();
  }
}

const openLedgers: Ledger[] = [];

/** Closes the ledger `commands({ keepOpen: true })` left open (for its heap to be measured as a writing tab holds it). */
export async function closeLedgers(): Promise<void> {
  for (const ledger of openLedgers.splice(0)) await ledger.close();
}
