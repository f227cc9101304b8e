import type { BranchViolation } from './whatif/branchRules.ts';

/** A command was attempted while the screens show the past; the past cannot be changed. */
export class ViewingPastError extends Error {
  override readonly name = 'ViewingPastError';
  readonly code = 'VIEWING_PAST';
  constructor() {
    super('You are viewing the past. Go back to now to make changes, or start a what-if branch.');
  }
}

/** The memory image could not be built (a damaged log): there is no state to decide a command on. */
export class ImageFailedError extends Error {
  override readonly name = 'ImageFailedError';
  readonly code = 'IMAGE_FAILED';
  constructor(reason = 'the log could not be read') {
    super(`The ledger could not be loaded (${reason}), so no change can be made. Export the log to keep what it holds.`);
  }
}

/** Where in a branch a rule breaks, in words. */
function whereIn(violation: BranchViolation): string {
  const { event } = violation;
  if (!event) return 'at the end of the branch';
  return violation.injected ? `at the ${event.type} injected after event ${event.meta.seq}` : `at event ${event.meta.seq} (${event.type})`;
}

/** A what-if change that would break a rule of the ledger: the branch refuses it and stays as it was. */
export class BranchRuleError extends Error {
  override readonly name = 'BranchRuleError';
  readonly code = 'BRANCH_RULE';
  constructor(readonly violation: BranchViolation) {
    super(`it breaks the rule ${violation.rule} ${whereIn(violation)}. ${violation.message}`);
  }
}
