import { useId, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { listAccounts } from '../../domain/index.ts';
import { BranchRuleError, type InjectKind } from '../../app/index.ts';
import { AmountField } from '../components/AmountField.tsx';
import { formatAccountNumber } from '../components/accountNumber.ts';
import { describeError, ownersIn, type CommandProblem } from '../components/describeError.ts';
import { Field } from '../components/Field.tsx';
import { FormFeedback } from '../components/FormFeedback.tsx';
import { FormProblemContext, useProblemProps } from '../components/formContext.ts';
import { formatMoney, parseAmount } from '../components/money.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { useView } from '../ledger/useView.ts';
import { useScenarioSession } from '../components/scenarioSession.ts';

function AccountSelect({ value, onChange, accounts }: { value: string; onChange(v: string): void; accounts: { accountNumber: string; owner: string }[] }) {
  const id = useId();
  const problem = useProblemProps('account');
  return (
    <div className="field">
      <label htmlFor={id}>Account</label>
      <select id={id} name="account" value={value} onChange={(e) => onChange(e.target.value)} {...problem}>
        {accounts.map((a) => (
          <option key={a.accountNumber} value={a.accountNumber}>
            {a.owner} · {formatAccountNumber(a.accountNumber)}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * "Inject event": a hypothetical deposit or withdrawal after a chosen event,
 * checked by the domain's rules against the account as the branch has it there.
 */
export function InjectForm() {
  const ledger = useLedger();
  const result = useStore(ledger.branch, (s) => s.result);
  const accounts = useView((s) => listAccounts(s.accounts));
  const injectAfter = useScenarioSession((s) => s.injectAfter);
  const endSeq = result?.toSeq ?? 0;
  const [kind, setKind] = useState<InjectKind>('withdrawal');
  const [account, setAccount] = useState(accounts[0]?.accountNumber ?? '');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [after, setAfter] = useState(String(injectAfter ?? endSeq));
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<CommandProblem>();
  const [success, setSuccess] = useState<string>();
  const titleId = useId();
  const kindId = useId();
  const problemId = useId();

  const fail = (message: string, field?: string) => {
    setSuccess(undefined);
    setProblem({ message, field });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending || !result) return;
    if (!account) return fail('Choose an account.', 'account');
    const parsed = parseAmount(amount);
    if (parsed.error !== undefined) return fail(parsed.error, 'amount');
    const afterSeq = Number(after.trim());
    if (after.trim() === '' || !Number.isSafeInteger(afterSeq) || afterSeq < 0 || afterSeq > endSeq)
      return fail(`Choose an event number from 0 (before the first event) to ${endSeq}.`, 'afterSeq');
    setPending(true);
    setProblem(undefined);
    setSuccess(undefined);
    try {
      const injection = await ledger.queries.injection(result, { kind, account, cents: parsed.cents, note, afterSeq });
      await ledger.branch.inject([injection]);
      const owner = accounts.find((a) => a.accountNumber === account)?.owner ?? account;
      const what = kind === 'withdrawal' ? `a withdrawal of ${formatMoney(parsed.cents)} from` : `a deposit of ${formatMoney(parsed.cents)} to`;
      setSuccess(`Injected ${what} ${owner} after event ${afterSeq}. It is hypothetical: only this branch has it.`);
      setAmount('');
      setNote('');
    } catch (error) {
      // A change the branch refuses names the rule it breaks; the banner above says so too.
      const described = error instanceof BranchRuleError ? { message: `the branch could not take it: ${error.message}` } : describeError(error, { ownerOf: ownersIn(ledger) });
      setProblem({ ...described, message: `At event ${afterSeq}: ${described.message}` });
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="card inject-form" aria-labelledby={titleId} onSubmit={(e) => void submit(e)} noValidate>
      <h2 id={titleId}>Inject event</h2>
      <p className="inject-hint">A hypothetical event, played in this branch right after the event you choose.</p>
      <FormProblemContext.Provider value={{ field: problem?.field, messageId: problemId }}>
        <div className="inject-fields">
          <div className="field">
            <label htmlFor={kindId}>Event</label>
            {/* Opened from an event log row far below: the form takes the focus. */}
            <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value as InjectKind)} autoFocus={injectAfter !== undefined}>
              <option value="withdrawal">Withdrawal</option>
              <option value="deposit">Deposit</option>
            </select>
          </div>
          <AccountSelect value={account} onChange={setAccount} accounts={accounts} />
          <AmountField value={amount} onChange={setAmount} />
          <Field label="Note (optional)" name="note" value={note} onChange={setNote} autoComplete="off" />
          <Field
            label="After event number"
            name="afterSeq"
            value={after}
            onChange={setAfter}
            inputMode="numeric"
            autoComplete="off"
            hint={`0 to ${endSeq}; the event log shows each event's number.`}
          />
        </div>
        <button type="submit" className="button button-primary" aria-disabled={pending || undefined}>
          Inject into branch
        </button>
      </FormProblemContext.Provider>
      <FormFeedback problem={problem} success={success} problemId={problemId} />
    </form>
  );
}
