import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { asciiJson } from '../../src/lib/asciiJson.ts';

describe('asciiJson', () => {
  test('gives the same JSON value in ASCII characters only, for any value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (value) => {
        const ascii = asciiJson(JSON.stringify(value));
        expect([...ascii].every((char) => char.charCodeAt(0) < 0x80)).toBe(true);
        expect(JSON.parse(ascii)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  test('writes lowercase escapes, each surrogate of a pair on its own, and leaves ASCII text as the same string', () => {
    expect(asciiJson(JSON.stringify({ note: 'Café 東 🎁' }))).toBe('{"note":"Caf\\u00e9 \\u6771 \\ud83c\\udf81"}');
    const ascii = JSON.stringify({ note: 'plain \\u00e9 "quoted"' });
    expect(asciiJson(ascii)).toBe(ascii);
  });
});
