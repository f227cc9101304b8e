import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import './components.css';
import { useProblemProps } from './formContext.ts';

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: ReactNode;
  /** The command field it fills; a problem naming it marks this input. */
  name: string;
  value: string;
  onChange(value: string): void;
  hint?: ReactNode;
}

/** A labelled text input with an optional hint; the form's problem describes it when it is at fault. */
export function Field({ label, name, value, onChange, hint, ...input }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const problem = useProblemProps(name, hintId);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)} {...problem} {...input} />
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
