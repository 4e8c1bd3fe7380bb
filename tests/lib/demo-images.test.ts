import { describe, expect, it } from 'vitest';
import { demoImages, fromRgba, IMAGE_SIZE, toRgba } from '../../src/lib/demo-images';

describe('demo images', () => {
  it('are square RGB pictures in [−1, 1] with real contrast', () => {
    for (const image of demoImages) {
      expect(image.pixels.length).toBe(IMAGE_SIZE * IMAGE_SIZE * 3);
      expect(Math.min(...image.pixels)).toBeGreaterThanOrEqual(-1);
      expect(Math.max(...image.pixels)).toBeLessThanOrEqual(1);
      expect(Math.max(...image.pixels) - Math.min(...image.pixels)).toBeGreaterThan(1);
    }
  });

  it('convert to canvas bytes and back within one step of 8-bit rounding', () => {
    const pixels = demoImages[0]?.pixels ?? new Float64Array();
    const back = fromRgba(toRgba(pixels));
    back.forEach((value, i) => expect(Math.abs(value - (pixels[i] as number))).toBeLessThanOrEqual(2 / 255));
    expect(toRgba([-1, 0, 1])).toEqual(new Uint8ClampedArray([0, 128, 255, 255]));
  });

  it('map each pixel’s red, green and blue to its own bytes, opaque, and back', () => {
    // (v + 1) / 2 · 255 rounded: 0.5 → 191.25 → 191, −0.5 → 63.75 → 64.
    expect([...toRgba([-1, 0, 1, 0.5, -0.5, 1])]).toEqual([0, 128, 255, 255, 191, 64, 255, 255]);
    // b / 255 · 2 − 1, the alpha byte dropped: 51 → −0.6, 102 → −0.2.
    const back = fromRgba([0, 51, 255, 255, 255, 102, 0, 128]);
    expect(back).toHaveLength(6);
    [-1, -0.6, 1, 1, -0.2, -1].forEach((value, i) => expect(back[i]).toBeCloseTo(value, 12));
  });
});
