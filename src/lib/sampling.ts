/**
 * How a language model turns next-token probabilities into a choice: temperature, top-k and top-p applied in
 * Hugging Face's order, then a draw from what is left. Pure and deterministic given a seed, so every widget,
 * the built-in model and the tests share one implementation.
 */

export interface SamplingOptions {
  /** 0 means greedy (always the most likely token); 1 leaves the distribution as it is. Absent: 1. */
  temperature?: number;
  /** Keep only the k most likely tokens (all tokens tied with the k-th are kept). Absent or 0: off. */
  topK?: number;
  /** Keep the smallest set of most likely tokens whose probability reaches p. Absent or 1: off. */
  topP?: number;
}

export class SamplingError extends Error {
  override name = 'SamplingError';
}

/** Probability mass below which a top-p sum counts as having reached p, so 0.4 + 0.25 + 0.15 reaches 0.8. */
const MASS_EPSILON = 1e-9;

function checkInputs(probabilities: readonly number[], { temperature, topK, topP }: SamplingOptions) {
  if (probabilities.length === 0) throw new SamplingError('probabilities: the list is empty');
  const bad = probabilities.findIndex((p) => !Number.isFinite(p) || p < 0);
  if (bad >= 0)
    throw new SamplingError(`probabilities: item ${bad} is ${probabilities[bad]}; each must be a number ≥ 0`);
  if (!(probabilities.reduce((sum, p) => sum + p, 0) > 0)) throw new SamplingError('probabilities: they sum to 0');
  if (temperature !== undefined && !(Number.isFinite(temperature) && temperature >= 0)) {
    throw new SamplingError(`temperature: ${temperature} is not allowed; use 0 (greedy) or more`);
  }
  if (topK !== undefined && !(Number.isInteger(topK) && topK >= 0)) {
    throw new SamplingError(`topK: ${topK} is not allowed; use a whole number, 0 for off`);
  }
  if (topP !== undefined && !(Number.isFinite(topP) && topP >= 0 && topP <= 1)) {
    throw new SamplingError(`topP: ${topP} is not allowed; use a number from 0 to 1`);
  }
}

function normalise(weights: readonly number[]) {
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => w / total);
}

/** Indices from most to least likely; among equal probabilities, the token listed first comes first. */
export function rankByProbability(probabilities: readonly number[]) {
  return probabilities
    .map((_, index) => index)
    .sort((a, b) => (probabilities[b] ?? 0) - (probabilities[a] ?? 0) || a - b);
}

/** p_i^(1/T), renormalised, computed in log space so small probabilities and low temperatures do not underflow. */
function applyTemperature(probabilities: readonly number[], temperature: number) {
  if (temperature === 1) return [...probabilities];
  const scaled = probabilities.map((p) => (p > 0 ? Math.log(p) / temperature : -Infinity));
  const top = Math.max(...scaled);
  return normalise(scaled.map((z) => (z === -Infinity ? 0 : Math.exp(z - top))));
}

function applyTopK(probabilities: readonly number[], k: number) {
  if (k === 0 || k >= probabilities.length) return [...probabilities];
  const threshold = [...probabilities].sort((a, b) => b - a)[k - 1] ?? 0;
  return normalise(probabilities.map((p) => (p >= threshold ? p : 0)));
}

function applyTopP(probabilities: readonly number[], p: number) {
  if (p >= 1) return [...probabilities];
  const kept = probabilities.map(() => false);
  let mass = 0;
  for (const index of rankByProbability(probabilities)) {
    // The most likely token always survives; after it, a token is kept while the mass before it is short of p.
    if (mass > 0 && mass >= p - MASS_EPSILON) break;
    kept[index] = true;
    mass += probabilities[index] ?? 0;
  }
  return normalise(probabilities.map((q, index) => (kept[index] ? q : 0)));
}

/**
 * The distribution a model samples from after temperature, then top-k, then top-p (Hugging Face's order),
 * renormalised, in input order. Filtered tokens get 0; at least one token always survives.
 * Throws a SamplingError naming the bad input.
 */
export function adjust(probabilities: readonly number[], options: SamplingOptions = {}): number[] {
  checkInputs(probabilities, options);
  const { temperature = 1, topK = 0, topP = 1 } = options;
  const base = normalise(probabilities);
  if (temperature === 0) {
    const best = rankByProbability(base)[0] ?? 0;
    return base.map((_, index) => (index === best ? 1 : 0));
  }
  return applyTopP(applyTopK(applyTemperature(base, temperature), topK), topP);
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

/** One draw by inverse CDF: the first token whose cumulative probability exceeds a uniform number. */
export function sampleIndex(probabilities: readonly number[], random: () => number) {
  const u = random();
  let cumulative = 0;
  let lastPossible = -1;
  for (const [index, p] of probabilities.entries()) {
    if (p <= 0) continue;
    cumulative += p;
    lastPossible = index;
    if (u < cumulative) return index;
  }
  // Rounding can leave the total a hair under 1.
  return lastPossible;
}

/**
 * Vose's alias method: after O(n) set-up, each draw costs O(1) whatever the vocabulary size,
 * for drawing many samples from one distribution.
 */
export function createAliasSampler(probabilities: readonly number[]) {
  const n = probabilities.length;
  const total = probabilities.reduce((sum, p) => sum + p, 0);
  const scaled = probabilities.map((p) => (p / total) * n);
  const chance = new Float64Array(n);
  const alias = new Int32Array(n);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((value, index) => (value < 1 ? small : large).push(index));
  while (small.length > 0 && large.length > 0) {
    const less = small.pop() as number;
    const more = large.pop() as number;
    chance[less] = scaled[less] as number;
    alias[less] = more;
    scaled[more] = (scaled[more] as number) + (scaled[less] as number) - 1;
    (scaled[more] < 1 ? small : large).push(more);
  }
  // What is left is 1 up to rounding; a token of probability 0 must still never be drawn.
  const mostLikely = rankByProbability(probabilities)[0] ?? 0;
  for (const index of [...large, ...small]) {
    chance[index] = (probabilities[index] ?? 0) > 0 ? 1 : 0;
    alias[index] = mostLikely;
  }
  return (random: () => number) => {
    const column = Math.floor(random() * n);
    return random() < (chance[column] as number) ? column : (alias[column] as number);
  };
}

/** Shannon entropy in bits: 0 when one token is certain, log2(n) when n tokens are equally likely. */
export function entropyBits(probabilities: readonly number[]) {
  return probabilities.reduce((sum, p) => (p > 0 ? sum - p * Math.log2(p) : sum), 0);
}

/** How many equally likely tokens would be as uncertain as this distribution: 2^entropy. */
export function effectiveChoices(probabilities: readonly number[]) {
  return 2 ** entropyBits(probabilities);
}
