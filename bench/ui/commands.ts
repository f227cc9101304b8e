import type { Page } from 'playwright-core';
import { actionChoice, commandForm } from '../../test/e2e/support/screens.ts';
import { commandPlan, type CommandPlan } from './amounts.ts';
import { timeAction, type WatchResult } from './watch.ts';

export interface CommandOptions {
  warmup: number;
  commands: number;
  seed: number;
  withdrawals: boolean;
  timeoutMs: number;
}

/**
 * Opens the command's form the way a person does: beside the history on a
 * larger screen (skipped when it shows already), in a sheet on a phone.
 */
async function chooseForm(page: Page, name: CommandPlan['form']): Promise<void> {
  const form = commandForm(page, name);
  const choice = actionChoice(page, name);
  // On a phone the last command's sheet closes as its line appears; wait for it to go before opening the next.
  if ((await choice.getAttribute('aria-haspopup')) === 'dialog') await page.getByRole('dialog').waitFor({ state: 'detached' });
  else if (await form.isVisible()) return;
  await choice.click();
  await form.waitFor();
}

/**
 * One command from the click on its submit button to its line at the top of
 * the account's history: marked new (the screen highlights the lines a
 * command just recorded), of the right kind, showing the amount just typed.
 */
async function timeCommand(page: Page, plan: CommandPlan, timeoutMs: number): Promise<WatchResult> {
  await chooseForm(page, plan.form);
  const form = commandForm(page, plan.form);
  await form.getByLabel('Amount (EUR)').fill(plan.typed);
  const submit = form.getByRole('button', { name: plan.form, exact: true });
  return timeAction(
    page,
    () =>
      page.evaluate(
        ({ plan, timeoutMs }) => {
          // As the app's Money does: the browser's locale, the sign shown, formatted from the decimal text.
          const shown = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR', signDisplay: 'exceptZero' }).format(
            plan.signed as Intl.StringNumericLiteral,
          );
          window.rewindUiWatch!.start(
            { label: `${plan.form} ${plan.typed}`, events: ['click'], target: 'form.command-form button[type="submit"]', timeoutMs },
            () => {
              const line = document.querySelector('section.account-history .history-line');
              return (
                line !== null &&
                line.classList.contains('history-line-new') &&
                (line.querySelector('.history-kind')?.textContent ?? '').startsWith(plan.kind) &&
                line.querySelector('.history-amounts > .money')?.textContent === shown
              );
            },
            // The feedback regions stay mounted empty: only one with words in it is a refusal.
            () =>
              [...document.querySelectorAll('form.command-form .form-problem, form.command-form .field-problem')]
                .map((element) => element.textContent ?? '')
                .find((text) => text.trim() !== ''),
            () => `the first history line "${document.querySelector('section.account-history .history-line')?.textContent ?? '(none)'}", expected ${plan.kind} ${shown}`,
          );
        },
        { plan, timeoutMs },
      ),
    () => submit.click(),
  );
}

/** `warmup` untimed commands, then `commands` timed ones, on the account screen shown. */
export async function measureCommands(page: Page, options: CommandOptions): Promise<WatchResult[]> {
  const results: WatchResult[] = [];
  for (let i = 0; i < options.warmup + options.commands; i++) {
    const result = await timeCommand(page, commandPlan(options.seed, i, options.withdrawals), options.timeoutMs);
    if (i >= options.warmup) results.push(result);
  }
  return results;
}
