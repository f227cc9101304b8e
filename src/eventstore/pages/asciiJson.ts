/**
 * Sealed pages keep their lines as ASCII: every character beyond ASCII is
 * written as its JSON escape (`é` as `\u00e9`, an emoji as its two surrogate
 * escapes). The line means exactly the same JSON, and reading it is cheaper:
 * decoding ASCII bytes is a copy, and the text and every string parsed from it
 * are one-byte strings, where a single character beyond Latin-1 in a page
 * (nearly every page, with notes in many scripts) made the whole page's text
 * two-byte. Imports pay for the escaping (`asciiJson` in src/lib, a line at a
 * time as a page is packed) and exports for undoing it; replays, which are far
 * more frequent, gain.
 *
 * Files carry the lines as `JSON.stringify` writes them (docs/file-format.md),
 * so what leaves the store for a file goes back through `utf8Json`.
 */

const BACKSLASH = 0x5c;
const U = 0x75;

/** The code unit of four lowercase hex digits at `at`, or -1. */
function hexUnit(bytes: Uint8Array, at: number): number {
  if (at + 4 > bytes.length) return -1;
  let unit = 0;
  for (let i = at; i < at + 4; i++) {
    const b = bytes[i]!;
    const digit = b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x61 && b <= 0x66 ? b - 0x57 : -1;
    if (digit < 0) return -1;
    unit = (unit << 4) | digit;
  }
  return unit;
}

function putUtf8(out: Uint8Array, at: number, code: number): number {
  if (code < 0x800) {
    out[at] = 0xc0 | (code >> 6);
    out[at + 1] = 0x80 | (code & 63);
    return at + 2;
  }
  if (code < 0x10000) {
    out[at] = 0xe0 | (code >> 12);
    out[at + 1] = 0x80 | ((code >> 6) & 63);
    out[at + 2] = 0x80 | (code & 63);
    return at + 3;
  }
  out[at] = 0xf0 | (code >> 18);
  out[at + 1] = 0x80 | ((code >> 12) & 63);
  out[at + 2] = 0x80 | ((code >> 6) & 63);
  out[at + 3] = 0x80 | (code & 63);
  return at + 4;
}

/**
 * The inverse of `asciiJson` on the UTF-8 bytes of JSON text written by
 * `JSON.stringify`: escapes of characters beyond ASCII become the characters'
 * UTF-8 again. What `JSON.stringify` escapes itself stays escaped: control
 * characters (below 0x80) and lone surrogates (a high surrogate is joined only
 * with the low one escaped right after it; `JSON.stringify` never escapes a
 * valid pair, so such a pair was escaped by `asciiJson`). Text that is already
 * UTF-8, such as a page of unescaped UTF-8 lines, comes back unchanged,
 * invalid bytes included. Returns `bytes` itself when there is nothing to undo.
 */
export function utf8Json(bytes: Uint8Array): Uint8Array {
  let out: Uint8Array | undefined;
  let written = 0;
  let copied = 0;
  for (let at = bytes.indexOf(BACKSLASH); at >= 0; at = bytes.indexOf(BACKSLASH, at)) {
    // In JSON a backslash only ever starts an escape of two bytes or more, so `\\u` is not an escape of u.
    if (bytes[at + 1] !== U) {
      at += 2;
      continue;
    }
    const unit = hexUnit(bytes, at + 2);
    if (unit < 0) {
      at += 2;
      continue;
    }
    let code = unit;
    let length = 6;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const low = bytes[at + 6] === BACKSLASH && bytes[at + 7] === U ? hexUnit(bytes, at + 8) : -1;
      code = low >= 0xdc00 && low <= 0xdfff ? 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00) : -1;
      length = 12;
    }
    if (code < 0x80 || (code >= 0xdc00 && code <= 0xdfff)) {
      at += 6;
      continue;
    }
    out ??= new Uint8Array(bytes.length);
    out.set(bytes.subarray(copied, at), written);
    written = putUtf8(out, written + (at - copied), code);
    copied = at + length;
    at = copied;
  }
  if (!out) return bytes;
  out.set(bytes.subarray(copied), written);
  return out.subarray(0, written + (bytes.length - copied));
}
