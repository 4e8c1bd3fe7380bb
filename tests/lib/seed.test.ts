import { describe, expect, it } from 'vitest';
import { seedFrom } from '../../src/lib/seed';

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
