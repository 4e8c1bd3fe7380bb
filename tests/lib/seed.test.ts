import { describe, expect, it } from 'vitest';
import { createRandom, seedFrom } from '../../src/lib/seed';

describe('seedFrom', () => {
  it('turns whatever a learner types into a whole seed the generator can use', () => {
    expect(seedFrom('7')).toBe(7);
    expect(seedFrom('3.9')).toBe(3);
    expect(seedFrom('-5')).toBe(0);
    expect(seedFrom('1e12')).toBe(2 ** 32 - 1);
    expect(seedFrom('')).toBe(0);
    expect(seedFrom('abc', 42)).toBe(42);
    expect(seedFrom(Number.NaN, 42)).toBe(42);
  });
});

describe('createRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, c)).not.toEqual(first);
    for (const value of first) expect(value >= 0 && value < 1).toBe(true);
  });

  it('is mulberry32: seed 0 starts with the same numbers as the published algorithm', () => {
    // Its first three 32-bit outputs for seed 0, divided by 2^32.
    const random = createRandom(0);
    expect(Array.from({ length: 3 }, random)).toEqual([1144304738, 1416247, 958946056].map((n) => n / 2 ** 32));
  });
});
