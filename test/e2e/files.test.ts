import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { formatAccountNumber } from '../../src/ui/components/accountNumber.ts';
import { saveScreenshots, useChromium } from './support/browser.ts';
import { branchAction } from './support/modes.ts';
import {
  balanceOf,
  balances,
  historyContext,
  importThroughUi,
  openRewind,
  showScreen,
  smallLedger,
  withSmallLedger,
  writeLogFile,
  writeTextFile,
} from './support/ledgerFiles.ts';
import { toast } from './support/screens.ts';
import { hostileLog, hostility, renumbered } from '../files/hostileFiles.ts';

const browser = useChromium();

async function exportThroughUi(page: Page, choose?: (form: ReturnType<Page['getByRole']>) => Promise<void>): Promise<string[]> {
  await showScreen(page, '#/data', 'Data');
  const form = page.getByRole('form', { name: 'Export' });
  await choose?.(form);
  const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Export log' }).click()]);
  await form.getByRole('status').filter({ hasText: /^Exported / }).waitFor();
  return readFileSync(await download.path(), 'utf8').trimEnd().split('\n');
}

async function importProblem(page: Page, path: string, mode: string): Promise<string> {
  await showScreen(page, '#/data', 'Data');
  await page.getByLabel('Log file').setInputFiles(path);
  await page.getByRole('radio', { name: mode }).check();
  await page.getByRole('button', { name: 'Import log', exact: true }).click();
  const alert = page.getByRole('form', { name: 'Import' }).getByRole('alert').filter({ hasText: 'The file was not imported' });
  await alert.waitFor();
  return alert.innerText();
}

test('a log exported through the UI imports into a fresh profile with the same balances', async () => {
  const { ledger, context, page, problems } = await withSmallLedger(browser());
  await showScreen(page, `#/accounts/${ledger.alice}`, 'Alice Example');
  const addFunds = page.getByRole('form', { name: 'Add funds' });
  await addFunds.getByLabel('Amount (EUR)').fill('5.00');
  await addFunds.getByRole('button', { name: 'Add funds' }).click();
  await toast(page).filter({ hasText: 'Added €5.00.' }).waitFor();

  // Hashing runs in its own worker, which the app's CSP must let start.
  const hashingWorkers: string[] = [];
  page.on('worker', (worker) => hashingWorkers.push(worker.url()));
  const lines = await exportThroughUi(page);
  expect(hashingWorkers.some((url) => url.includes('digestWorker'))).toBe(true);
  expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'rewind-log', eventCount: 16, firstSeq: 1, lastSeq: 16, selection: { kind: 'all' } });
  await page.getByText('Exported 16 events (events 1 to 16) as rewind-log-').waitFor();

  // A range: events 5 to 9 only.
  const range = await exportThroughUi(page, async (form) => {
    await form.getByRole('radio', { name: 'A range of events' }).check();
    await form.getByLabel('From event').fill('5');
    await form.getByLabel('To event').fill('9');
  });
  expect(JSON.parse(range[0]!)).toMatchObject({ eventCount: 5, firstSeq: 5, lastSeq: 9, selection: { kind: 'seq', fromSeq: 5, toSeq: 9 } });
  await context.close();

  const fresh = await historyContext(browser());
  const { page: other, problems: otherProblems } = await openRewind(fresh);
  other.on('worker', (worker) => hashingWorkers.push(`import ${worker.url()}`));
  await importThroughUi(other, writeTextFile(`${lines.join('\n')}\n`, 'exported.ndjson'));
  expect(hashingWorkers.some((url) => url.startsWith('import') && url.includes('digestWorker'))).toBe(true);
  expect(await balances(other)).toEqual({ 'Alice Example': '€55.00', 'Bob Example': '€90.00' });
  await showScreen(other, '#/log', 'Event log');
  await other.getByRole('listitem', { name: 'Event 16, Funds added' }).waitFor();
  expect([...problems, ...otherProblems]).toEqual([]);
  await fresh.close();
});

test('a damaged file is refused with its line number and changes nothing; a replacing import can be undone', async () => {
  const { ledger, context, page, problems } = await withSmallLedger(browser());
  const lines = readFileSync(await writeLogFile(ledger.events), 'utf8').split('\n');
  lines[6] = lines[6]!.slice(0, 40);
  const message = await importProblem(page, writeTextFile(lines.join('\n')), 'Replace the current log');
  expect(message).toContain('Line 7:');
  expect(message).toContain('nothing was changed');
  await saveScreenshots(page, 'data-import-error');
  expect(await balances(page)).toEqual({ 'Alice Example': '€50.00', 'Bob Example': '€90.00' });
  await showScreen(page, '#/data', 'Data');
  expect(await page.getByRole('button', { name: 'Restore previous log' }).count()).toBe(0);

  const other = smallLedger({ alice: 'Carol Other', bob: 'Dan Other' });
  await importThroughUi(page, await writeLogFile(other.events), 'Replace the current log');
  await page.getByText('replacing the log').waitFor();
  expect(await balances(page)).toEqual({ 'Carol Other': '€50.00', 'Dan Other': '€90.00' });

  await showScreen(page, '#/data', 'Data');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Restore previous log' }).click()]);
  await page.getByRole('status').filter({ hasText: 'Restored the previous log.' }).waitFor();
  expect(await balances(page)).toEqual({ 'Alice Example': '€50.00', 'Bob Example': '€90.00' });
  expect(problems).toEqual([]);
  await context.close();
});

