import { describe, expect, it } from 'vitest';
import {
  alphaBar,
  createGaussian,
  ddimStep,
  ddpmStep,
  forward,
  gaussianNoise,
  noiseSchedule,
  oracleNoise,
  predictX0,
  samplingTimesteps,
} from '../../src/lib/diffusion';
import { createRandom } from '../../src/lib/seed';

/** Reference values for T = 1000 from the course's math notes (section 2.4): t, linear ᾱ, √ᾱ, √(1−ᾱ), cosine ᾱ. */
const REFERENCE: [number, number, number, number, number][] = [
  [1, 0.9999, 0.9999, 0.01, 0.99996],
  [10, 0.99811, 0.9991, 0.0435, 0.99937],
  [50, 0.97102, 0.9854, 0.1702, 0.99201],
  [100, 0.89702, 0.9471, 0.3209, 0.97209],
  [250, 0.52409, 0.7239, 0.6899, 0.84701],
  [500, 0.078587, 0.2803, 0.9599, 0.49384],
  [750, 0.0033506, 0.0579, 0.9983, 0.14427],
  [900, 0.00027521, 0.0166, 0.9999, 0.024092],
  [1000, 4.0358e-5, 0.0064, 1, 2.4e-9],
];

const linear = noiseSchedule('linear');
const cosine = noiseSchedule('cosine');
const relative = (actual: number, expected: number) =>
  Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-12);

describe('noise schedules', () => {
  it.each(REFERENCE)('match the reference values at t = %i', (t, linearBar, signal, noise, cosineBar) => {
    expect(relative(alphaBar(linear, t), linearBar)).toBeLessThan(2e-3);
    expect(Math.sqrt(alphaBar(linear, t))).toBeCloseTo(signal, 3);
    expect(Math.sqrt(1 - alphaBar(linear, t))).toBeCloseTo(noise, 3);
    expect(relative(alphaBar(cosine, t), cosineBar)).toBeLessThan(t === 1000 ? 0.1 : 2e-3);
  });

  it('runs the linear betas from 1e-4 to 0.02 and caps cosine betas at 0.999', () => {
    expect(linear.betas[0]).toBeCloseTo(1e-4, 12);
    expect(linear.betas[999]).toBeCloseTo(0.02, 12);
    expect(Math.max(...cosine.betas)).toBeLessThanOrEqual(0.999);
    expect(noiseSchedule('linear', 100).betas[99]).toBeCloseTo(0.2, 12);
  });

  it('build the cosine schedule from f(t) = cos²((t / T + 0.008) / 1.008 · π/2): ᾱ_t = f(t) / f(0), β capped at 0.999', () => {
    const f = (fraction: number) => Math.cos(((fraction + 0.008) / 1.008) * (Math.PI / 2)) ** 2;
    const short = noiseSchedule('cosine', 10);
    for (let t = 1; t < 10; t++) expect(alphaBar(short, t)).toBeCloseTo(f(t / 10) / f(0), 12);
    // f(1) is all but 0, so the last β would be all but 1.
    expect(short.betas[9]).toBe(0.999);
    // Only t / T matters: step 500 of 1,000 keeps what step 5 of 10 does, the reference value 0.49384.
    expect(relative(alphaBar(noiseSchedule('cosine', 1000), 500), 0.49384)).toBeLessThan(2e-3);
    expect(alphaBar(short, 5)).toBeCloseTo(alphaBar(noiseSchedule('cosine', 1000), 500), 12);
  });

  it('keeps about half the signal at t = 500 with cosine and almost none with linear', () => {
    expect(alphaBar(cosine, 500)).toBeGreaterThan(0.45);
    expect(alphaBar(linear, 500)).toBeLessThan(0.1);
  });
});

describe('forward process', () => {
  it('has the mean √ᾱ·x0 and variance 1 − ᾱ over many draws', () => {
    const normal = createGaussian(11);
    const draws = 20_000;
    for (const t of [50, 250, 500]) {
      const values = Array.from({ length: draws }, () => forward([0.5], [normal()], t, linear).xt[0] as number);
      const mean = values.reduce((a, b) => a + b, 0) / draws;
      const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / draws;
      expect(mean).toBeCloseTo(0.5 * Math.sqrt(alphaBar(linear, t)), 1);
      expect(Math.abs(variance - (1 - alphaBar(linear, t)))).toBeLessThan(0.03);
    }
  });

  it('draws reproducible standard normal noise from a seed', () => {
    const a = gaussianNoise(50_000, createGaussian(5));
    expect(Array.from(gaussianNoise(5, createGaussian(5)))).toEqual(Array.from(a.slice(0, 5)));
    const mean = a.reduce((s, v) => s + v, 0) / a.length;
    const variance = a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.03);
  });
});

