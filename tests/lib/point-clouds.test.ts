import { describe, expect, it } from 'vitest';
import { chamferDistance, nearestCloud } from '../../src/lib/point-clouds';

describe('chamferDistance', () => {
  it('is zero for clouds that coincide, in any order', () => {
    expect(chamferDistance([0.5, -1, 2, 3], [2, 3, 0.5, -1])).toBe(0);
  });

  it('averages the mean nearest distance each way, so a stray point counts however the clouds are passed', () => {
    // From (1, 1) the nearest of b is itself: 0. From b, (1, 1) is 0 away and (4, 5) is 5 away: mean 2.5.
    const a = [1, 1];
    const b = [1, 1, 4, 5];
    expect(chamferDistance(a, b)).toBeCloseTo(1.25, 12);
    expect(chamferDistance(b, a)).toBeCloseTo(1.25, 12);
    // Two points 3 apart across x, then 4 apart across y.
    expect(chamferDistance([2, 0], [-1, 0])).toBeCloseTo(3, 12);
    expect(chamferDistance([0, -2], [0, 2])).toBeCloseTo(4, 12);
  });
});

describe('nearestCloud', () => {
  it('labels each point with the cloud holding its nearest neighbour, the first cloud on a tie', () => {
    const left = [-4, 0, -9, 0];
    const right = [4, 0];
    const above = [0, 6, 1, 5];
    const points = [0, 0, -5, 1, 3.5, 0, 1, 4.5, 0, 3];
    // (0, 0) is 4 from both left and right and √26 from above; (0, 3) is 5 from left and right and √5 from above.
    expect([...nearestCloud(points, [left, right, above])]).toEqual([0, 0, 1, 2, 2]);
    expect([...nearestCloud(points.slice(0, 2), [right, left])]).toEqual([0]);
  });
});
