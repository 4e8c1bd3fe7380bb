/** Diffusion speeds (npm run bench): one forward frame of a 256 × 256 RGB picture; generation with the trained model. */
import { test } from 'vitest';
import { createGaussian, forward, gaussianNoise, noiseSchedule } from '../../src/lib/diffusion';
import { decodeDenoiser, generateSample, type DenoiserFile } from '../../src/lib/point-diffusion';
import weightsFile from '../../src/lib/point-diffusion-weights.json';
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

test('diffusion model generation', async ({ bench }) => {
  const model = decodeDenoiser(weightsFile as DenoiserFile);
  let seed = 0;
  const result = await bench('50 DDIM steps, 1,000 points, guidance 3', () => {
    generateSample(model, { prompt: 'cat', points: 1000, steps: 50, sampler: 'ddim', guidance: 3, seed: seed++ });
  }).run();
  record(
    'diffusion',
    '50 DDIM steps, 1,000 points, guidance 3 (two network passes per step)',
    1000 / perSecond(result),
    'ms',
  );
});
