/** Seeds as learners type them. A module of its own, so a widget that only needs this stays small. */

/**
 * A seed from what a learner typed: a whole number from 0 to 2³² − 1, the seeds createRandom tells apart;
 * `fallback` for anything that is not a number.
 */
export function seedFrom(value: unknown, fallback = 0) {
  const number = Number(value);
  return Number.isFinite(number) ? Math.min(2 ** 32 - 1, Math.max(0, Math.floor(number))) : fallback;
}
