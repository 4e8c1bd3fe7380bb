import { describe, expect, it } from 'vitest';
import { createGaussian } from '../../src/lib/diffusion';
import {
  generatedShare,
  POINT_CLASSES,
  referenceClouds,
  samplePoints,
  type PointClass,
} from '../../src/lib/point-shapes';
import { createRandom } from '../../src/lib/seed';

type Point = [number, number];

/** Points of a drawing without the jitter around its outline (every normal draw is 0), as [x, y] pairs. */
function outline(name: PointClass, count: number, seed = 1): Point[] {
  const flat = samplePoints(name, count, createRandom(seed), () => 0);
  return Array.from({ length: count }, (_, i) => [flat[2 * i] as number, flat[2 * i + 1] as number]);
}

const distance = ([x, y]: Point, [cx, cy]: Point) => Math.hypot(x - cx, y - cy);
const onCircle = (point: Point, centre: Point, radius: number) => Math.abs(distance(point, centre) - radius) < 1e-9;
const share = (points: Point[], test: (point: Point) => boolean) => points.filter(test).length / points.length;
/** Shares of thousands of random points match their expected value to within a couple of hundredths. */
const expectShare = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(0.015);

describe('samplePoints', () => {
  it('gives the asked number of points, the same ones for the same seed and others for another seed', () => {
    const draw = (seed: number) => samplePoints('cat', 300, createRandom(seed), createGaussian(seed));
    expect(draw(4)).toHaveLength(600);
    expect(draw(4)).toEqual(draw(4));
    expect(draw(5)).not.toEqual(draw(4));
  });

  it('scatters each point around the outline by 0.015 times a normal draw, two draws a point and no more', () => {
    let draws = 0;
    const one = () => {
      draws++;
      return 1;
    };
    const still = samplePoints('computer', 50, createRandom(8), () => 0);
    const moved = samplePoints('computer', 50, createRandom(8), one);
    moved.forEach((value, i) => expect(value - (still[i] as number)).toBeCloseTo(0.015, 12));
    expect(draws).toBe(100);
  });

  it('draws the computer with horizontal and vertical lines only, spread in proportion to their length', () => {
    // A 1.8 × 1.05 screen from y = −0.2 to 0.85, a stand of two 0.26 legs at x = ±0.1, a base 0.9 wide at
    // y = −0.46 and a 1.8 × 0.29 keyboard from y = −0.95 to −0.66, all 0.9 either side of the middle:
    // 5.7 + 0.52 + 0.9 + 4.18 = 11.3 units of line in all.
    const points = outline('computer', 6000);
    const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
    for (const [x, y] of points) {
      expect(Math.abs(x)).toBeLessThanOrEqual(0.9 + 1e-9);
      expect(y).toBeGreaterThanOrEqual(-0.95 - 1e-9);
      expect(y).toBeLessThanOrEqual(0.85 + 1e-9);
      const vertical = [-0.9, -0.1, 0.1, 0.9].some((side) => near(x, side));
      const horizontal = [0.85, -0.2, -0.46, -0.66, -0.95].some((level) => near(y, level));
      expect(vertical || horizontal).toBe(true);
    }
    expectShare(
      share(points, ([, y]) => near(y, 0.85)),
      1.8 / 11.3,
    );
    expectShare(
      share(points, ([, y]) => near(y, -0.46)),
      0.9 / 11.3,
    );
    expectShare(
      share(points, ([x]) => near(Math.abs(x), 0.9)),
      (2 * 1.05 + 2 * 0.29) / 11.3,
    );
    expectShare(
      share(points, ([x]) => near(Math.abs(x), 0.1)),
      0.52 / 11.3,
    );
  });

  it('draws the cat as a round head with two round eyes, spread evenly around each circle', () => {
    // The head's circle (radius 0.75) is 3.75 times as long as both eyes (radius 0.1) together, and about 4.71
    // of the drawing's 9.99 units: the rest are ears (2.55) and whiskers (1.47).
    const head: Point = [0, -0.15];
    const eyes: Point[] = [
      [-0.3, 0.02],
      [0.3, 0.02],
    ];
    const points = outline('cat', 6000);
    const onHead = points.filter((point) => onCircle(point, head, 0.75));
    const onEyes = points.filter((point) => eyes.some((eye) => onCircle(point, eye, 0.1)));
    expectShare(onHead.length / points.length, 4.71 / 9.99);
    expectShare(onEyes.length / points.length, (2 * Math.PI * 0.2) / 9.99);
    for (const [right, up] of [
      [true, true],
      [true, false],
      [false, true],
      [false, false],
    ])
      expect(Math.abs(share(onHead, ([x, y]) => x > head[0] === right && y > head[1] === up) - 0.25)).toBeLessThan(
        0.02,
      );
    // Everything lies within the square from −1 to 1.
    for (const point of points) for (const value of point) expect(Math.abs(value)).toBeLessThanOrEqual(1);
  });

  it('draws the cloud as the outer edge of four puffs on a flat base, with nothing inside it', () => {
    const puffs: { centre: Point; radius: number }[] = [
      { centre: [-0.58, -0.12], radius: 0.36 },
      { centre: [-0.12, 0.2], radius: 0.5 },
      { centre: [0.42, 0.08], radius: 0.42 },
      { centre: [0.76, -0.16], radius: 0.28 },
    ];
    const floor = -0.42;
    const points = outline('cloud', 3000);
    const onFloor = points.filter(([, y]) => Math.abs(y - floor) < 1e-9);
    for (const point of points) {
      expect(point[1]).toBeGreaterThanOrEqual(floor - 1e-9);
      if (onFloor.includes(point)) continue;
      // Above the base: on one puff's edge, and inside none of the others.
      expect(puffs.some((puff) => onCircle(point, puff.centre, puff.radius))).toBe(true);
      for (const puff of puffs) expect(distance(point, puff.centre)).toBeGreaterThan(puff.radius - 1e-9);
    }
    // Every puff shows part of its edge.
    for (const puff of puffs) expect(points.some((point) => onCircle(point, puff.centre, puff.radius))).toBe(true);
    // The base runs from the leftmost puff's edge (x = −0.58 − √(0.36² − 0.3²) ≈ −0.779) to the rightmost's
    // (x = 0.76 + √(0.28² − 0.26²) ≈ 0.864).
    expect(onFloor.length).toBeGreaterThan(300);
    expect(Math.min(...onFloor.map(([x]) => x))).toBeCloseTo(-0.779, 2);
    expect(Math.max(...onFloor.map(([x]) => x))).toBeCloseTo(0.864, 2);
  });
});

describe('reference clouds and the share of generated points', () => {
  it('hold 1,000 points of each class, each classified as its own class', () => {
    for (const name of POINT_CLASSES) {
      expect(referenceClouds[name]).toHaveLength(2000);
      expect(generatedShare(referenceClouds[name], name, POINT_CLASSES)).toBe(1);
    }
    expect(generatedShare(referenceClouds.cat, 'computer', POINT_CLASSES)).toBe(0);
  });

  it('count the points nearest the prompt’s drawing, out of all points', () => {
    const points = new Float64Array([...referenceClouds.cat.slice(0, 30), ...referenceClouds.cloud.slice(0, 10)]);
    expect(generatedShare(points, 'cat', POINT_CLASSES)).toBe(0.75);
    expect(generatedShare(points, 'cloud', POINT_CLASSES)).toBe(0.25);
    // A fresh drawing of a class is recognised as that class nearly everywhere.
    const fresh = samplePoints('computer', 500, createRandom(99), createGaussian(99));
    expect(generatedShare(fresh, 'computer', POINT_CLASSES)).toBeGreaterThan(0.9);
  });
});
