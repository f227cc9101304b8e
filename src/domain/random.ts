/**
 * Randomness comes into the domain as data so deciding stays pure and tests can
 * replay it. `int(n)` returns a uniformly distributed integer in [0, n), n <= 2^32.
 */
export interface RandomSource {
  int(maxExclusive: number): number;
}

/** Where "now" comes from. */
export type Clock = () => Date;

/** A fast deterministic source (sfc32) for tests, sample data and benchmarks; never for secrets. */
export function seededRandom(seed: number): RandomSource {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next();
  return { int: (maxExclusive) => uniform(next, maxExclusive) };
}

/**
 * Maps 32-bit draws onto [0, maxExclusive) without modulo bias, by rejecting
 * draws from the incomplete top slice.
 */
export function uniform(next32: () => number, maxExclusive: number): number {
  if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > 2 ** 32)
    throw new RangeError(`random bound must be a whole number from 1 to 2^32, not ${maxExclusive}`);
  const limit = 2 ** 32 - (2 ** 32 % maxExclusive);
  for (;;) {
    const draw = next32();
    if (draw < limit) return draw % maxExclusive;
  }
}

/** `length` random decimal digits; the first is never 0 when `leadingNonZero`. */
export function randomDigits(random: RandomSource, length: number, leadingNonZero = false): string {
  let digits = '';
  for (let i = 0; i < length; i++) digits += String(i === 0 && leadingNonZero ? 1 + random.int(9) : random.int(10));
  return digits;
}

/** A version-4 UUID drawn from `random`. */
export function randomUuid(random: RandomSource): string {
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  const word = () => random.int(2 ** 16);
  const variant = 0x8000 | (word() & 0x3fff);
  return (
    `${hex(word(), 4)}${hex(word(), 4)}-${hex(word(), 4)}-${hex(0x4000 | (word() & 0x0fff), 4)}-` +
    `${hex(variant, 4)}-${hex(word(), 4)}${hex(word(), 4)}${hex(word(), 4)}`
  );
}

/** Picks one element of a non-empty list. */
export function pick<T>(random: RandomSource, items: readonly T[]): T {
  return items[random.int(items.length)]!;
}
