/** Diffusion speeds (npm run bench): one forward frame of a 256 × 256 RGB picture. */
import { test } from 'vitest';
import { createGaussian, forward, gaussianNoise, noiseSchedule } from '../../src/lib/diffusion';
import { perSecond, record } from './record';

test('diffusion forward frame', async ({ bench }) => {
  const size = 256 * 256 * 3;
  const picture = gaussianNoise(size, createGaussian(1)).map((v) => Math.tanh(v));
  const noise = gaussianNoise(size, createGaussian(2));
  const schedule = noiseSchedule('cosine');
  let t = 1;
  const result = await bench('forward frame, 256 × 256 RGB', () => {
    forward(picture, noise, (t = (t % 1000) + 1), schedule);
  }).run();
  record('diffusion', 'forward frame, 256 × 256 RGB', 1000 / perSecond(result), 'ms');
});
