import { isPlainObject } from '../../lib/isPlainObject.ts';
import { DomainError } from '../errors.ts';
import {
  optionalNote,
  requireCategory,
  requireAccountNumber,
  requireAmount,
  requireCode,
  requireEmail,
  requireMessageId,
  requireOwner,
} from './fields.ts';

/** Requests that may be refused. Account numbers are 16-digit strings; amounts are integer cents. */
export type OpenAccount = { type: 'OpenAccount'; owner: string; email: string; initialDeposit?: number };
/** Money movements may name a category (src/domain/accounts/categories.ts); without one they are Uncategorized. */
export type AddFunds = { type: 'AddFunds'; account: string; amount: number; category?: string; note?: string };
export type Withdraw = { type: 'Withdraw'; account: string; amount: number; category?: string; note?: string };
export type Transfer = { type: 'Transfer'; from: string; to: string; amount: number; category?: string; note?: string };
export type VerifyAccount = { type: 'VerifyAccount'; account: string; code: string };
export type CloseAccount = { type: 'CloseAccount'; account: string };
/** Records that a person sent a queued message by hand (mailto:, share sheet). */
export type MarkMessageSent = { type: 'MarkMessageSent'; account: string; messageId: string };

export type Command = OpenAccount | AddFunds | Withdraw | Transfer | VerifyAccount | CloseAccount | MarkMessageSent;
export type CommandType = Command['type'];

type FieldParser = (value: unknown, field: string) => unknown;
type FieldSpec = { parse: FieldParser; optional?: boolean };

const required = (parse: FieldParser): FieldSpec => ({ parse });
const optional = (parse: FieldParser): FieldSpec => ({ parse, optional: true });

const SPECS: { [T in CommandType]: Record<string, FieldSpec> } = {
  OpenAccount: { owner: required(requireOwner), email: required(requireEmail), initialDeposit: optional(requireAmount) },
  AddFunds: {
    account: required(requireAccountNumber),
    amount: required(requireAmount),
    category: optional(requireCategory),
    note: optional(optionalNote),
  },
  Withdraw: {
    account: required(requireAccountNumber),
    amount: required(requireAmount),
    category: optional(requireCategory),
    note: optional(optionalNote),
  },
  Transfer: {
    from: required(requireAccountNumber),
    to: required(requireAccountNumber),
    amount: required(requireAmount),
    category: optional(requireCategory),
    note: optional(optionalNote),
  },
  VerifyAccount: { account: required(requireAccountNumber), code: required(requireCode) },
  CloseAccount: { account: required(requireAccountNumber) },
  MarkMessageSent: { account: required(requireAccountNumber), messageId: required(requireMessageId) },
};

export const COMMAND_TYPES = Object.keys(SPECS) as CommandType[];

/** A clean command, or every problem found in what was offered. */
type Checked = { command: Command; problems?: undefined } | { command?: undefined; problems: DomainError[] };

function check(input: unknown): Checked {
  if (!isPlainObject(input)) return refused(new DomainError('INVALID_COMMAND', 'A command must be an object with a type.'));
  const { type } = input;
  if (typeof type !== 'string') return refused(new DomainError('INVALID_COMMAND', 'A command needs a type, such as "Withdraw".'));
  if (!Object.hasOwn(SPECS, type))
    return refused(
      new DomainError('UNKNOWN_COMMAND', `"${type.slice(0, 50)}" is not a command. Known commands: ${COMMAND_TYPES.join(', ')}.`),
    );
  const spec = SPECS[type as CommandType];
  const problems: DomainError[] = [];
  for (const key of Object.keys(input)) {
    if (key !== 'type' && !Object.hasOwn(spec, key))
      problems.push(new DomainError('INVALID_COMMAND', `${type} does not take a field named "${key.slice(0, 50)}".`, key));
  }
  const command: Record<string, unknown> = { type };
  for (const [field, { parse, optional: isOptional }] of Object.entries(spec)) {
    const value = input[field];
    if (value === undefined || value === null) {
      if (!isOptional) problems.push(new DomainError('INVALID_COMMAND', `${type} needs a value for "${field}".`, field));
      continue;
    }
    try {
      const clean = parse(value, field);
      if (clean !== undefined) command[field] = clean;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push(error);
    }
  }
  return problems.length > 0 ? { problems } : { command: command as Command };
}

function refused(problem: DomainError): Checked {
  return { problems: [problem] };
}

/**
 * Checks the shape of anything offered as a command (forms, links, fuzzers) and
 * returns a clean command: trimmed text, normalised account numbers, blank notes
 * dropped. Throws a DomainError for the first problem found; reads no state.
 */
export function parseCommand(input: unknown): Command {
  const checked = check(input);
  if (checked.problems) throw checked.problems[0]!;
  return checked.command;
}

/**
 * Every problem parseCommand would find, in the same order (its first is the one parseCommand throws), so a
 * form can show them all at once: none when the command is well formed. Reads no state.
 */
export function commandProblems(input: unknown): DomainError[] {
  return check(input).problems ?? [];
}