describe('reverse steps with the oracle noise', () => {
  const x0 = Float64Array.from([0.9, -0.4, 0.1, -1, 0.5]);

  it('recover x0 from the noise they were given', () => {
    const noise = gaussianNoise(x0.length, createGaussian(3));
    const { xt } = forward(x0, noise, 600, cosine);
    predictX0(xt, noise, 600, cosine).forEach((value, i) => expect(value).toBeCloseTo(x0[i] as number, 10));
  });

  it('walk a DDPM chain from pure noise back to the image', () => {
    const normal = createGaussian(9);
    let x = gaussianNoise(x0.length, normal);
    for (let t = linear.steps; t >= 1; t--) x = ddpmStep(x, oracleNoise(x, x0, t, linear), t, linear, normal);
    x.forEach((value, i) => expect(value).toBeCloseTo(x0[i] as number, 6));
  });

  it('add noise of the DDPM posterior variance: β̃_t = (1 − ᾱ_{t−1}) / (1 − ᾱ_t) · β_t, or β_t when asked', () => {
    // The noise a step adds is what a draw of 1 adds over a draw of 0, for any x_t and ε.
    const xt = Float64Array.from([0.3]);
    const epsilon = Float64Array.from([-0.2]);
    const noiseAdded = (t: number, variance: 'small' | 'large') =>
      (ddpmStep(xt, epsilon, t, linear, () => 1, variance)[0] ?? 0) -
      (ddpmStep(xt, epsilon, t, linear, () => 0, variance)[0] ?? 0);
    for (const [t, referenceAlphaBar] of REFERENCE.filter(([t]) => t > 1)) {
      // DDPM's linear schedule: β from 10⁻⁴ to 0.02 over 1,000 steps; ᾱ_{t−1} = ᾱ_t / (1 − β_t).
      const beta = 1e-4 + ((t - 1) * (0.02 - 1e-4)) / 999;
      const previous = referenceAlphaBar / (1 - beta);
      const small = Math.sqrt(((1 - previous) / (1 - referenceAlphaBar)) * beta);
      expect(relative(noiseAdded(t, 'small'), small)).toBeLessThan(1e-3);
      expect(relative(noiseAdded(t, 'large'), Math.sqrt(beta))).toBeLessThan(1e-9);
    }
    // The last step, to t = 0, adds none.
    expect(noiseAdded(1, 'small')).toBe(0);
    expect(noiseAdded(1, 'large')).toBe(0);
  });

  it('walk a deterministic DDIM chain in 50 steps, giving the same result for the same start', () => {
    const run = () => {
      const normal = createGaussian(21);
      let x = gaussianNoise(x0.length, normal);
      const steps = samplingTimesteps(cosine, 50);
      steps.forEach((t, i) => {
        x = ddimStep(x, oracleNoise(x, x0, t, cosine), t, steps[i + 1] ?? 0, cosine, 0, normal);
      });
      return Array.from(x);
    };
    run().forEach((value, i) => expect(value).toBeCloseTo(x0[i] as number, 6));
    expect(run()).toEqual(run());
  });

  it('draw one random number per value when they add noise, and none when they add none', () => {
    let draws = 0;
    const counted = () => {
      draws++;
      return 0.5;
    };
    const noisy = Float64Array.from([0.2, -0.3, 0.8]);
    const drawsFor = (step: () => unknown) => {
      draws = 0;
      step();
      return draws;
    };
    expect(drawsFor(() => ddpmStep(noisy, x0.slice(0, 3), 500, linear, counted))).toBe(3);
    expect(drawsFor(() => ddpmStep(noisy, x0.slice(0, 3), 1, linear, counted))).toBe(0);
    expect(drawsFor(() => ddimStep(noisy, x0.slice(0, 3), 500, 480, cosine, 1, counted))).toBe(3);
    // Deterministic DDIM (η = 0) leaves the generator where it was, so a seed gives the same run.
    expect(drawsFor(() => ddimStep(noisy, x0.slice(0, 3), 500, 480, cosine, 0, counted))).toBe(0);
  });

  it('spaces sampler timesteps from T down to 1', () => {
    expect(samplingTimesteps(linear, 5)).toEqual([1000, 750, 501, 251, 1]);
  });
});

