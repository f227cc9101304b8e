import type { CommandProblem } from './describeError.ts';

/**
 * The outcome of a form's last command, right under it. Both regions stay mounted so screen readers
 * announce each new message.
 */
export function FormFeedback({ problem, success, problemId }: { problem?: CommandProblem; success?: string; problemId: string }) {
  return (
    <>
      <p id={problemId} className="form-problem" role="alert">
        {problem?.message}
      </p>
      <p className="form-success" role="status">
        {success}
      </p>
    </>
  );
}
