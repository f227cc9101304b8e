import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { formatAccountNumber } from '../../src/ui/components/accountNumber.ts';
import { saveScreenshots, useChromium } from './support/browser.ts';
import { balanceOf, balances, showScreen, withSmallLedger } from './support/ledgerFiles.ts';
import { branchAction } from './support/modes.ts';
import { submitAmount, toast } from './support/screens.ts';

const browser = useChromium();

const banner = (page: Page) => page.getByRole('region', { name: 'What-if branch', exact: true });
const compareRow = (page: Page, name: string) => page.getByRole('region', { name: 'Compare with reality' }).getByRole('row').filter({ hasText: name });
const logRow = (page: Page, seq: number) =>
  page.getByRole('region', { name: 'Events, newest first' }).getByRole('listitem').filter({ has: page.getByText(`#${seq.toLocaleString('en-US')}`, { exact: true }) });

/** The log row of `seq`, brought into the (virtualised) list first as a person would: with "Go to event number". */
async function rowInView(page: Page, seq: number) {
  await page.getByLabel('Go to event number').fill(String(seq));
  await page.getByRole('button', { name: 'Go', exact: true }).last().click();
  const row = logRow(page, seq);
  await row.waitFor();
  return row;
}

async function cells(page: Page, name: string): Promise<string[]> {
  return compareRow(page, name).first().getByRole('cell').allInnerTexts();
}

async function inject(page: Page, options: { kind?: 'Withdrawal' | 'Deposit'; account: string; amount: string; after?: string; note?: string }) {
  const form = page.getByRole('form', { name: 'Inject event' });
  await form.getByLabel('Event', { exact: true }).selectOption({ label: options.kind ?? 'Withdrawal' });
  await form.getByLabel('Account', { exact: true }).selectOption(options.account);
  await form.getByLabel('Amount (EUR)').fill(options.amount);
  await form.getByLabel('Note (optional)').fill(options.note ?? '');
  if (options.after !== undefined) {
    await form.getByRole('radio', { name: 'After an event number' }).check();
    await form.getByLabel('After event number').fill(options.after);
  }
  await form.getByRole('button', { name: 'Inject into branch' }).click();
  return form;
}

test('a what-if branch with an injected withdrawal, checked by the rules, compared with reality, then discarded', async () => {
  const { ledger, context, page, problems } = await withSmallLedger(browser());
  await page.getByRole('button', { name: 'What if…', exact: true }).click();
  await banner(page).getByText('Everything shown is hypothetical; nothing is written to the log.').waitFor();
  await banner(page).getByText('Branched at event 15 of 15, Jan 15, 2026, 10:00 AM.').waitFor();
  expect(await page.getByRole('slider', { name: 'Time travel' }).count()).toBe(0);

  await branchAction(page, 'Inject event');
  // The domain's rules, as the account stands at that point of the branch.
  let form = await inject(page, { account: ledger.alice, amount: '500.00' });
  await form.getByRole('alert').filter({ hasText: 'At event 15: Alice Example has €50.00: enter €50.00 or less.' }).waitFor();
  form = await inject(page, { account: ledger.alice, amount: '5.00', after: '4' });
  await form.getByRole('alert').filter({ hasText: `At event 4: Alice Example’s account ${formatAccountNumber(ledger.alice)} is not verified yet: verify it with the code from the Outbox first.` }).waitFor();
  expect(await form.getByLabel('Amount (EUR)').inputValue()).toBe('5.00');
  form = await inject(page, { account: ledger.alice, amount: '15.00', after: '15', note: 'Concert tickets' });
  await form.getByRole('status').filter({ hasText: 'Injected a withdrawal of €15.00 from Alice Example after event 15.' }).waitFor();
  await banner(page).getByText('0 events skipped, 1 event injected.').waitFor();

  await branchAction(page, 'Compare with reality');
  await compareRow(page, 'Alice Example').waitFor();
  expect(await cells(page, 'Alice Example')).toEqual(['€35.00', '€50.00', '-€15.00']);
  expect(await cells(page, 'Money in the system')).toEqual(['€125.00', '€140.00', '-€15.00']);
  expect(await cells(page, 'Withdrawn')).toEqual(['€35.00', '€20.00', '+€15.00']);
  await page.getByText('1 other account is the same in both.').waitFor();
  await saveScreenshots(page, 'whatif-comparison');

  // Every screen shows the branch; the event log marks the injected event.
  expect(await balanceOf(page, 'Alice Example')).toBe('€35.00');
  await showScreen(page, '#/log', 'Event log');
  const injected = page.getByRole('listitem', { name: 'Hypothetical event after event 15, Funds withdrawn' });
  await injected.getByText('Hypothetical').waitFor();
  expect(await injected.innerText()).toContain('Concert tickets');

  await page.getByRole('button', { name: 'Discard', exact: true }).click();
  await page.getByRole('alertdialog', { name: 'Discard this branch?' }).getByRole('button', { name: 'Discard', exact: true }).click();
  await banner(page).waitFor({ state: 'detached' });
  expect(await page.getByRole('listitem', { name: /^Hypothetical/ }).count()).toBe(0);
  expect(await balances(page)).toEqual({ 'Alice Example': '€50.00', 'Bob Example': '€90.00' });
  expect(problems).toEqual([]);
  await context.close();
});

