import { describe, expect, it } from 'vitest';
import { amountExample, amountPlaceholder, parseAmount } from '../../../src/ui/components/money.ts';

const NNBSP = '\u202f';

describe('an amount as typed in en-US', () => {
  const read = (input: string) => parseAmount(input, 'en-US');

  it.each([
    ['12.34', 1234],
    ['1,234.56', 123456],
    ['1,234', 123400],
    ['1,234,567.8', 123456780],
    ['1234.56', 123456],
    ['5', 500],
    ['.5', 50],
    ['.05', 5],
    ['5.', 500],
    ['0.5', 50],
    ['1 234.50', 123450],
    ['€ 5', 500],
    ['5 €', 500],
    ['EUR 7.10', 710],
    [' 7.10 ', 710],
    ['10,000,000,000', 1_000_000_000_000],
  ])('"%s" is %i cents', (input, cents) => {
    expect(read(input)).toEqual({ cents });
  });

  it('refuses a decimal comma, saying the cents come after a point', () => {
    expect(read('12,34').error).toBe('"12,34" is not an amount here: write the cents after a point, such as 12.34.');
  });

  it('refuses more than two decimals', () => {
    expect(read('1.234').error).toBe('"1.234" has more than two decimals: an amount is whole cents, such as 12.34.');
  });

  it('names the limit in money', () => {
    expect(read('99999999999999').error).toBe('The most one amount can be is €10,000,000,000.00.');
    expect(read('10000000000.01').error).toBe('The most one amount can be is €10,000,000,000.00.');
  });

  it('gives a placeholder and an example written the en-US way', () => {
    expect(amountPlaceholder('en-US')).toBe('0.00');
    expect(amountExample('en-US')).toBe('12.34');
    expect(read('').error).toBe('Enter an amount, such as 12.34.');
  });
});

describe('an amount as typed in de-DE', () => {
  const read = (input: string) => parseAmount(input, 'de-DE');

  it.each([
    ['1.234,56', 123456],
    ['1234,56', 123456],
    ['1.234', 123400],
    ['1.234.567,8', 123456780],
    ['12,34', 1234],
    [',5', 50],
    ['5,', 500],
    ['1 234,56', 123456],
    ['1234,56 €', 123456],
    // The plain forms, as a numeric keypad types them.
    ['1234.56', 123456],
    ['12.34', 1234],
    ['.5', 50],
    ['5.', 500],
    ['5', 500],
  ])('"%s" is %i cents', (input, cents) => {
    expect(read(input)).toEqual({ cents });
  });

  it('refuses English thousands, which read here as three decimals', () => {
    expect(read('1,234').error).toBe('"1,234" has more than two decimals: an amount is whole cents, such as 12,34.');
  });

  it.each(['1,234.56', '12.345.67', '1.23.456', '1.234 567,00'])('refuses "%s", with an example written the German way', (input) => {
    expect(read(input).error).toBe(`"${input}" is not an amount. Use digits with up to two decimals, such as 1.234,56.`);
  });

  it('names the limit in German money', () => {
    expect(read('99999999999999').error).toBe('The most one amount can be is 10.000.000.000,00\u00a0€.');
  });

  it('gives a placeholder and an example written the German way', () => {
    expect(amountPlaceholder('de-DE')).toBe('0,00');
    expect(amountExample('de-DE')).toBe('12,34');
    expect(read('  ').error).toBe('Enter an amount, such as 12,34.');
  });
});

describe('an amount as typed in fr-FR', () => {
  const read = (input: string) => parseAmount(input, 'fr-FR');

  it.each([
    [`1${NNBSP}234,56`, 123456],
    ['1\u00a0234,56', 123456],
    ['1 234,56', 123456],
    ['1234,56', 123456],
    ['1234.56', 123456],
    [`1${NNBSP}234${NNBSP}567`, 123456700],
  ])('"%s" is %i cents', (input, cents) => {
    expect(read(input)).toEqual({ cents });
  });

  it('refuses German thousands marks, with an example written the French way', () => {
    expect(read('1.234,56').error).toBe(`"1.234,56" is not an amount. Use digits with up to two decimals, such as 1${NNBSP}234,56.`);
  });

  it('gives a placeholder written the French way', () => {
    expect(amountPlaceholder('fr-FR')).toBe('0,00');
  });
});

describe('other ways of writing numbers', () => {
  it('reads Swiss apostrophes and Indian groups', () => {
    expect(parseAmount("1'234.50", 'de-CH')).toEqual({ cents: 123450 });
    expect(parseAmount('1’234.50', 'de-CH')).toEqual({ cents: 123450 });
    expect(parseAmount('12,34,567.00', 'en-IN')).toEqual({ cents: 1234567_00 });
    expect(parseAmount('1,234,567.00', 'en-IN').error).toContain('is not an amount');
  });

  it("reads the locale's own digits", () => {
    expect(parseAmount('١٢٫٥٠', 'ar-EG')).toEqual({ cents: 1250 });
  });
});

describe('hostile or broken input is refused with a clear message', () => {
  for (const locale of ['en-US', 'de-DE', 'fr-FR']) {
    const read = (input: string) => parseAmount(input, locale);
    const example = locale === 'en-US' ? '1,234.56' : locale === 'de-DE' ? '1.234,56' : `1${NNBSP}234,56`;

    it.each(['1e5', '1,2,3', 'abc', '5a', '0x10', '+5', '5 .5', '.', ',', '..5', '5..0', 'Infinity', 'NaN', '12€34', '$5'])(
      `${locale}: "%s" is not an amount`,
      (input) => {
        const { cents, error } = read(input);
        expect(cents).toBeUndefined();
        expect(error).toMatch(/is not an amount/);
        if (!error?.includes('after a point')) expect(error).toContain(`such as ${example}.`);
      },
    );

    it(`${locale}: minus signs, zero, twenty digits and nothing at all each say what is wrong`, () => {
      expect(read('--1').error).toBe('Enter the amount without a minus sign: it must be more than zero.');
      expect(read('-5').error).toBe('Enter the amount without a minus sign: it must be more than zero.');
      expect(read('−5').error).toBe('Enter the amount without a minus sign: it must be more than zero.');
      expect(read('0').error).toBe('The amount must be more than zero.');
      expect(read('.0').error).toBe('The amount must be more than zero.');
      expect(read('12345678901234567890').error).toMatch(/^The most one amount can be is .*10.000.000.000.00.*\.$/);
      expect(read('').error).toMatch(/^Enter an amount, such as 12.34\.$/);
      expect(read('€').error).toMatch(/^Enter an amount/);
    });
  }

  it('quotes a long paste cut short', () => {
    const paste = 'x'.repeat(10_000);
    expect(parseAmount(paste, 'en-US').error).toBe(`"${'x'.repeat(20)}…" is not an amount. Use digits with up to two decimals, such as 1,234.56.`);
  });
});
