const BEYOND_ASCII = /[\u0080-\uffff]/;
const EACH_BEYOND_ASCII = /[\u0080-\uffff]/g;

const escape = (unit: string) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * JSON text with each UTF-16 code unit beyond ASCII written as its lowercase
 * `\uXXXX` escape (`é` as `\u00e9`, an emoji as its two surrogates): the same
 * JSON value, in one-byte characters only, which V8 keeps as a one-byte string
 * and encodes as UTF-8 by copying. Text already ASCII comes back as it is.
 */
export function asciiJson(json: string): string {
  return BEYOND_ASCII.test(json) ? json.replace(EACH_BEYOND_ASCII, escape) : json;
}
