import type { MergeConflictError } from '../../app/index.ts';

/** The streams both logs changed after their common past, and the way out: look at the file's events as a what-if branch. */
export function ConflictReport({ conflict, onOpenAsBranch }: { conflict: MergeConflictError; onOpenAsBranch(): void }) {
  return (
    <section className="data-conflict" aria-label="Conflicting streams">
      <h3>Conflicting streams</h3>
      <ul>
        {conflict.conflicts.map((c) => (
          <li key={c.stream}>
            <code>{c.stream}</code>: both changed it from version {c.divergesAtVersion} on (this log has {c.localVersion} events
            there, the file {c.incomingVersion}; the file’s first new one is on line {c.incomingLine}).
          </li>
        ))}
      </ul>
      <p>Both logs stay as they are. You can look at the file’s events as a hypothetical branch from event {conflict.branchBaseSeq}.</p>
      <button type="button" className="button" onClick={onOpenAsBranch}>
        Open the file’s events as a what-if branch
      </button>
    </section>
  );
}