test('a well-formed file that breaks the ledger’s rules is refused by replace and merge, naming line, event, account and rule; nothing changes', async () => {
  const { ledger, context, page, problems } = await withSmallLedger(browser());
  const before = { 'Alice Example': '€50.00', 'Bob Example': '€90.00' };
  // Replace: Alice's opening deposit with its sign flipped, the file otherwise sound (digest, seqs, versions).
  const flipped = hostileLog(ledger.events, hostility('an amount with its sign flipped'));
  const replaced = await importProblem(page, await writeLogFile(flipped.events), 'Replace the current log');
  expect(replaced).toContain(`Line ${flipped.at + 2}: event ${flipped.at + 1} (FundsAdded on account ${ledger.alice}) breaks a rule of the ledger`);
  expect(replaced).toContain('The amount must be more than zero.');
  expect(replaced).toContain('nothing was changed');
  // Merge: the same log with one new event, a withdrawal of more than Bob holds.
  const overdraft = renumbered([
    ...ledger.events,
    { type: 'FundsWithdrawn', payload: { accountNumber: ledger.bob, amount: 9_001, category: 'Groceries' }, meta: { ...ledger.events.at(-1)!.meta, id: 'overdraft', at: '2026-01-20T10:00:00.000Z' } },
  ]);
  const merged = await importProblem(page, await writeLogFile(overdraft), 'Merge with the current log');
  expect(merged).toContain(`event ${overdraft.length} (FundsWithdrawn on account ${ledger.bob}) breaks a rule of the ledger: Account ${ledger.bob} holds 90.00, less than the 90.01`);
  // Replace again: a transfer's received half dropped.
  const halved = hostileLog(ledger.events, hostility('one half of a transfer dropped'), ledger.transferSeq - 1);
  expect(await importProblem(page, await writeLogFile(halved.events), 'Replace the current log')).toContain('TransferReceived');
  expect(await balances(page)).toEqual(before);
  await showScreen(page, '#/data', 'Data');
  expect(await page.getByRole('button', { name: 'Restore previous log' }).count()).toBe(0);
  expect(problems).toEqual([]);
  await context.close();
});

test('a merge that conflicts names the accounts by owner and opens the file’s events as a what-if branch', async () => {
  const { ledger, context, page, problems } = await withSmallLedger(browser());
  // The file's copy of the log: the same first 14 events, then its own deposit on Bob's account.
  const last = ledger.events[14]!;
  const theirs = { ...last, payload: { accountNumber: ledger.bob, amount: 2_500, category: 'Other', note: 'Lottery win' }, meta: { ...last.meta, id: 'their-deposit' } };
  const message = await importProblem(page, await writeLogFile([...ledger.events.slice(0, 14), theirs]), 'Merge with the current log');
  expect(message).toContain('Both this log and the file changed an account or address after their common past, so they cannot be merged.');
  expect(message).not.toContain('account-');
  const conflicts = page.getByRole('region', { name: 'Conflicts' });
  expect(await conflicts.innerText()).toContain(
    `Bob Example’s account ${formatAccountNumber(ledger.bob)}: this log and the file both changed it after their common past (this log has 6 events there, the file 6;`,
  );
  expect(await conflicts.innerText()).not.toContain('account-');

  await conflicts.getByRole('button', { name: 'Open the file’s events as a what-if branch' }).click();
  const branch = page.getByRole('region', { name: 'What-if branch', exact: true });
  await branch.getByText('Branched at event 14 of 15').waitFor();
  await branchAction(page, 'Compare with reality');
  const bob = page.getByRole('region', { name: 'Compare with reality' }).getByRole('row').filter({ hasText: 'Bob Example' });
  expect(await bob.getByRole('cell').allInnerTexts()).toEqual(['€115.00', '€90.00', '+€25.00']);
  await page.getByRole('button', { name: 'Discard', exact: true }).click();
  expect(await balanceOf(page, 'Bob Example')).toBe('€90.00');
  expect(problems).toEqual([]);
  await context.close();
});

test('an imported log whose text carries HTML, scripts, javascript: URLs and long strings runs nothing and shows the text as typed', async () => {
  const owner = '<img src=x onerror="window.__xss=1">';
  const other = '<script>window.__xss=2</script>';
  const note = `javascript:window.__xss=3 <a href="javascript:window.__xss=4">click</a> ${'Ω'.repeat(400)}`;
  const ledger = smallLedger({ alice: owner, bob: other }, { deposit: note });
  const events = ledger.events.map((e) =>
    e.type === 'VerificationMessageQueued' ? { ...e, payload: { ...(e.payload as object), link: 'javascript:window.__xss=5' } } : e,
  );
  const context = await historyContext(browser());
  const { page, problems } = await openRewind(context);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await importThroughUi(page, await writeLogFile(events, 'hostile.ndjson'));

  await showScreen(page, '#/accounts', 'Accounts');
  await page.getByText(owner, { exact: true }).first().waitFor();
  await page.getByText(other, { exact: true }).first().waitFor();
  await showScreen(page, `#/accounts/${ledger.bob}`, other);
  await page.getByText(note).first().waitFor();
  await showScreen(page, '#/outbox', 'Outbox');
  await showScreen(page, '#/reports', 'Reports');
  await showScreen(page, '#/log', 'Event log');
  const deposit = page.getByRole('listitem', { name: 'Event 15, Funds added' });
  await deposit.getByRole('button', { name: 'Details' }).click();
  expect(await deposit.locator('pre').first().innerText()).toContain(JSON.stringify(note).slice(1, 60));

  const state = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: number }).__xss,
    handlers: document.querySelectorAll('[onerror], [onclick], [onload]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    javascriptLinks: [...document.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href')!.trim().toLowerCase().startsWith('javascript:')).length,
  }));
  expect(state).toEqual({ xss: undefined, handlers: 0, scripts: 0, javascriptLinks: 0 });
  expect(dialogs).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});
