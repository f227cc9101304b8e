import { uniform, type Clock, type RandomSource } from '../domain/random.ts';

/**
 * The real world the domain takes as data: the system clock and the platform's
 * cryptographic random numbers (verification codes must not be guessable).
 */
export const cryptoRandom: RandomSource = (() => {
  const buffer = new Uint32Array(64);
  let next = buffer.length;
  const next32 = (): number => {
    if (next === buffer.length) {
      crypto.getRandomValues(buffer);
      next = 0;
    }
    return buffer[next++]!;
  };
  return { int: (maxExclusive) => uniform(next32, maxExclusive) };
})();

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * Version-4 UUIDs from the platform's random bytes, drawn 256 ids at a time: a
 * burst of commands needs thousands of event ids, and one platform call per id
 * adds up over such a burst.
 */
export const cryptoUuid: () => string = (() => {
  const bytes = new Uint8Array(16 * 256);
  let at = bytes.length;
  return () => {
    if (at === bytes.length) {
      crypto.getRandomValues(bytes);
      at = 0;
    }
    const b = bytes.subarray(at, (at += 16));
    const h = (i: number) => HEX[b[i]!]!;
    return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${HEX[(b[6]! & 0x0f) | 0x40]}${h(7)}-${HEX[(b[8]! & 0x3f) | 0x80]}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
  };
})();

export const systemClock: Clock = () => new Date();
