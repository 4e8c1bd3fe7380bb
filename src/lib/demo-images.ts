/**
 * Small pictures drawn by code for the diffusion visualizer, so the course ships no one else's images.
 * Pixels are RGB values in [−1, 1], row by row, the range diffusion models work in.
 */

export const IMAGE_SIZE = 64;

export interface DemoImage {
  id: string;
  name: string;
  pixels: Float64Array;
}

type Painter = (x: number, y: number) => [number, number, number];

function paint(painter: Painter): Float64Array {
  const pixels = new Float64Array(IMAGE_SIZE * IMAGE_SIZE * 3);
  for (let y = 0; y < IMAGE_SIZE; y++) {
    for (let x = 0; x < IMAGE_SIZE; x++) {
      const [r, g, b] = painter(x / (IMAGE_SIZE - 1), y / (IMAGE_SIZE - 1));
      const at = (y * IMAGE_SIZE + x) * 3;
      pixels[at] = r * 2 - 1;
      pixels[at + 1] = g * 2 - 1;
      pixels[at + 2] = b * 2 - 1;
    }
  }
  return pixels;
}

const sunset: Painter = (x, y) => {
  const sun = Math.hypot(x - 0.5, y - 0.55) < 0.2;
  if (y > 0.7) return [0.1, 0.25 + 0.2 * (1 - y), 0.55];
  if (sun) return [1, 0.85, 0.3];
  return [0.95 - 0.4 * y, 0.45 + 0.2 * y, 0.35 + 0.3 * (1 - y)];
};

const smiley: Painter = (x, y) => {
  const face = Math.hypot(x - 0.5, y - 0.5) < 0.42;
  const eye = Math.hypot(x - 0.35, y - 0.38) < 0.06 || Math.hypot(x - 0.65, y - 0.38) < 0.06;
  const mouthRadius = Math.hypot(x - 0.5, y - 0.5);
  const mouth = y > 0.55 && mouthRadius > 0.22 && mouthRadius < 0.28;
  if (!face) return [0.85, 0.92, 1];
  if (eye || mouth) return [0.15, 0.1, 0.05];
  return [1, 0.8, 0.2];
};

const checks: Painter = (x, y) =>
  (Math.floor(x * 8) + Math.floor(y * 8)) % 2 === 0 ? [0.95, 0.95, 0.95] : [0.2, 0.3, 0.7];

export const demoImages: DemoImage[] = [
  { id: 'sunset', name: 'Sunset over the sea', pixels: paint(sunset) },
  { id: 'smiley', name: 'Smiling face', pixels: paint(smiley) },
  { id: 'checks', name: 'Checkerboard', pixels: paint(checks) },
];

/** Pixels in [−1, 1] as 8-bit RGBA, for a canvas. */
export function toRgba(pixels: ArrayLike<number>) {
  const count = pixels.length / 3;
  const rgba = new Uint8ClampedArray(count * 4);
  const byte = (at: number) => Math.round((((pixels[at] as number) + 1) / 2) * 255);
  // Stryker disable next-line EqualityOperator: a typed array ignores a write past its end, so "<=" is the same.
  for (let i = 0; i < count; i++) {
    rgba[i * 4] = byte(i * 3);
    rgba[i * 4 + 1] = byte(i * 3 + 1);
    rgba[i * 4 + 2] = byte(i * 3 + 2);
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

/** 8-bit RGBA (as read from a canvas) as pixels in [−1, 1]. */
export function fromRgba(rgba: ArrayLike<number>) {
  const count = rgba.length / 4;
  const pixels = new Float64Array(count * 3);
  const level = (at: number) => ((rgba[at] as number) / 255) * 2 - 1;
  // Stryker disable next-line EqualityOperator: a typed array ignores a write past its end, so "<=" is the same.
  for (let i = 0; i < count; i++) {
    pixels[i * 3] = level(i * 4);
    pixels[i * 3 + 1] = level(i * 4 + 1);
    pixels[i * 3 + 2] = level(i * 4 + 2);
  }
  return pixels;
}
