import type { CommandProblem } from './describeError.ts';
import { fieldMessageId } from './formContext.ts';
import './forms.css';

/**
 * The outcome of a form's last command, right under it: the problems no field shows (or `problem`, a form's
 * one message) and the success. Both regions stay mounted so screen readers announce each new message.
 */
export function FormFeedback({
  problems,
  problem,
  success,
  problemId,
}: {
  problems?: readonly CommandProblem[];
  problem?: CommandProblem;
  success?: string;
  problemId: string;
}) {
  const shown = problems ?? (problem ? [problem] : []);
  return (
    <>
      <div id={problemId} className="form-problem" role="alert">
        {shown.map((p, i) => (
          <p key={i} id={p.field === undefined ? undefined : fieldMessageId(problemId, p.field)}>
            {p.message}
          </p>
        ))}
      </div>
      <p className="form-success" role="status">
        {success}
      </p>
    </>
  );
}
