import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { utf8Json } from '../../../src/eventstore/pages/asciiJson.ts';
import { asciiJson } from '../../../src/lib/asciiJson.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Any JSON value, its strings drawn from all of UTF-16: astral characters, lone surrogates, controls. */
const anyJson = fc.jsonValue({ stringUnit: 'binary' });

describe('pages as ASCII: asciiJson and its inverse on bytes, utf8Json', () => {
  test('escaping leaves only ASCII, means the same JSON, and utf8Json gives back JSON.stringify’s UTF-8 byte for byte', () => {
    fc.assert(
      fc.property(anyJson, (value) => {
        const json = JSON.stringify(value);
        const bytes = encode(asciiJson(json));
        expect(bytes.every((b) => b < 0x80)).toBe(true);
        const ascii = decode(bytes);
        expect(JSON.parse(ascii)).toEqual(JSON.parse(json));
        expect(decode(utf8Json(encode(ascii)))).toBe(json);
        expect(utf8Json(encode(ascii))).toEqual(encode(json));
      }),
      { numRuns: 500 },
    );
  });

  test('JSON.stringify’s own UTF-8 comes back unchanged, as the same array (a page of unescaped UTF-8)', () => {
    fc.assert(
      fc.property(anyJson, (value) => {
        const bytes = encode(JSON.stringify(value));
        expect(utf8Json(bytes)).toBe(bytes);
      }),
      { numRuns: 300 },
    );
  });

  test.each([
    ['a character beyond ASCII', { note: 'é東' }, '{"note":"\\u00e9\\u6771"}'],
    ['an astral character, as its two surrogates', { note: '🎁' }, '{"note":"\\ud83c\\udf81"}'],
    ['a lone surrogate, which JSON.stringify escapes itself', { note: 'a\ud800b' }, '{"note":"a\\ud800b"}'],
    ['a control character, which JSON.stringify escapes itself', { note: '\u001f' }, '{"note":"\\u001f"}'],
    ['a backslash before a u, which is no escape', { note: '\\u00e9' }, '{"note":"\\\\u00e9"}'],
  ])('%s', (_, value, ascii) => {
    const json = JSON.stringify(value);
    expect(asciiJson(json)).toBe(ascii);
    expect(decode(utf8Json(encode(ascii)))).toBe(json);
  });

  test('bytes that are not UTF-8 (a damaged page) pass through unchanged around the escapes it undoes', () => {
    const damaged = new Uint8Array([...encode('{"a":"\\u00e9'), 0xff, 0xfe, ...encode('"}\n')]);
    expect(utf8Json(damaged)).toEqual(new Uint8Array([...encode('{"a":"é'), 0xff, 0xfe, ...encode('"}\n')]));
    const cut = encode('{"a":"\\u00');
    expect(utf8Json(cut)).toBe(cut);
  });
});
