import { useId, useLayoutEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import './components.css';
import { Badge } from './Badge.tsx';
import { FormFeedback } from './FormFeedback.tsx';
import { FormProblemContext } from './formContext.ts';
import type { CommandProblem } from './describeError.ts';
import type { CommandRun } from './useCommand.ts';
import { useCommandAvailability } from './useCommandAvailability.ts';

export interface CommandFormProps {
  title: string;
  /** The submit button's text and accessible name, such as "Add funds". */
  action: string;
  command: CommandRun;
  onSubmit(): unknown;
  children: ReactNode;
  description?: ReactNode;
  tone?: 'primary' | 'danger';
  /** Extra reason the form cannot be used right now (besides viewing the past). */
  blocked?: boolean;
  className?: string;
}

const PAST_NOTE = 'You are viewing the past: go back to now to make changes, or start a what-if branch.';

/**
 * A card holding one command's form: title, fields, the submit button and what came of it. Disabled with a
 * note while viewing the past; marked "Hypothetical" while a what-if branch is open. Field values live in
 * the caller's state, so nothing typed is lost when the command is refused.
 */
export function CommandForm(props: CommandFormProps) {
  const { title, action, command, onSubmit, children, description, tone = 'primary', blocked = false } = props;
  const { disabled, hypothetical } = useCommandAvailability();
  const titleId = useId();
  const problemId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const summary = useProblemPlaces(formRef, command.problems);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!command.pending) void onSubmit();
  };
  return (
    <form
      ref={formRef}
      className={`card command-form ${props.className ?? ''}`}
      aria-labelledby={titleId}
      onSubmit={submit}
      noValidate
    >
      <div className="command-form-head">
        <h2 id={titleId}>{title}</h2>
        {hypothetical && <Badge tone="hypothetical">Hypothetical</Badge>}
      </div>
      {description && <div className="command-form-description">{description}</div>}
      <FormProblemContext.Provider value={{ problems: command.problems, messageId: problemId }}>
        <fieldset disabled={disabled || blocked}>
          {children}
          <button type="submit" className={`button button-${tone}`} aria-disabled={command.pending || undefined}>
            {action}
          </button>
        </fieldset>
      </FormProblemContext.Provider>
      {disabled && <p className="form-note">{PAST_NOTE}</p>}
      <FormFeedback problems={summary} success={command.success} problemId={problemId} />
    </form>
  );
}

const NO_FIELDS: ReadonlySet<string> = new Set();

/**
 * After each try: which problems no field shows under itself (those go in the summary), and the focus on the
 * first field at fault, so keyboard and screen reader users land on it.
 */
function useProblemPlaces(formRef: RefObject<HTMLFormElement | null>, problems: readonly CommandProblem[]) {
  const [placed, setPlaced] = useState(NO_FIELDS);
  const seen = useRef(problems);
  useLayoutEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const shown = new Set([...form.querySelectorAll<HTMLElement>('[data-problem-for]')].map((e) => e.dataset.problemFor!));
    setPlaced((before) => (before.size === shown.size && [...shown].every((f) => before.has(f)) ? before : shown));
    if (problems === seen.current) return;
    seen.current = problems;
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [formRef, problems]);
  return problems.filter((p) => p.field === undefined || !placed.has(p.field));
}
