/**
 * Seeds as learners type them, and the seeded generator they start. A module of its own, so a page that only needs
 * these (a quiz shuffling its options, a seed field) stays small.
 */

/**
 * A seed from what a learner typed: a whole number from 0 to 2³² − 1, the seeds createRandom tells apart;
 * `fallback` for anything that is not a number.
 */
export function seedFrom(value: unknown, fallback = 0) {
  const number = Number(value);
  return Number.isFinite(number) ? Math.min(2 ** 32 - 1, Math.max(0, Math.floor(number))) : fallback;
}

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same numbers in [0, 1). */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
