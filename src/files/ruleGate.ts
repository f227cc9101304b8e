import type { StoredEvent } from '../eventstore/index.ts';
import { LedgerRules, type LedgerRule, type RuleViolation } from '../domain/accounts/ledgerRules.ts';
import type { DeciderState } from '../domain/accounts/deciderState.ts';
import { LogFileError } from './errors.ts';

/** An event of a file that would break the ledger's rules in the log it is to enter. */
export class LedgerRuleError extends LogFileError {
  override readonly name = 'LedgerRuleError';
  constructor(
    readonly rule: LedgerRule,
    /** The event's seq as the file numbers it. */
    readonly seq: number,
    readonly account: string | undefined,
    message: string,
    line: number,
  ) {
    super('RULE_BROKEN', message, line);
  }
}

/**
 * The one gate every event from a file passes before it may enter a log: the
 * ledger's rules (src/domain/accounts/ledgerRules.ts) over the events in the
 * order the log will hold them, from the state of the log they join. Replace,
 * merge, scenario files and `rewind-log verify` all read through it.
 */
export class RuleGate {
  private readonly rules: LedgerRules;
  /** Where each transfer with one half seen has it, oldest first, as the rules keep them: a file may end before the other half. */
  private readonly halves = new Map<string, { seq: number; line: number; type: string }>();

  constructor(base?: DeciderState) {
    this.rules = new LedgerRules(base);
  }

  /** Takes the event in, or throws a LedgerRuleError naming its line, seq, account and rule. */
  check(event: StoredEvent, line: number): void {
    const violation = this.rules.admit(event);
    if (violation) throw refusal(violation, event.meta.seq, event.type, line);
    if (event.type !== 'TransferSent' && event.type !== 'TransferReceived') return;
    const { transferId } = event.payload as { transferId: string };
    if (!this.halves.delete(transferId)) this.halves.set(transferId, { seq: event.meta.seq, line, type: event.type });
  }

  /** After the last event: throws, at the half it has, when a transfer has only one half. */
  finish(): void {
    const violation = this.rules.finish();
    const [half] = this.halves.values();
    if (violation && half) throw refusal(violation, half.seq, half.type, half.line);
  }
}

function refusal(violation: RuleViolation, seq: number, type: string, line: number): LedgerRuleError {
  const about = violation.account === undefined ? type : `${type} on account ${violation.account}`;
  return new LedgerRuleError(
    violation.rule,
    seq,
    violation.account,
    `event ${seq} (${about}) breaks a rule of the ledger: ${violation.message}`,
    line,
  );
}
