import { describe, expect, test } from 'vitest';
import { commandProblems, DomainError, MAX_AMOUNT, parseCommand } from '../../../src/domain/index.ts';

// Given what a form (or a link, or a file) offers as a command, when it is checked, then every field problem
// comes back at once, in the order parseCommand meets them; the first is the one parseCommand throws.

function given(input: unknown) {
  return {
    whenChecked() {
      const problems = commandProblems(input);
      return {
        thenProblems(expected: { field?: string; code: string; message?: string }[]) {
          expect(problems.every((p) => p instanceof DomainError)).toBe(true);
          expect(
            problems.map((p) => ({ field: p.field, code: p.code, ...(expected.find((e) => e.field === p.field)?.message ? { message: p.message } : {}) })),
          ).toEqual(expected);
          if (problems.length === 0) {
            expect(() => parseCommand(input)).not.toThrow();
          } else {
            // The command handler keeps refusing with the first problem.
            expect(() => parseCommand(input)).toThrow(problems[0]!.message);
          }
        },
      };
    },
  };
}

describe('commandProblems', () => {
  test('an account opened with both fields empty names the owner and the e-mail, each under its own field', () => {
    given({ type: 'OpenAccount', owner: '  ', email: '' })
      .whenChecked()
      .thenProblems([
        { field: 'owner', code: 'INVALID_OWNER', message: "The owner's name is required." },
        { field: 'email', code: 'INVALID_EMAIL', message: 'The e-mail address is required.' },
      ]);
  });

  test('a malformed e-mail and a negative first deposit are both found', () => {
    given({ type: 'OpenAccount', owner: 'Ada', email: 'ada@', initialDeposit: -5 })
      .whenChecked()
      .thenProblems([
        { field: 'email', code: 'INVALID_EMAIL' },
        { field: 'initialDeposit', code: 'INVALID_AMOUNT', message: 'The amount must be more than zero.' },
      ]);
  });

  test('a transfer to a malformed number with no amount names both fields', () => {
    given({ type: 'Transfer', from: '1111222233334444', to: '0123', note: 'rent' })
      .whenChecked()
      .thenProblems([
        { field: 'to', code: 'INVALID_ACCOUNT_NUMBER', message: 'An account number has 16 digits and does not start with 0.' },
        { field: 'amount', code: 'INVALID_COMMAND', message: 'Transfer needs a value for "amount".' },
      ]);
  });

  test('an amount over the limit names the limit and carries it for the screen to word', () => {
    const [problem] = commandProblems({ type: 'AddFunds', account: '1111222233334444', amount: MAX_AMOUNT + 1 });
    expect(problem?.message).toBe('The most one amount can be is 10,000,000,000.00.');
    expect(problem?.details).toEqual({ amount: MAX_AMOUNT + 1, limit: MAX_AMOUNT });
    given({ type: 'AddFunds', account: '1111222233334444', amount: MAX_AMOUNT }).whenChecked().thenProblems([]);
  });

  test('an unknown field and a bad field are both reported, the unknown one first as parseCommand does', () => {
    given({ type: 'VerifyAccount', account: '1111222233334444', code: '12', extra: 1 })
      .whenChecked()
      .thenProblems([
        { field: 'extra', code: 'INVALID_COMMAND' },
        { field: 'code', code: 'INVALID_CODE', message: 'A verification code has 6 digits.' },
      ]);
  });

  test('what is not a command at all is one problem with no field', () => {
    given(null).whenChecked().thenProblems([{ field: undefined, code: 'INVALID_COMMAND' }]);
    given({ type: 'Borrow' }).whenChecked().thenProblems([{ field: undefined, code: 'UNKNOWN_COMMAND' }]);
  });

  test('a well-formed command has no problems', () => {
    given({ type: 'Withdraw', account: '1111 2222 3333 4444', amount: 500, note: ' ' }).whenChecked().thenProblems([]);
  });
});
