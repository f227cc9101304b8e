import { useId, useState, type FormEvent } from 'react';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { fromDateTimeInput, toDateTimeInput } from '../components/dateTimeInput.ts';

/** Jumps to the last event recorded at or before a chosen local date and time. */
export function TimeJumpForm({ at }: { at: string | undefined }) {
  const ledger = useLedger();
  const id = useId();
  const [value, setValue] = useState(() => toDateTimeInput(at));
  const [problem, setProblem] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const time = fromDateTimeInput(value);
    if (!time) {
      setProblem('Choose a date and time to jump to.');
      return;
    }
    setProblem(undefined);
    void ledger.travel.travelTo(time);
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={id}>Jump to a time</label>
        <input
          id={id}
          type="datetime-local"
          step={1}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
      </div>
      <button type="submit" className="button">
        Go
      </button>
      {problem && (
        <p id={`${id}-problem`} className="form-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
