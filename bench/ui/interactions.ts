import type { Page } from 'playwright-core';
import { measureCommands } from './commands.ts';
import { measureFilter } from './filter.ts';
import { goToAccount, openAccount, type OpenedAccount } from './openAccount.ts';
import { waitForApp } from './ready.ts';
import { interactionSummary } from './summary.ts';
import { measureTimeTravel } from './timeTravel.ts';

export interface InteractionOptions {
  /** Timed commands on the account's screen (deposits, every other one a small withdrawal), after `warmup` untimed ones; 0 skips them. */
  commands: number;
  warmup: number;
  /** Key presses (ArrowLeft) on the time-travel slider, each timed; 0 skips time travel. */
  travelSteps: number;
  /** Characters of `filterText` typed into the event log's Text filter, each timed; 0 skips the event log. */
  keystrokes: number;
  /** The account opened, commanded and time-travelled on: the one with the longest history. */
  busiestAccount: string;
  filterText: string;
  /** Picks the commands' amounts. */
  seed: number;
  /** Timed openings of the account from the Accounts screen (the first from a fresh boot); default 5, 0 opens it untimed. */
  opens?: number;
  /** Every other command a withdrawal (the account must be verified); default true. */
  withdrawals?: boolean;
  /** How long one interaction may take before it counts as not having happened; default 60 s. */
  timeoutMs?: number;
}

export interface InteractionRun {
  /** Submit click to the command's line at the top of the account's history. */
  commandMs: number[];
  /** Slider key press to the screen at the position before. */
  travelStepMs: number[];
  /** Click on the account's row to its screen with its history's first lines. */
  openAccountMs: number[];
  /** Keystroke in the event log's Text filter to the list of that text's matches. */
  filterKeyMs: number[];
  /** How long each input event waited for the main thread, part of the times above; same order. */
  inputDelayMs: { command: number[]; travelStep: number[]; openAccount: number[]; filterKey: number[] };
  /** The log's last seq when the app was ready. */
  events: number;
  account?: { number: string; owner: string; historyLines: number };
  /** Where each time-travel step landed. */
  travelSeqs: number[];
  /** What each keystroke's list showed when it counted as updated (the field, its search's status line, the rows). */
  filterSeen: string[];
  screen: { width: number; height: number; devicePixelRatio: number };
  /** One line with p50, p95 and max of each interaction. */
  summary: string;
}

/**
 * Measures what a person feels in the production app, through its UI:
 * opening the busiest account, commands on it, stepping back in time on its
 * screen, and filtering the event log by text. Each time is taken in the page,
 * from the input event Playwright dispatched to the animation frame after the
 * screen shows what the action should produce; an action whose result never
 * shows fails the run. `page` shows the app, navigated and loading.
 */
export async function measureInteractions(page: Page, options: InteractionOptions): Promise<InteractionRun> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const opens = options.opens ?? 5;
  if (options.keystrokes > [...options.filterText].length)
    throw new RangeError(`${options.keystrokes} keystrokes need a filter text that long; "${options.filterText}" is shorter.`);
  const ready = await waitForApp(page);
  const screen = await page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight, devicePixelRatio: window.devicePixelRatio }));

  const opened: OpenedAccount[] = [];
  for (let i = 0; i < opens; i++) opened.push(await openAccount(page, options.busiestAccount, timeoutMs));
  if (opens === 0 && options.commands + options.travelSteps > 0) await goToAccount(page, options.busiestAccount, timeoutMs);

  const commands = await measureCommands(page, {
    warmup: options.commands > 0 ? options.warmup : 0,
    commands: options.commands,
    seed: options.seed,
    withdrawals: options.withdrawals ?? true,
    timeoutMs,
  });
  const travel = options.travelSteps > 0 ? await measureTimeTravel(page, options.travelSteps, timeoutMs) : [];
  const keys = options.keystrokes > 0 ? await measureFilter(page, [...options.filterText].slice(0, options.keystrokes).join(''), timeoutMs) : [];

  const run: Omit<InteractionRun, 'summary'> = {
    commandMs: commands.map((r) => r.ms),
    travelStepMs: travel.map((r) => r.ms),
    openAccountMs: opened.map((r) => r.ms),
    filterKeyMs: keys.map((r) => r.ms),
    inputDelayMs: {
      command: commands.map((r) => r.inputDelayMs),
      travelStep: travel.map((r) => r.inputDelayMs),
      openAccount: opened.map((r) => r.inputDelayMs),
      filterKey: keys.map((r) => r.inputDelayMs),
    },
    events: ready.seq,
    account: opened[0] && { number: options.busiestAccount, owner: opened[0].owner, historyLines: opened[0].lines },
    travelSeqs: travel.map((r) => r.seq),
    filterSeen: keys.map((r) => r.seen),
    screen,
  };
  const summary = interactionSummary({
    'open account': run.openAccountMs,
    'command→row': run.commandMs,
    'time-travel step': run.travelStepMs,
    'filter keystroke': run.filterKeyMs,
  });
  return { ...run, summary };
}
