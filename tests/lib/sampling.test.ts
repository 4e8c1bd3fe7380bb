import { describe, expect, it } from 'vitest';
import {
  adjust,
  createAliasSampler,
  effectiveChoices,
  entropyBits,
  rankByProbability,
  sampleIndex,
  SamplingError,
  type SamplingOptions,
} from '../../src/lib/sampling';
import { createRandom } from '../../src/lib/seed';

/** The course's example: "After the rain, the streets were…" (wet, flooded, slippery, empty, muddy, clean, blocked). */
const STREETS = [0.4, 0.25, 0.15, 0.05, 0.05, 0.04, 0.03];

/** Reference values (renormalised over the seven words), from the course's math notes, section 2.3. */
const REFERENCE: [SamplingOptions, number[]][] = [
  [{}, [0.4124, 0.2577, 0.1546, 0.0515, 0.0515, 0.0412, 0.0309]],
  [{ temperature: 0.2 }, [0.9067, 0.0865, 0.0067, 0, 0, 0, 0]],
  [{ temperature: 0.5 }, [0.6337, 0.2475, 0.0891, 0.0099, 0.0099, 0.0063, 0.0036]],
  [{ temperature: 1.5 }, [0.318, 0.2325, 0.1654, 0.0795, 0.0795, 0.0685, 0.0566]],
  [{ temperature: 2 }, [0.2703, 0.2137, 0.1655, 0.0956, 0.0956, 0.0855, 0.074]],
  [{ topK: 3 }, [0.5, 0.3125, 0.1875, 0, 0, 0, 0]],
  [{ topK: 4 }, [0.4444, 0.2778, 0.1667, 0.0556, 0.0556, 0, 0]],
  [{ topP: 0.9 }, [0.4444, 0.2778, 0.1667, 0.0556, 0.0556, 0, 0]],
  [{ topP: 0.8 }, [0.5, 0.3125, 0.1875, 0, 0, 0, 0]],
  [{ topP: 0.5 }, [0.6154, 0.3846, 0, 0, 0, 0, 0]],
  [{ temperature: 0.5, topP: 0.9 }, [0.6531, 0.2551, 0.0918, 0, 0, 0, 0]],
  // The tie case: empty and muddy tie after top-k; the token listed first (empty) is kept.
  [{ topK: 5, topP: 0.9 }, [0.4706, 0.2941, 0.1765, 0.0588, 0, 0, 0]],
];

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((total, value) => total + value, 0);