test('a branch from a time-travel point: skip a real event, run a command in the branch, discard, reality unchanged', async () => {
  const { ledger, context, page, problems } = await withSmallLedger(browser());
  await showScreen(page, '#/log', 'Event log');
  await logRow(page, 12).getByRole('button', { name: 'Show state after this event' }).click();
  await page.getByRole('status').filter({ hasText: 'Viewing the past: event 12 of 15' }).waitFor();
  await page.getByRole('button', { name: 'What if…', exact: true }).click();
  await banner(page).getByText('Branched at event 12 of 15, Jan 10, 2026, 10:01 AM.').waitFor();
  expect(await page.getByRole('status').filter({ hasText: 'Viewing the past' }).count()).toBe(0);

  await logRow(page, ledger.withdrawalSeq).getByRole('button', { name: 'Skip', exact: true }).click();
  await logRow(page, ledger.withdrawalSeq).getByText('Skipped in this branch').waitFor();
  await banner(page).getByText('1 event skipped, 0 events injected.').waitFor();
  await branchAction(page, 'Compare with reality');
  await compareRow(page, 'Alice Example').waitFor();
  expect(await cells(page, 'Alice Example')).toEqual(['€70.00', '€50.00', '+€20.00']);

  // The usual commands run in the branch, against its state.
  await showScreen(page, `#/accounts/${ledger.bob}`, 'Bob Example');
  const addFunds = page.getByRole('form', { name: 'Add funds' });
  await addFunds.getByLabel('Amount (EUR)').fill('7.00');
  await addFunds.getByRole('button', { name: 'Add funds' }).click();
  await toast(page).filter({ hasText: 'Hypothetical' }).waitFor();
  await compareRow(page, 'Bob Example').waitFor();
  expect(await cells(page, 'Bob Example')).toEqual(['€97.00', '€90.00', '+€7.00']);

  await showScreen(page, '#/log', 'Event log');
  // Run in a branch started in the past, the command happens at the branch point.
  const command = page.getByRole('listitem', { name: 'Hypothetical event after event 12, Funds added' });
  expect(await command.innerText()).toContain('€7.00');
  await logRow(page, ledger.withdrawalSeq).getByRole('button', { name: 'Include', exact: true }).click();
  await banner(page).getByText('0 events skipped, 1 event injected.').waitFor();

  await page.getByRole('button', { name: 'Discard', exact: true }).click();
  await page.getByRole('alertdialog', { name: 'Discard this branch?' }).getByRole('button', { name: 'Discard', exact: true }).click();
  await banner(page).waitFor({ state: 'detached' });
  await logRow(page, 15).waitFor();
  expect(await page.getByRole('region', { name: 'Events, newest first' }).getByRole('listitem').first().getAttribute('aria-label')).toBe(
    'Event 15, Funds added',
  );
  expect(await balances(page)).toEqual({ 'Alice Example': '€50.00', 'Bob Example': '€90.00' });
  expect(problems).toEqual([]);
  await context.close();
});

