import { useId, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { listAccounts } from '../../domain/index.ts';
import { BranchRuleError, type InjectKind } from '../../app/index.ts';
import { AmountField } from '../components/AmountField.tsx';
import { formatAccountNumber } from '../components/accountNumber.ts';
import { fromDateTimeInput, toDateTimeInput } from '../components/dateTimeInput.ts';
import { formatDateTime } from '../components/dates.ts';
import { describeError, ownersIn, type CommandProblem } from '../components/describeError.ts';
import { Field } from '../components/Field.tsx';
import { FormFeedback } from '../components/FormFeedback.tsx';
import { FormProblemContext, useProblemProps } from '../components/formContext.ts';
import { formatMoney, parseAmount } from '../components/money.ts';
import { positionText } from '../components/positionText.ts';
import { useEventTime } from '../components/useEventTime.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { useView } from '../ledger/useView.ts';
import { useScenarioSession } from '../components/scenarioSession.ts';
import './injectForm.css';

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

/** Where the event goes: at the branch point, at a date and time, or after an event number. */
type PlaceBy = 'branch' | 'time' | 'event';

/**
 * "Inject event": a hypothetical deposit or withdrawal at the branch point, at
 * a chosen date and time, or after a chosen event, checked by the domain's
 * rules against the account as the branch has it there.
 */
export function InjectForm() {
  const ledger = useLedger();
  const result = useStore(ledger.branch, (s) => s.result);
  const basePoint = useStore(ledger.branch, (s) => s.plan?.basePoint ?? 0);
  const liveSeq = useStore(ledger.image, (s) => s.seq);
  const baseAt = useEventTime(basePoint);
  const accounts = useView((s) => listAccounts(s.accounts));
  const injectAfter = useScenarioSession((s) => s.injectAfter);
  const endSeq = result?.toSeq ?? 0;
  const [kind, setKind] = useState<InjectKind>('withdrawal');
  const [account, setAccount] = useState(accounts[0]?.accountNumber ?? '');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  // A row of the event log chose an event: placed after it; otherwise at the branch point.
  const [placeBy, setPlaceBy] = useState<PlaceBy>(injectAfter === undefined ? 'branch' : 'event');
  const [after, setAfter] = useState(String(injectAfter ?? basePoint));
  // Until the person edits it, the date field shows the branch point's time.
  const [time, setTime] = useState<string>();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<CommandProblem>();
  const [success, setSuccess] = useState<string>();
  const titleId = useId();
  const kindId = useId();
  const placeId = useId();
  const problemId = useId();
  const timeValue = time ?? toDateTimeInput(baseAt);

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
    let place: { afterSeq: number } | { at: string };
    let where: string;
    if (placeBy === 'event') {
      const afterSeq = Number(after.trim());
      if (after.trim() === '' || !Number.isSafeInteger(afterSeq) || afterSeq < 0 || afterSeq > endSeq)
        return fail(`Choose an event number from 0 (before the first event) to ${endSeq}.`, 'afterSeq');
      place = { afterSeq };
      where = `At event ${afterSeq}`;
    } else if (placeBy === 'time') {
      const at = fromDateTimeInput(timeValue);
      if (!at) return fail('Choose a date and time for the event.', 'at');
      if (at.getTime() > Date.now()) return fail(`Choose a time that has passed: ${formatDateTime(at)} is still to come.`, 'at');
      place = { at: at.toISOString() };
      where = `On ${formatDateTime(at)}`;
    } else {
      place = { afterSeq: basePoint };
      where = `At event ${basePoint}`;
    }
    setPending(true);
    setProblem(undefined);
    setSuccess(undefined);
    try {
      const injection = await ledger.queries.injection(result, { kind, account, cents: parsed.cents, note, place });
      await ledger.branch.inject([injection]);
      const owner = accounts.find((a) => a.accountNumber === account)?.owner ?? account;
      const what = kind === 'withdrawal' ? `a withdrawal of ${formatMoney(parsed.cents)} from` : `a deposit of ${formatMoney(parsed.cents)} to`;
      const dated = injection.event.meta?.at ? ` dated ${formatDateTime(injection.event.meta.at)} and` : '';
      setSuccess(`Injected ${what} ${owner} after event ${injection.afterSeq}. It is${dated} hypothetical: only this branch has it.`);
      setAmount('');
      setNote('');
    } catch (error) {
      // A change the branch refuses names the rule it breaks; the banner above says so too.
      const described =
        error instanceof BranchRuleError ? { message: `the branch could not take it: ${error.message}` } : describeError(error, { ownerOf: ownersIn(ledger) });
      setProblem({ ...described, message: `${where}: ${described.message}` });
    } finally {
      setPending(false);
    }
  };

  const choice = (value: PlaceBy, label: string) => (
    <label className="inject-place-choice">
      <input type="radio" name={placeId} value={value} checked={placeBy === value} onChange={() => setPlaceBy(value)} /> {label}
    </label>
  );

  return (
    <form className="card inject-form" aria-labelledby={titleId} onSubmit={(e) => void submit(e)} noValidate>
      <h2 id={titleId}>Inject event</h2>
      <p className="inject-hint">A hypothetical event, played in this branch where you choose: at the branch point unless you say otherwise.</p>
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
        </div>
        <fieldset className="inject-place">
          <legend>When</legend>
          {choice('branch', `At the branch point (${positionText(basePoint, liveSeq, baseAt)})`)}
          {choice('time', 'At a date and time')}
          {placeBy === 'time' && (
            <Field
              label="Date and time"
              name="at"
              type="datetime-local"
              step={1}
              value={timeValue}
              onChange={setTime}
              hint="Your local time. The event goes after the last event recorded then or earlier."
            />
          )}
          {choice('event', 'After an event number')}
          {placeBy === 'event' && (
            <Field
              label="After event number"
              name="afterSeq"
              value={after}
              onChange={setAfter}
              inputMode="numeric"
              autoComplete="off"
              hint={`0 to ${endSeq}; the event log shows each event's number.`}
            />
          )}
        </fieldset>
        <button type="submit" className="button button-primary" aria-disabled={pending || undefined}>
          Inject into branch
        </button>
      </FormProblemContext.Provider>
      <FormFeedback problem={problem} success={success} problemId={problemId} />
    </form>
  );
}
