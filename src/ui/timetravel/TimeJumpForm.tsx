import { useId, useState, type FormEvent } from 'react';
import { useLedger } from '../ledger/LedgerContext.tsx';

/** "2026-03-12T14:05:09" in local time, as a datetime-local input holds it. */
function localInputValue(at: string | undefined): string {
  if (!at) return '';
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Jumps to the last event recorded at or before a chosen local date and time. */
export function TimeJumpForm({ at }: { at: string | undefined }) {
  const ledger = useLedger();
  const id = useId();
  const [value, setValue] = useState(() => localInputValue(at));
  const [problem, setProblem] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const time = new Date(value);
    if (value === '' || Number.isNaN(time.getTime())) {
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
