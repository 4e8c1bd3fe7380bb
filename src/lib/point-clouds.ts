/**
 * Measures on 2-D point clouds stored as [x0, y0, x1, y1, …]: how far one cloud lies from another, and which of
 * several reference clouds a point is closest to. They check that the diffusion model learned its shapes.
 */

/** Distance from point `i` of `points` to the nearest point of `reference`. */
function nearestDistance(points: ArrayLike<number>, i: number, reference: ArrayLike<number>) {
  const x = points[2 * i] as number;
  const y = points[2 * i + 1] as number;
  let best = Infinity;
  for (let j = 0; j < reference.length; j += 2) {
    const dx = (reference[j] as number) - x;
    const dy = (reference[j + 1] as number) - y;
    best = Math.min(best, dx * dx + dy * dy);
  }
  return Math.sqrt(best);
}

function meanNearestDistance(from: ArrayLike<number>, to: ArrayLike<number>) {
  const count = from.length / 2;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += nearestDistance(from, i, to);
  return sum / count;
}

/**
 * Symmetric Chamfer distance: the mean distance from each point of `a` to its nearest in `b`, averaged with the
 * same from `b` to `a`. Zero when the clouds coincide; large when either misses part of the other.
 */
export function chamferDistance(a: ArrayLike<number>, b: ArrayLike<number>) {
  return (meanNearestDistance(a, b) + meanNearestDistance(b, a)) / 2;
}

/** For each point, the index of the reference cloud holding its nearest neighbour (a 1-nearest-neighbour classifier). */
export function nearestCloud(points: ArrayLike<number>, references: readonly ArrayLike<number>[]) {
  return Uint8Array.from({ length: points.length / 2 }, (_, i) => {
    const distances = references.map((reference) => nearestDistance(points, i, reference));
    // On a tie, the first of the clouds.
    return distances.indexOf(Math.min(...distances));
  });
}
