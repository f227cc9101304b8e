import { uniform, type Clock, type RandomSource } from './random.ts';

/**
 * The only place in the domain that touches the real world: the system clock
 * and the platform's cryptographic random numbers (verification codes must not
 * be guessable). Everything else takes these as data.
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

// eslint-disable-next-line no-restricted-syntax -- this is the one real clock the app hands to the domain
export const systemClock: Clock = () => new Date();