describe('adjust', () => {
  it.each(REFERENCE)('matches the reference values for %o', (options, expected) => {
    const adjusted = adjust(STREETS, options);
    adjusted.forEach((value, index) => expect(value).toBeCloseTo(expected[index] ?? NaN, 4));
  });

  it('treats temperature 0 as greedy: all mass on the most likely token, the first one on a tie', () => {
    expect(Array.from(adjust(STREETS, { temperature: 0 }))).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(adjust([0.2, 0.4, 0.4], { temperature: 0, topP: 0.1 }))).toEqual([0, 1, 0]);
  });

  it('stays exact at low temperatures where p^(1/T) itself would underflow', () => {
    // (1e-200)^20 is far below the smallest double; relative to the top token the terms are fine.
    const adjusted = adjust([1e-200, 2e-200, 0], { temperature: 0.05 });
    expect(adjusted[0]).toBeCloseTo(0.5 ** 20 / (1 + 0.5 ** 20), 12);
    expect(adjusted[1]).toBeCloseTo(1 / (1 + 0.5 ** 20), 12);
    expect(adjusted[2]).toBe(0);
    const cold = adjust([0.5, 0.3, 0.2], { temperature: 0.001 });
    expect(cold[0]).toBe(1);
    expect((cold[1] as number) / 0.6 ** 1000).toBeCloseTo(1, 9);
  });

  it('keeps a 0.8 top-p boundary exact when the probabilities sum to 1', () => {
    const withOthers = [...STREETS, 0.03];
    expect(Array.from(adjust(withOthers, { topP: 0.8 }), (p) => p > 0)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('leaves the distribution alone when every option is off', () => {
    expect(Array.from(adjust([0.5, 0.5], { temperature: 1, topK: 0, topP: 1 }))).toEqual([0.5, 0.5]);
    expect(Array.from(adjust([2, 6]))).toEqual([0.25, 0.75]);
    // Only divided by their total, 10: no rounding from a pass that changes nothing.
    expect(Array.from(adjust([1, 2, 3, 4]))).toEqual([0.1, 0.2, 0.3, 0.4]);
  });

  it('treats a top-k of the whole vocabulary or more as off, leaving the values exactly as they were', () => {
    expect(Array.from(adjust([1, 2, 3], { topK: 3 }))).toEqual([1 / 6, 2 / 6, 3 / 6]);
    expect(Array.from(adjust([1, 2, 3], { topK: 9 }))).toEqual([1 / 6, 2 / 6, 3 / 6]);
  });

  it('keeps the most likely token even at top-p 0 or top-k 1', () => {
    expect(Array.from(adjust(STREETS, { topP: 0 }))).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(adjust(STREETS, { topK: 1 }))).toEqual([1, 0, 0, 0, 0, 0, 0]);
  });

  it('rejects bad input with a message naming it', () => {
    const cases: [number[], SamplingOptions, RegExp][] = [
      [STREETS, { temperature: -0.1 }, /temperature/],
      [STREETS, { temperature: Number.NaN }, /temperature/],
      [STREETS, { topP: 1.2 }, /topP/],
      [STREETS, { topP: -0.5 }, /topP/],
      [STREETS, { topK: -1 }, /topK/],
      [STREETS, { topK: 2.5 }, /topK/],
      [[0.5, -0.1], {}, /item 1/],
      [[0, 0], {}, /sum to 0/],
      [[], {}, /empty/],
    ];
    for (const [probabilities, options, message] of cases) {
      expect(() => adjust(probabilities, options)).toThrow(SamplingError);
      expect(() => adjust(probabilities, options)).toThrow(message);
    }
    // Its name says where it came from in a server log.
    expect(() => adjust([])).toThrow(expect.objectContaining({ name: 'SamplingError' }));
  });

  describe('properties over random distributions', () => {
    const random = createRandom(20261122);
    const distributions = Array.from({ length: 300 }, () => {
      const size = 1 + Math.floor(random() * 40);
      // Some zeros and some ties, as real vocabularies have.
      const weights = Array.from({ length: size }, () =>
        random() < 0.15 ? 0 : Math.round(random() * 20) / 20 + 0.001,
      );
      return weights.some((w) => w > 0) ? weights : [...weights, 0.5];
    });
    const optionsFor = (n: number): SamplingOptions => ({
      temperature: Math.round(random() * 30) / 10,
      topK: Math.floor(random() * (n + 2)),
      topP: Math.round(random() * 100) / 100,
    });

    it('always sums to 1 with at least one survivor, and filtered tokens are 0', () => {
      for (const probabilities of distributions) {
        const options = optionsFor(probabilities.length);
        const adjusted = adjust(probabilities, options);
        expect(sum(adjusted)).toBeCloseTo(1, 9);
        expect(adjusted.some((p) => p > 0)).toBe(true);
        probabilities.forEach((p, index) => {
          if (p === 0) expect(adjusted[index]).toBe(0);
        });
      }
    });

    it('top-k keeps exactly the tokens at least as likely as the k-th', () => {
      for (const probabilities of distributions) {
        const k = 1 + Math.floor(random() * probabilities.length);
        const threshold = [...probabilities].sort((a, b) => b - a)[k - 1] ?? 0;
        const kept = Array.from(adjust(probabilities, { topK: k }), (p) => p > 0);
        expect(kept).toEqual(probabilities.map((p) => p > 0 && p >= threshold));
      }
    });

    it('top-p keeps the smallest most-likely set reaching p', () => {
      for (const probabilities of distributions) {
        const p = Math.round(random() * 100) / 100;
        const adjusted = adjust(probabilities, { topP: p });
        const base = adjust(probabilities);
        const keptMass = sum(base.filter((_, index) => (adjusted[index] ?? 0) > 0));
        const smallestKept = Math.min(...Array.from(base).filter((_, index) => (adjusted[index] ?? 0) > 0));
        expect(keptMass).toBeGreaterThanOrEqual(Math.min(p, 1) - 1e-9);
        // Dropping the least likely survivor would fall short of p (the set is minimal).
        if (adjusted.filter((q) => q > 0).length > 1) expect(keptMass - smallestKept).toBeLessThan(p + 1e-9);
        // No dropped token is more likely than a kept one.
        base.forEach((q, index) => {
          if ((adjusted[index] ?? 0) === 0) expect(q).toBeLessThanOrEqual(smallestKept + 1e-12);
        });
      }
    });

    it('temperature towards 0 approaches the argmax, and a large temperature approaches uniform over survivors', () => {
      for (const probabilities of distributions) {
        const best = Math.max(...probabilities);
        if (probabilities.filter((p) => p === best).length > 1) continue;
        const cold = adjust(probabilities, { temperature: 0.005 });
        expect(cold[probabilities.indexOf(best)]).toBeGreaterThan(0.99);
        const hot = adjust(probabilities, { temperature: 1000 }).filter((p) => p > 0);
        for (const q of hot) expect(q).toBeCloseTo(1 / hot.length, 2);
      }
    });
  });
});

describe('drawing samples', () => {
  const draws = 200_000;
  const adjusted = adjust(STREETS);

  function count(draw: () => number) {
    const counts = adjusted.map(() => 0);
    for (let i = 0; i < draws; i++) {
      const index = draw();
      counts[index] = (counts[index] ?? 0) + 1;
    }
    return counts.map((c) => c / draws);
  }

  it('inverse CDF draws each token about as often as its probability', () => {
    const random = createRandom(7);
    count(() => sampleIndex(adjusted, random)).forEach((share, index) =>
      expect(share).toBeCloseTo(adjusted[index] ?? NaN, 2),
    );
  });

  it('the alias method draws each token about as often as its probability and never a filtered one', () => {
    const random = createRandom(8);
    count(createAliasSampler(adjusted).bind(null, random)).forEach((share, index) =>
      expect(share).toBeCloseTo(adjusted[index] ?? NaN, 2),
    );
    const filtered = adjust(STREETS, { topK: 2 });
    const sampler = createAliasSampler(filtered);
    for (let i = 0; i < 10_000; i++) expect(sampler(random)).toBeLessThan(2);
  });

  it('the alias method never draws a token of probability 0, wherever it sits, and always the only possible one', () => {
    const random = createRandom(12);
    const gaps = createAliasSampler([0, 0.5, 0, 0.5, 0]);
    const seen = new Set(Array.from({ length: 5_000 }, () => gaps(random)));
    expect([...seen].sort()).toEqual([1, 3]);
    const only = createAliasSampler([0, 0, 1]);
    for (let i = 0; i < 1_000; i++) expect(only(random)).toBe(2);
  });

  it('inverse CDF never returns a token of probability 0, even when rounding leaves the total under 1', () => {
    expect(sampleIndex([0.5, 0.4999999, 0], () => 0.99999999)).toBe(1);
    // And -1 when no token is possible at all.
    expect(sampleIndex([0, 0], () => 0.5)).toBe(-1);
  });

  it('inverse CDF gives each token the numbers from its cumulative start up to, not including, its end', () => {
    // Cumulative 0.25, 0.5, 1: [0, 0.25) draws the first token, [0.25, 0.5) the second, [0.5, 1) the third.
    const draw = (u: number) => sampleIndex([0.25, 0.25, 0.5], () => u);
    expect([0, 0.2499, 0.25, 0.4999, 0.5, 0.9999].map(draw)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('the alias method never draws a token of probability 0, even when the generator returns exactly 0', () => {
    const sampler = createAliasSampler([0, 1]);
    expect(sampler(() => 0)).toBe(1);
  });
});

describe('rankByProbability', () => {
  it('orders tokens from most to least likely, the one listed first first among equals', () => {
    expect(rankByProbability([0.2, 0.5, 0.2, 0.1])).toEqual([1, 0, 2, 3]);
    expect(rankByProbability([0.1, 0.3, 0.3, 0.3])).toEqual([1, 2, 3, 0]);
    expect(rankByProbability([1])).toEqual([0]);
  });
});

describe('entropy', () => {
  it('is 0 bits for a certain token and log2(n) for n equal ones', () => {
    expect(entropyBits([1, 0, 0])).toBe(0);
    expect(entropyBits([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(2, 12);
    expect(effectiveChoices([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(4, 12);
    expect(effectiveChoices([1, 0])).toBe(1);
  });

  it('rises with temperature for the course example', () => {
    const cold = entropyBits(adjust(STREETS, { temperature: 0.5 }));
    const warm = entropyBits(adjust(STREETS));
    const hot = entropyBits(adjust(STREETS, { temperature: 1.5 }));
    expect(cold).toBeLessThan(warm);
    expect(warm).toBeLessThan(hot);
    expect(warm).toBeCloseTo(2.2334, 4);
  });
});
