/**
 * How sure a share of right answers is: the Wilson score interval, which stays inside 0–100% and behaves with few
 * answers or with all right or all wrong, where the textbook "p ± 1.96·√(p(1−p)/n)" collapses to a point.
 */

/** The normal quantile for a two-sided 95% interval. */
const Z_95 = 1.959964;

export interface Estimate {
  correct: number;
  total: number;
  /** correct / total, from 0 to 1. */
  share: number;
  /** The 95% Wilson interval around `share`. */
  low: number;
  high: number;
}

export function estimate(correct: number, total: number, z = Z_95): Estimate {
  if (total <= 0) return { correct: 0, total: 0, share: 0, low: 0, high: 1 };
  const share = correct / total;
  const z2 = z * z;
  const centre = (share + z2 / (2 * total)) / (1 + z2 / total);
  const halfWidth = (z / (1 + z2 / total)) * Math.sqrt((share * (1 - share)) / total + z2 / (4 * total * total));
  return { correct, total, share, low: Math.max(0, centre - halfWidth), high: Math.min(1, centre + halfWidth) };
}

/** The share with one right and one wrong answer added: ranks "2 of 2" below "19 of 20", and untested in between. */
export function cautiousShare({ correct, total }: Pick<Estimate, 'correct' | 'total'>) {
  return (correct + 1) / (total + 2);
}
