const BEYOND_ASCII = /[\u0080-\uffff]/;
const EACH_BEYOND_ASCII = /[\u0080-\uffff]/g;

/** Whether `text` holds no UTF-16 code unit beyond ASCII. */
export const isAscii = (text: string): boolean => !BEYOND_ASCII.test(text);

const escape = (unit: string) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * JSON text with each UTF-16 code unit beyond ASCII written as its lowercase
 * `\uXXXX` escape (`é` as `\u00e9`, an emoji as its two surrogates): the same
 * JSON value, in one-byte characters only, which V8 keeps as a one-byte string
 * and encodes as UTF-8 by copying. Text already ASCII comes back as it is.
 */
export function asciiJson(json: string): string {
  return isAscii(json) ? json : json.replace(EACH_BEYOND_ASCII, escape);
}
