import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import './components.css';
import './forms.css';
import { useFieldProblem } from './formContext.ts';

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: ReactNode;
  /** The command field it fills; a problem naming it shows under the input and marks it invalid. */
  name: string;
  value: string;
  onChange(value: string): void;
  hint?: ReactNode;
}

/** A labelled text input with an optional hint, and the form's problem with it right under it. */
export function Field({ label, name, value, onChange, hint, ...input }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const problem = useFieldProblem(name, hintId);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)} {...problem.props} {...input} />
      {problem.message !== undefined && (
        <p id={problem.messageId} className="field-problem" data-problem-for={name}>
          {problem.message}
        </p>
      )}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
