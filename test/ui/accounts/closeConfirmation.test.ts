import { describe, expect, it } from 'vitest';
import { closeConfirmation } from '../../../src/ui/accounts/closeConfirmation.ts';
import { formatMoney } from '../../../src/ui/components/money.ts';

const dana = { owner: 'Dana Newcomer', accountNumber: '1234567890123456' };

describe('the question asked before closing an account', () => {
  it('names the owner and the grouped account number, and what the toast says after', () => {
    const words = closeConfirmation({ ...dana, balance: 0 });
    expect(words.question).toBe('Close Dana Newcomer’s account 1234 5678 9012 3456 for good?');
    expect(words.done).toBe('Dana Newcomer’s account 1234 5678 9012 3456 is closed.');
  });

  it('says an empty account can close', () => {
    expect(closeConfirmation({ ...dana, balance: 0 }).balance).toBe('It holds nothing, as an account must to close.');
  });

  it('says an account holding money must be at zero first, with both amounts in the money format', () => {
    expect(closeConfirmation({ ...dana, balance: 30_000 }).balance).toBe(
      `It must hold ${formatMoney(0)} to close, and it holds ${formatMoney(30_000)}: move the money out first.`,
    );
    expect(closeConfirmation({ ...dana, balance: 1 }).balance).toContain(formatMoney(1));
  });
});
