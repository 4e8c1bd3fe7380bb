import { describe, expect, it } from 'vitest';
import { cautiousShare, estimate } from '../../../src/lib/dashboard/estimate';

describe('estimate', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in Medicine 17,
  // Table I, method 3 (Wilson score interval without continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('gives the published 95%% Wilson interval for %i of %i', (correct, total, low, high) => {
    const result = estimate(correct, total);
    expect(result.share).toBeCloseTo(correct / total, 10);
    expect(result.low).toBeCloseTo(low, 4);
    expect(result.high).toBeCloseTo(high, 4);
  });

  it('keeps an all-right record below certainty and widens with fewer answers', () => {
    const two = estimate(2, 2);
    const twenty = estimate(20, 20);
    expect(two.high).toBe(1);
    expect(two.low).toBeLessThan(twenty.low);
    expect(twenty.low).toBeLessThan(1);
  });

  it('says nothing is known when nothing was answered', () => {
    expect(estimate(0, 0)).toEqual({ correct: 0, total: 0, share: 0, low: 0, high: 1 });
  });

  it('ranks one lucky answer below a long record', () => {
    expect(cautiousShare({ correct: 2, total: 2 })).toBeLessThan(cautiousShare({ correct: 19, total: 20 }));
    expect(cautiousShare({ correct: 0, total: 1 })).toBeGreaterThan(cautiousShare({ correct: 0, total: 10 }));
  });
});
