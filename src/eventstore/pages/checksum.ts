/** Words per block of a page's marks (512 bytes, about two lines): a mismatch is traced to its block. */
const MARK_WORDS = 128;
export const MARK_BYTES = MARK_WORDS * 4;

/** Low bits of the second sum kept beside the whole first one: 32 + 21 bits fit a double exactly. */
const B_BITS = 0x200000;

const combined = (a: number, b: number) => (b & (B_BITS - 1)) * 0x100000000 + (a >>> 0);

/**
 * A Fletcher-style checksum of bytes, summed as 32-bit words in the platform's
 * byte order (little-endian wherever browsers run; the last 1-3 bytes one by
 * one): `a` is the sum of the words, `b` the sum of the running `a`s, so a
 * changed word always changes `a` and a moved one changes `b`. Stored with a
 * page and checked on every read of it, so it runs over every byte a replay
 * reads: a word at a time, the cheapest way to sum them.
 * With `marks`, the running checksum at the end of each whole block of
 * MARK_BYTES is pushed onto it.
 */
export function wordSum(bytes: Uint8Array, marks?: number[]): number {
  const whole = bytes.length >>> 2;
  // A Uint32Array needs an aligned start; the pages IndexedDB gives back always have one.
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, whole) : new Uint32Array(bytes.slice(0, whole * 4).buffer);
  let a = 0;
  let b = 0;
  for (let block = 0; block < whole; block += MARK_WORDS) {
    const end = Math.min(whole, block + MARK_WORDS);
    for (let i = block; i < end; i++) {
      a = (a + words[i]!) | 0;
      b = (b + a) | 0;
    }
    if (marks && end - block === MARK_WORDS) marks.push(combined(a, b));
  }
  for (let i = whole * 4; i < bytes.length; i++) {
    a = (a + bytes[i]!) | 0;
    b = (b + a) | 0;
  }
  return combined(a, b);
}

/**
 * How many leading bytes still match the marks written with them: the bytes
 * before the first block whose running checksum differs (bytes past the last
 * mark are not vouched for). Damage is found where it starts; a cut keeps the
 * blocks before it.
 */
export function intactBytes(bytes: Uint8Array, marks: ArrayLike<number>): number {
  const now: number[] = [];
  wordSum(bytes, now);
  let blocks = 0;
  while (blocks < marks.length && blocks < now.length && marks[blocks] === now[blocks]) blocks++;
  return blocks * MARK_BYTES;
}

/**
 * The same pair of sums over one canonical line's UTF-16 code units: what a
 * tail record keeps per event. A commit sums every event it writes, inside its
 * transaction, so the line is summed as the string it is, with no encoding.
 */
export function lineSum(line: string): number {
  let a = 0;
  let b = 0;
  for (let i = 0; i < line.length; i++) {
    a = (a + line.charCodeAt(i)) | 0;
    b = (b + a) | 0;
  }
  return combined(a, b);
}
