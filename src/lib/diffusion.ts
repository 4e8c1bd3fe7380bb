/**
 * Diffusion maths (Ho et al. 2020; Nichol and Dhariwal 2021; Song et al. 2020): noise schedules, the forward
 * process that jumps to any step at once, and the DDPM and DDIM reverse steps. Pure, seeded and checked against
 * published reference values, so the visualizer and the trained toy model share one implementation.
 * Timesteps run from 1 (almost clean) to T (pure noise); arrays are indexed by t − 1.
 */
import { createRandom } from './seed.ts';

export type ScheduleKind = 'linear' | 'cosine';

export interface NoiseSchedule {
  kind: ScheduleKind;
  steps: number;
  betas: Float64Array;
  alphas: Float64Array;
  /** ᾱ_t: the share of the original signal's variance left at step t. */
  alphaBars: Float64Array;
}

const COSINE_OFFSET = 0.008;
const MAX_BETA = 0.999;

function cosineF(fraction: number) {
  return Math.cos(((fraction + COSINE_OFFSET) / (1 + COSINE_OFFSET)) * (Math.PI / 2)) ** 2;
}

/** β from 1e-4 to 0.02 over 1,000 steps (DDPM), scaled for other lengths as improved-diffusion does; or cosine. */
export function noiseSchedule(kind: ScheduleKind, steps = 1000): NoiseSchedule {
  if (!Number.isInteger(steps) || steps < 1) throw new Error(`steps: ${steps} is not a whole number of steps`);
  const betas = new Float64Array(steps);
  if (kind === 'linear') {
    const scale = 1000 / steps;
    const start = scale * 1e-4;
    const end = scale * 0.02;
    // Stryker disable next-line EqualityOperator: a typed array ignores a write past its end, so "<=" is the same.
    for (let i = 0; i < steps; i++) betas[i] = steps === 1 ? start : start + ((end - start) * i) / (steps - 1);
  } else {
    // Stryker disable next-line EqualityOperator: a typed array ignores a write past its end, so "<=" is the same.
    for (let i = 0; i < steps; i++) betas[i] = Math.min(1 - cosineF((i + 1) / steps) / cosineF(i / steps), MAX_BETA);
  }
  const alphas = betas.map((beta) => 1 - beta);
  const alphaBars = new Float64Array(steps);
  let product = 1;
  // Stryker disable next-line EqualityOperator: a typed array ignores a write past its end, so "<=" is the same.
  for (let i = 0; i < steps; i++) {
    product *= alphas[i] as number;
    alphaBars[i] = product;
  }
  return { kind, steps, betas, alphas, alphaBars };
}

/** ᾱ_t, with ᾱ_0 = 1 (the clean image). */
export function alphaBar(schedule: NoiseSchedule, t: number) {
  return t <= 0 ? 1 : (schedule.alphaBars[Math.min(t, schedule.steps) - 1] as number);
}

/**
 * A new array with `value(i)` at each index, filled by a plain loop: these run for every frame of the visualizer,
 * on up to 256 × 256 × 3 values, where Float64Array.from with a mapping function is several times slower.
 */
function elementwise(length: number, value: (index: number) => number) {
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = value(i);
  return out;
}

/** A seeded standard normal generator (Box–Muller over the seeded uniform generator). */
export function createGaussian(seed: number) {
  const uniform = createRandom(seed);
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    const u = 1 - uniform();
    const v = uniform();
    const radius = Math.sqrt(-2 * Math.log(u));
    spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  };
}

export function gaussianNoise(length: number, normal: () => number) {
  return elementwise(length, normal);
}

/** x_t = √ᾱ_t · x_0 + √(1 − ᾱ_t) · ε: any step in one go. */
export function forward(x0: ArrayLike<number>, noise: ArrayLike<number>, t: number, schedule: NoiseSchedule) {
  const signal = Math.sqrt(alphaBar(schedule, t));
  const noiseLevel = Math.sqrt(1 - alphaBar(schedule, t));
  const xt = elementwise(x0.length, (i) => signal * (x0[i] as number) + noiseLevel * (noise[i] as number));
  return { xt, signal, noiseLevel };
}

/** The clean image implied by x_t and a noise estimate: x̂_0 = (x_t − √(1 − ᾱ_t) · ε) / √ᾱ_t. */
export function predictX0(xt: ArrayLike<number>, epsilon: ArrayLike<number>, t: number, schedule: NoiseSchedule) {
  const a = alphaBar(schedule, t);
  return elementwise(xt.length, (i) => ((xt[i] as number) - Math.sqrt(1 - a) * (epsilon[i] as number)) / Math.sqrt(a));
}

/** The noise that takes x_0 to x_t; what an "oracle" denoiser that knows the answer would predict. */
export function oracleNoise(xt: ArrayLike<number>, x0: ArrayLike<number>, t: number, schedule: NoiseSchedule) {
  const a = alphaBar(schedule, t);
  return elementwise(xt.length, (i) => ((xt[i] as number) - Math.sqrt(a) * (x0[i] as number)) / Math.sqrt(1 - a));
}

/**
 * One DDPM ancestral step, t → t − 1, through the posterior mean (DDPM eq. 7). Variance "small" is β̃_t
 * (diffusers' default), "large" is β_t. No noise is added on the last step.
 */
export function ddpmStep(
  xt: ArrayLike<number>,
  epsilon: ArrayLike<number>,
  t: number,
  schedule: NoiseSchedule,
  normal: () => number,
  variance: 'small' | 'large' = 'small',
) {
  const beta = schedule.betas[t - 1] as number;
  const alpha = schedule.alphas[t - 1] as number;
  const a = alphaBar(schedule, t);
  const aPrev = alphaBar(schedule, t - 1);
  const x0 = predictX0(xt, epsilon, t, schedule);
  const c0 = (Math.sqrt(aPrev) * beta) / (1 - a);
  const ct = (Math.sqrt(alpha) * (1 - aPrev)) / (1 - a);
  const sigma = t > 1 ? Math.sqrt(variance === 'small' ? ((1 - aPrev) / (1 - a)) * beta : beta) : 0;
  return elementwise(
    xt.length,
    (i) => c0 * (x0[i] as number) + ct * (xt[i] as number) + (sigma > 0 ? sigma * normal() : 0),
  );
}

/** One DDIM step from t to an earlier step tPrev (which may skip steps); η = 0 is deterministic, η = 1 DDPM-like. */
export function ddimStep(
  xt: ArrayLike<number>,
  epsilon: ArrayLike<number>,
  t: number,
  tPrev: number,
  schedule: NoiseSchedule,
  eta: number,
  normal: () => number,
) {
  const a = alphaBar(schedule, t);
  const aPrev = alphaBar(schedule, tPrev);
  const x0 = predictX0(xt, epsilon, t, schedule);
  const sigma = eta * Math.sqrt((1 - aPrev) / (1 - a)) * Math.sqrt(1 - a / aPrev);
  const direction = Math.sqrt(Math.max(1 - aPrev - sigma * sigma, 0));
  return elementwise(
    xt.length,
    (i) =>
      Math.sqrt(aPrev) * (x0[i] as number) + direction * (epsilon[i] as number) + (sigma > 0 ? sigma * normal() : 0),
  );
}

/** Evenly spaced timesteps from T down to 1 for a sampler that takes `count` steps. */
export function samplingTimesteps(schedule: NoiseSchedule, count: number) {
  const n = Math.max(1, Math.min(count, schedule.steps));
  return Array.from({ length: n }, (_, i) =>
    Math.round(schedule.steps - (i * (schedule.steps - 1)) / Math.max(n - 1, 1)),
  );
}