test('a transfer is one decision in a branch: Skip on its TransferSent skips both halves, money in the system stays the sum of the balances; a needed deposit cannot be skipped, nor a withdrawal injected that starves a later transfer', async () => {
  const { ledger, context, page, problems } = await withSmallLedger(browser());
  const sentSeq = ledger.transferSeq - 1;
  const depositSeq = ledger.events.find((e) => e.type === 'FundsAdded' && (e.payload as { accountNumber: string }).accountNumber === ledger.alice)!.meta.seq;
  await showScreen(page, '#/log', 'Event log');
  await page.getByRole('button', { name: 'What if…', exact: true }).click();
  await (await rowInView(page, sentSeq)).getByRole('button', { name: 'Skip', exact: true }).click();
  await banner(page).getByText('2 events skipped, 0 events injected.').waitFor();
  for (const seq of [sentSeq, ledger.transferSeq]) await logRow(page, seq).getByText('Skipped in this branch').waitFor();

  await branchAction(page, 'Compare with reality');
  await compareRow(page, 'Alice Example').waitFor();
  expect(await cells(page, 'Alice Example')).toEqual(['€80.00', '€50.00', '+€30.00']);
  expect(await cells(page, 'Bob Example')).toEqual(['€60.00', '€90.00', '-€30.00']);
  expect(await cells(page, 'Money in the system')).toEqual(['€140.00', '€140.00', 'None']);
  expect(await balances(page)).toEqual({ 'Alice Example': '€80.00', 'Bob Example': '€60.00' });

  // Alice's withdrawal needs her opening deposit: the branch refuses to lose it, and says which rule.
  await showScreen(page, '#/log', 'Event log');
  await (await rowInView(page, depositSeq)).getByRole('button', { name: 'Skip', exact: true }).click();
  await banner(page)
    .getByRole('alert')
    .filter({
      hasText: `The branch could not take that change: it breaks the rule FUNDS at event ${ledger.withdrawalSeq} (FundsWithdrawn). Account ${ledger.alice} holds 0.00, less than the 20.00 that would leave it.`,
    })
    .waitFor();
  await banner(page).getByText('2 events skipped, 0 events injected.').waitFor();
  expect(await logRow(page, depositSeq).getByText('Skipped in this branch').count()).toBe(0);
  await saveScreenshots(page, 'whatif-refused');

  await (await rowInView(page, ledger.transferSeq)).getByRole('button', { name: 'Include', exact: true }).click();
  await banner(page).getByText('0 events skipped, 0 events injected.').waitFor();
  expect(await banner(page).getByRole('alert').count()).toBe(0);

  // An injected withdrawal the decider allows where it goes, but that leaves too little for the transfer after it.
  await branchAction(page, 'Inject event');
  const form = await inject(page, { account: ledger.alice, amount: '60.00', after: String(ledger.withdrawalSeq - 1) });
  await form
    .getByRole('alert')
    .filter({ hasText: `At event ${ledger.withdrawalSeq - 1}: the branch could not take it: it breaks the rule FUNDS at event ${sentSeq} (TransferSent).` })
    .waitFor();
  await banner(page).getByText('0 events skipped, 0 events injected.').waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

test('a branch saved as a scenario is reopened after a reload, deleted and restored, and exported as a hypothetical file that opens again', async () => {
  const { ledger, context, page, problems } = await withSmallLedger(browser());
  await page.getByRole('button', { name: 'What if…', exact: true }).click();
  await branchAction(page, 'Inject event');
  const form = await inject(page, { kind: 'Deposit', account: ledger.bob, amount: '100.00', note: 'Bonus' });
  await form.getByRole('status').filter({ hasText: 'Injected a deposit of €100.00 to Bob Example after event 15.' }).waitFor();

  await branchAction(page, 'Save scenario');
  const save = page.getByRole('form', { name: 'Save scenario' });
  await save.getByLabel('Scenario name').fill('Bob gets a bonus');
  await save.getByRole('button', { name: 'Save', exact: true }).click();
  await save.getByRole('status').filter({ hasText: 'Saved “Bob gets a bonus”.' }).waitFor();
  await banner(page).getByText('What-if branch: Bob gets a bonus.', { exact: false }).waitFor();

  const [download] = await Promise.all([page.waitForEvent('download'), branchAction(page, 'Export scenario')]);
  expect(download.suggestedFilename()).toMatch(/^rewind-what-if-bob-gets-a-bonus-.*\.ndjson$/);
  const scenarioFile = await download.path();
  const lines = readFileSync(scenarioFile, 'utf8').trimEnd().split('\n');
  const header = JSON.parse(lines[0]!);
  expect(header).toMatchObject({ format: 'rewind-log', hypothetical: true, baseSeq: 15, scenario: 'Bob gets a bonus', eventCount: 16 });
  const last = JSON.parse(lines[16]!);
  expect(last).toMatchObject({ type: 'FundsAdded', payload: { accountNumber: ledger.bob, amount: 10_000, note: 'Bonus' }, meta: { seq: 16 } });
  expect(last.meta.id).toMatch(/^what-if:/);

  await page.reload();
  await page.getByRole('button', { name: 'What if…', exact: true }).waitFor();
  expect(await banner(page).count()).toBe(0);
  await page.getByRole('button', { name: 'Saved scenarios' }).click();
  await page.getByRole('button', { name: 'Open Bob gets a bonus' }).click();
  await banner(page).getByText('What-if branch: Bob gets a bonus.', { exact: false }).waitFor();
  await branchAction(page, 'Compare with reality');
  await compareRow(page, 'Bob Example').waitFor();
  expect(await cells(page, 'Bob Example')).toEqual(['€190.00', '€90.00', '+€100.00']);

  await page.getByRole('button', { name: 'Discard', exact: true }).click();
  await page.getByRole('button', { name: 'Saved scenarios' }).click();
  await page.getByRole('button', { name: 'Delete Bob gets a bonus' }).click();
  await page.getByText('Deleted “Bob gets a bonus”.').waitFor();
  expect(await page.getByRole('button', { name: 'Open Bob gets a bonus' }).count()).toBe(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Open Bob gets a bonus' }).waitFor();

  // The exported file is refused as a log, and opens as the same branch.
  await showScreen(page, '#/data', 'Data');
  await page.getByLabel('Log file').setInputFiles(scenarioFile);
  await page.getByRole('radio', { name: 'Merge with the current log' }).check();
  await page.getByRole('button', { name: 'Import log', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'this file is a what-if scenario, not a real log' }).waitFor();
  await page.getByRole('button', { name: 'Open it as a what-if branch' }).click();
  await banner(page).getByText('What-if branch: Bob gets a bonus.', { exact: false }).waitFor();
  await banner(page).getByText('0 events skipped, 1 event injected.').waitFor();
  await branchAction(page, 'Compare with reality');
  await compareRow(page, 'Bob Example').waitFor();
  expect(await cells(page, 'Bob Example')).toEqual(['€190.00', '€90.00', '+€100.00']);
  expect(problems).toEqual([]);
  await context.close();
});

test('a saved scenario that now breaks a rule is refused where it was opened: the rule named in an alert, no branch, the list still open with the scenario', async () => {
  const { ledger, context, page, problems } = await withSmallLedger(browser());
  const withdraw = async (amount: string, done: string) => {
    await showScreen(page, `#/accounts/${ledger.alice}`, 'Alice Example');
    await submitAmount(page, 'Withdraw', amount);
    await toast(page).filter({ hasText: done }).waitFor();
  };

  // In a branch, Alice keeps the 30.00 she transferred and withdraws all of her 80.00; saved, then discarded.
  await showScreen(page, '#/log', 'Event log');
  await page.getByRole('button', { name: 'What if…', exact: true }).click();
  await logRow(page, ledger.transferSeq - 1).getByRole('button', { name: 'Skip', exact: true }).click();
  await banner(page).getByText('2 events skipped, 0 events injected.').waitFor();
  await withdraw('80.00', 'Withdrew €80.00. (Hypothetical: only in the what-if branch.)');
  await branchAction(page, 'Save scenario');
  const save = page.getByRole('form', { name: 'Save scenario' });
  await save.getByLabel('Scenario name').fill('Alice spends it all');
  await save.getByRole('button', { name: 'Save', exact: true }).click();
  await save.getByRole('status').filter({ hasText: 'Saved “Alice spends it all”.' }).waitFor();
  await page.getByRole('button', { name: 'Discard', exact: true }).click();
  await banner(page).waitFor({ state: 'detached' });

  // For real, Alice withdraws 1.00 (event 16): in the scenario she has nothing left for it.
  await withdraw('1.00', 'Withdrew €1.00.');
  const start = page.getByRole('region', { name: 'What-if branches' });
  await start.getByRole('button', { name: 'Saved scenarios' }).click();
  await start.getByRole('button', { name: 'Open Alice spends it all' }).click();
  const refusal = start.getByRole('alert').filter({
    hasText: `“Alice spends it all” could not be opened on this log: it breaks the rule FUNDS at event 16 (FundsWithdrawn). Account ${ledger.alice} holds 0.00, less than the 1.00 that would leave it.`,
  });
  await refusal.waitFor();
  expect(await refusal.isVisible()).toBe(true);
  await saveScreenshots(page, 'whatif-scenario-refused');

  expect(await banner(page).count()).toBe(0);
  expect(await start.getByRole('button', { name: 'Saved scenarios' }).getAttribute('aria-expanded')).toBe('true');
  expect(await start.getByRole('list', { name: 'Saved scenarios' }).getByText('Alice spends it all', { exact: true }).isVisible()).toBe(true);
  expect(await start.getByRole('button', { name: 'Open Alice spends it all' }).isEnabled()).toBe(true);
  expect(await balances(page)).toEqual({ 'Alice Example': '€49.00', 'Bob Example': '€90.00' });
  expect(problems).toEqual([]);
  await context.close();
});
