/**
 * The training data of the course's tiny diffusion model: 2-D point clouds drawn along the outline of a cat's
 * face, a computer and a cloud. Made by code, so the data is the project's own and the same seed gives the same
 * points. Coordinates lie roughly in [−1, 1] with y pointing up.
 */
import { createGaussian } from './diffusion.ts';
import { nearestCloud } from './point-clouds.ts';
import { createRandom } from './seed.ts';

export const POINT_CLASSES = ['cat', 'computer', 'cloud'] as const;
export type PointClass = (typeof POINT_CLASSES)[number];

type Point = readonly [number, number];
interface Line {
  kind: 'line';
  from: Point;
  to: Point;
}
type Stroke =
  | Line
  /** A whole circle, minus whatever lies inside `hiddenBy` circles or below `floor`. */
  | { kind: 'circle'; centre: Point; radius: number; hiddenBy?: readonly Circle[]; floor?: number };
interface Circle {
  centre: Point;
  radius: number;
}

const line = (from: Point, to: Point): Line => ({ kind: 'line', from, to });
const polygon = (...corners: Point[]): Line[] =>
  corners.map((corner, i) => line(corner, corners[(i + 1) % corners.length] as Point));
const rectangle = (left: number, bottom: number, right: number, top: number) =>
  polygon([left, bottom], [right, bottom], [right, top], [left, top]);
/** The lines and their mirror images across the vertical axis. */
const mirrored = (lines: Line[]): Line[] =>
  lines.flatMap((stroke) => [stroke, line([-stroke.from[0], stroke.from[1]], [-stroke.to[0], stroke.to[1]])]);

const head: Circle = { centre: [0, -0.15], radius: 0.75 };
const onHead = (degrees: number): Point => [
  head.centre[0] + head.radius * Math.cos((degrees * Math.PI) / 180),
  head.centre[1] + head.radius * Math.sin((degrees * Math.PI) / 180),
];

const cat: Stroke[] = [
  { kind: 'circle', ...head },
  ...mirrored([line(onHead(150), [-0.62, 0.95]), line([-0.62, 0.95], onHead(108))]),
  { kind: 'circle', centre: [-0.3, 0.02], radius: 0.1 },
  { kind: 'circle', centre: [0.3, 0.02], radius: 0.1 },
  ...mirrored([line([-0.25, -0.35], [-0.98, -0.25])]),
];

const computer: Stroke[] = [
  ...rectangle(-0.9, -0.2, 0.9, 0.85),
  ...mirrored([line([-0.1, -0.2], [-0.1, -0.46])]),
  line([-0.45, -0.46], [0.45, -0.46]),
  ...rectangle(-0.9, -0.95, 0.9, -0.66),
];

const puffs: Circle[] = [
  { centre: [-0.58, -0.12], radius: 0.36 },
  { centre: [-0.12, 0.2], radius: 0.5 },
  { centre: [0.42, 0.08], radius: 0.42 },
  { centre: [0.76, -0.16], radius: 0.28 },
];
const CLOUD_FLOOR = -0.42;
/** Where the floor line meets the outermost puffs. */
const floorEnd = (circle: Circle, side: -1 | 1) =>
  circle.centre[0] + side * Math.sqrt(circle.radius ** 2 - (CLOUD_FLOOR - circle.centre[1]) ** 2);
const cloud: Stroke[] = [
  ...puffs.map((puff): Stroke => ({
    kind: 'circle',
    ...puff,
    hiddenBy: puffs.filter((other) => other !== puff),
    floor: CLOUD_FLOOR,
  })),
  line([floorEnd(puffs[0] as Circle, -1), CLOUD_FLOOR], [floorEnd(puffs[3] as Circle, 1), CLOUD_FLOOR]),
];

const drawings: Record<PointClass, Stroke[]> = { cat, computer, cloud };

function strokeLength(stroke: Stroke) {
  return stroke.kind === 'line'
    ? Math.hypot(stroke.to[0] - stroke.from[0], stroke.to[1] - stroke.from[1])
    : 2 * Math.PI * stroke.radius;
}

/** A point along the stroke, or undefined where a circle is hidden (the caller draws again). */
function pointOn(stroke: Stroke, u: number): Point | undefined {
  if (stroke.kind === 'line') {
    return [stroke.from[0] + u * (stroke.to[0] - stroke.from[0]), stroke.from[1] + u * (stroke.to[1] - stroke.from[1])];
  }
  const angle = 2 * Math.PI * u;
  // Stryker disable next-line ArithmeticOperator: "−" mirrors a uniform angle, which stays uniform: the same outline.
  const x = stroke.centre[0] + stroke.radius * Math.cos(angle);
  // Stryker disable next-line ArithmeticOperator: "−" mirrors a uniform angle, which stays uniform: the same outline.
  const y = stroke.centre[1] + stroke.radius * Math.sin(angle);
  if (y < (stroke.floor ?? -Infinity)) return undefined;
  if (stroke.hiddenBy?.some((c) => Math.hypot(x - c.centre[0], y - c.centre[1]) < c.radius)) return undefined;
  return [x, y];
}

/** Scatter around the outline, so the shape has a visible thickness. */
const JITTER = 0.015;

/**
 * `count` points of a class as [x0, y0, x1, y1, …], spread along its outline in proportion to stroke length.
 * `uniform` returns numbers in [0, 1); `normal` standard normal numbers.
 */
export function samplePoints(name: PointClass, count: number, uniform: () => number, normal: () => number) {
  const strokes = drawings[name];
  const lengths = strokes.map(strokeLength);
  const total = lengths.reduce((sum, length) => sum + length, 0);
  const points = new Float64Array(count * 2);
  for (let i = 0; i < count;) {
    let pick = uniform() * total;
    let index = 0;
    while (index < strokes.length - 1 && pick >= (lengths[index] as number)) pick -= lengths[index++] as number;
    const point = pointOn(strokes[index] as Stroke, uniform());
    if (!point) continue;
    points[2 * i] = point[0] + JITTER * normal();
    points[2 * i + 1] = point[1] + JITTER * normal();
    i++;
  }
  return points;
}

/**
 * A fixed cloud of each class: what the generator shows as "the training drawing", and what the simple
 * classifier below compares generated points with.
 */
export const referenceClouds = Object.fromEntries(
  POINT_CLASSES.map((name, i) => [name, samplePoints(name, 1000, createRandom(1000 + i), createGaussian(2000 + i))]),
) as Record<PointClass, Float64Array>;

/**
 * The share of generated points whose nearest reference point belongs to the prompt's drawing rather than to
 * another class's (a 1-nearest-neighbour classifier).
 */
export function generatedShare(points: Float64Array, prompt: string, classes: readonly string[]) {
  const labels = nearestCloud(
    points,
    classes.map((name) => referenceClouds[name as PointClass]),
  );
  const target = classes.indexOf(prompt);
  return labels.filter((label) => label === target).length / labels.length;
}
