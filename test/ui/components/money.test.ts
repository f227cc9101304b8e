import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../src/ui/components/money.ts';

describe('an amount as typed', () => {
  it.each([
    ['12.34', 1234],
    ['5', 500],
    ['.5', 50],
    ['.05', 5],
    ['5.', 500],
    ['0.5', 50],
    ['12,34', 1234],
    [',5', 50],
    ['5,', 500],
    ['1,234.50', 123450],
    ['1 234,5', 123450],
    ['€ 5', 500],
    [' 7.10 ', 710],
  ])('"%s" is %i cents', (input, cents) => {
    expect(parseAmount(input)).toEqual({ cents });
  });

  it.each(['.', ',', '5..0', '5.0.0', 'abc', '5a', '1.234', '..5', '5.-'])('"%s" is refused as not an amount', (input) => {
    expect(parseAmount(input).error).toBe(`"${input}" is not an amount. Use digits with up to two decimals, such as 12.34.`);
  });

  it('says what is wrong with an empty, negative, zero or huge amount', () => {
    expect(parseAmount('  ').error).toBe('Enter an amount, such as 12.34.');
    expect(parseAmount('-5').error).toBe('Enter the amount without a minus sign: it must be more than zero.');
    expect(parseAmount('.0').error).toBe('The amount must be more than zero.');
    expect(parseAmount('0.').error).toBe('The amount must be more than zero.');
    expect(parseAmount('99999999999999').error).toBe('That amount is too large.');
  });
});
