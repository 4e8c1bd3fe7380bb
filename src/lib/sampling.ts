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

function checkInputs(probabilities: ArrayLike<number>, { temperature, topK, topP }: SamplingOptions) {
  if (probabilities.length === 0) throw new SamplingError('probabilities: the list is empty');
  let total = 0;
  for (let index = 0; index < probabilities.length; index++) {
    const p = probabilities[index] as number;
    if (!Number.isFinite(p) || p < 0)
      throw new SamplingError(`probabilities: item ${index} is ${p}; each must be a number ≥ 0`);
    total += p;
  }
  if (!(total > 0)) throw new SamplingError('probabilities: they sum to 0');
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

function normalise(weights: ArrayLike<number>) {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i] as number;
  return Float64Array.from(weights, (weight) => weight / total);
}

/** Indices from most to least likely; among equal probabilities, the token listed first comes first. */
export function rankByProbability(probabilities: ArrayLike<number>) {
  // The indices start in list order and sorting is stable, so equal probabilities keep that order.
  return Array.from({ length: probabilities.length }, (_, index) => index).sort(
    (a, b) => (probabilities[b] as number) - (probabilities[a] as number),
  );
}

/**
 * p_i^(1/T), renormalised. Computed as (p_i / p_max)^(1/T), so the largest term is 1: nothing overflows at low
 * temperatures, and a term underflows to 0 only when it is negligible next to the top one.
 */
function applyTemperature(probabilities: Float64Array, temperature: number) {
  if (temperature === 1) return probabilities;
  const top = probabilities.reduce((largest, p) => Math.max(largest, p), 0);
  // A positive temperature makes the exponent positive, so a token of probability 0 stays at 0.
  const exponent = 1 / temperature;
  return normalise(probabilities.map((p) => (p / top) ** exponent));
}

/**
 * Walks the values from the largest down and returns the value of the token at which `reached(count, mass)` first
 * holds. A quickselect: it partitions around pivots in place instead of sorting, so it takes linear time on average.
 */
function boundaryValue(values: Float64Array, reached: (count: number, mass: number) => boolean) {
  const a = Float64Array.from(values);
  let lo = 0;
  let hi = a.length;
  let count = 0;
  let mass = 0;
  for (;;) {
    const pivot = a[(lo + hi) >> 1] as number;
    // Three-way partition of a[lo, hi): larger than the pivot, then equal, then smaller.
    let larger = lo;
    let i = lo;
    let smaller = hi;
    let largerMass = 0;
    while (i < smaller) {
      const value = a[i] as number;
      if (value > pivot) {
        a[i++] = a[larger] as number;
        a[larger++] = value;
        largerMass += value;
      } else if (value < pivot) {
        a[i] = a[--smaller] as number;
        a[smaller] = value;
      } else i++;
    }
    const largerCount = larger - lo;
    const equal = smaller - larger;
    // reached(count, mass) is false here (it was when they were last set), so with no larger values this says no.
    if (reached(count + largerCount, mass + largerMass)) {
      hi = larger;
    } else if (
      reached(count + largerCount + equal, mass + largerMass + equal * pivot) ||
      // Stryker disable next-line ConditionalExpression: a safety stop; the whole list always reaches k (< n) or p (< 1)
      smaller === hi
    ) {
      return pivot;
    } else {
      count += largerCount + equal;
      mass += largerMass + equal * pivot;
      lo = smaller;
    }
  }
}

/** Keeps the tokens above `boundary`, and tokens equal to it in list order while `wanted(keptSoFar, mass)`. */
function keepDownTo(probabilities: Float64Array, boundary: number, wanted: (kept: number, mass: number) => boolean) {
  let kept = 0;
  let mass = 0;
  for (const p of probabilities) {
    if (p > boundary) {
      kept += 1;
      mass += p;
    }
  }
  // A token of probability 0 at the boundary may count as kept: it stays 0 and adds no mass.
  const out = probabilities.map((p) => {
    if (p > boundary) return p;
    if (p < boundary || !wanted(kept, mass)) return 0;
    kept += 1;
    mass += p;
    return p;
  });
  return out.map((p) => p / mass);
}

function applyTopK(probabilities: Float64Array, k: number) {
  if (k === 0 || k >= probabilities.length) return probabilities;
  // Every token tied with the k-th most likely is kept, as in Hugging Face.
  const boundary = boundaryValue(probabilities, (count) => count >= k);
  return keepDownTo(probabilities, boundary, () => true);
}

function applyTopP(probabilities: Float64Array, p: number) {
  if (p >= 1) return probabilities;
  // The smallest most-likely set whose mass reaches p; the most likely token always survives.
  const reached = (count: number, mass: number) => count >= 1 && mass >= p - MASS_EPSILON;
  const boundary = boundaryValue(probabilities, reached);
  return keepDownTo(probabilities, boundary, (kept, mass) => !reached(kept, mass));
}

/**
 * The distribution a model samples from after temperature, then top-k, then top-p (Hugging Face's order),
 * renormalised, in input order. Filtered tokens get 0; at least one token always survives.
 * Throws a SamplingError naming the bad input.
 */
export function adjust(probabilities: ArrayLike<number>, options: SamplingOptions = {}): Float64Array {
  checkInputs(probabilities, options);
  const { temperature = 1, topK = 0, topP = 1 } = options;
  const base = normalise(probabilities);
  if (temperature === 0) {
    const best = base.reduce((top, p, index) => (p > (base[top] as number) ? index : top), 0);
    return base.map((_, index) => (index === best ? 1 : 0));
  }
  return applyTopP(applyTopK(applyTemperature(base, temperature), topK), topP);
}

/** One draw by inverse CDF: the first token whose cumulative probability exceeds a uniform number; -1 if none can. */
export function sampleIndex(probabilities: ArrayLike<number>, random: () => number) {
  const u = random();
  let cumulative = 0;
  let lastPossible = -1;
  for (let index = 0; index < probabilities.length; index++) {
    const p = probabilities[index] as number;
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
export function createAliasSampler(probabilities: ArrayLike<number>) {
  const n = probabilities.length;
  const scaled = Array.from(normalise(probabilities), (p) => p * n);
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
    ((scaled[more] as number) < 1 ? small : large).push(more);
  }
  // What is left is 1 up to rounding, so always drawn. A token of probability 0 is never left: its weight 0 is
  // paired off while larger ones remain, as the weights left always add up to how many are left.
  for (const index of [...large, ...small]) chance[index] = 1;
  return (random: () => number) => {
    const column = Math.floor(random() * n);
    return random() < (chance[column] as number) ? column : (alias[column] as number);
  };
}

/** Shannon entropy in bits: 0 when one token is certain, log2(n) when n tokens are equally likely. */
export function entropyBits(probabilities: ArrayLike<number>) {
  let bits = 0;
  for (const p of Array.from(probabilities)) if (p > 0) bits -= p * Math.log2(p);
  return bits;
}

/** How many equally likely tokens would be as uncertain as this distribution: 2^entropy. */
export function effectiveChoices(probabilities: ArrayLike<number>) {
  return 2 ** entropyBits(probabilities);
}