describe('one reverse step against the published formulas', () => {
  const xt = Float64Array.from([0.3, -1.2]);
  const epsilon = Float64Array.from([-0.2, 0.7]);
  const none = () => 0;
  const one = () => 1;

  it('DDPM: the mean is (x_t − β_t / √(1 − ᾱ_t) · ε) / √α_t (DDPM eq. 11), whichever variance', () => {
    for (const t of [2, 10, 500, 1000]) {
      const beta = linear.betas[t - 1] as number;
      const a = alphaBar(linear, t);
      for (const variance of ['small', 'large'] as const) {
        const step = ddpmStep(xt, epsilon, t, linear, none, variance);
        xt.forEach((x, i) => {
          const mean = (x - (beta / Math.sqrt(1 - a)) * (epsilon[i] as number)) / Math.sqrt(1 - beta);
          expect(relative(step[i] as number, mean)).toBeLessThan(1e-9);
        });
      }
    }
    // Small is the default variance.
    expect(ddpmStep(xt, epsilon, 500, linear, one)).toEqual(ddpmStep(xt, epsilon, 500, linear, one, 'small'));
  });

  it('DDIM: σ = η · √((1 − ᾱ_prev) / (1 − ᾱ_t)) · √(1 − ᾱ_t / ᾱ_prev), and the mean √ᾱ_prev · x̂_0 + √(1 − ᾱ_prev − σ²) · ε', () => {
    for (const [t, tPrev] of [
      [1000, 980],
      [500, 480],
      [20, 1],
    ] as const) {
      const a = alphaBar(cosine, t);
      const aPrev = alphaBar(cosine, tPrev);
      const x0 = predictX0(xt, epsilon, t, cosine);
      for (const eta of [0, 0.5, 1]) {
        const sigma = eta * Math.sqrt((1 - aPrev) / (1 - a)) * Math.sqrt(1 - a / aPrev);
        const quiet = ddimStep(xt, epsilon, t, tPrev, cosine, eta, none);
        const noisy = ddimStep(xt, epsilon, t, tPrev, cosine, eta, one);
        xt.forEach((_, i) => {
          const mean =
            Math.sqrt(aPrev) * (x0[i] as number) + Math.sqrt(1 - aPrev - sigma ** 2) * (epsilon[i] as number);
          expect(relative(quiet[i] as number, mean)).toBeLessThan(1e-9);
          expect((noisy[i] as number) - (quiet[i] as number)).toBeCloseTo(sigma, 12);
        });
      }
    }
  });
});

describe('schedules and noise, exactly', () => {
  it('refuse a number of steps that is not a whole number from 1', () => {
    for (const steps of [0, -5, 2.5])
      expect(() => noiseSchedule('linear', steps)).toThrow(`steps: ${steps} is not a whole number of steps`);
    expect(noiseSchedule('cosine', 1).steps).toBe(1);
  });

  it('scale the linear schedule for other lengths: β from 10⁻⁴ · 1000/T to 0.02 · 1000/T', () => {
    const short = noiseSchedule('linear', 100);
    expect(short.betas).toHaveLength(100);
    expect(short.betas[0]).toBeCloseTo(1e-3, 12);
    expect(short.betas[99]).toBeCloseTo(0.2, 12);
    expect(short.betas[1]).toBeCloseTo(1e-3 + (0.2 - 1e-3) / 99, 12);
    // One step is all start.
    expect([...noiseSchedule('linear', 1).betas]).toEqual([0.1]);
    // A cosine schedule is not a linear one.
    expect(noiseSchedule('cosine', 100).betas[0]).not.toBeCloseTo(1e-3, 6);
  });

  it('draw normal values by Box–Muller over the seeded uniform generator, using both values of each pair', () => {
    const uniform = createRandom(11);
    const normal = createGaussian(11);
    for (let pair = 0; pair < 3; pair++) {
      const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
      const angle = 2 * Math.PI * uniform();
      expect(normal()).toBeCloseTo(radius * Math.cos(angle), 12);
      expect(normal()).toBeCloseTo(radius * Math.sin(angle), 12);
    }
  });

  it('fill noise from the generator in order, taking one value per element and no more', () => {
    const reference = createGaussian(5);
    const expected = [reference(), reference(), reference(), reference()];
    const normal = createGaussian(5);
    expect([...gaussianNoise(3, normal)]).toEqual(expected.slice(0, 3));
    expect(normal()).toBe(expected[3]);
  });
});
