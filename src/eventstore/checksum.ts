import { asciiJsonBytes } from './asciiJson.ts';

/** Low bits of the second sum kept beside the whole first one: 32 + 21 bits fit a double exactly. */
const B_BITS = 0x200000;

/**
 * A Fletcher-style checksum of bytes, summed as 32-bit words in the platform's
 * byte order (little-endian wherever browsers run; the last 1-3 bytes one by one): `a` is the sum of the words, `b` the sum
 * of the running `a`s, so a changed word always changes `a` and a moved one
 * changes `b`. Stored with a page, checked on every read of it: a word at a
 * time because a read of a million events sums 130 MB of pages, and a sum per
 * byte (or a CRC table per byte) costs about four times as much in JS.
 */
export function wordSum(bytes: Uint8Array): number {
  const whole = bytes.length >>> 2;
  // A Uint32Array needs an aligned start; the pages IndexedDB gives back always have one.
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, whole) : new Uint32Array(bytes.slice(0, whole * 4).buffer);
  let a = bytes.length | 0;
  let b = 0;
  for (let i = 0; i < whole; i++) {
    a = (a + words[i]!) | 0;
    b = (b + a) | 0;
  }
  for (let i = whole * 4; i < bytes.length; i++) {
    a = (a + bytes[i]!) | 0;
    b = (b + a) | 0;
  }
  return (b & (B_BITS - 1)) * 0x100000000 + (a >>> 0);
}

/** The checksum of one canonical line as a page would hold it (ASCII): what a tail record keeps per event. */
export function lineSum(line: string): number {
  return wordSum(asciiJsonBytes(line));
}
