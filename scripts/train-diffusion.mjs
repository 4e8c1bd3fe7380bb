/**
 * Trains the course's tiny diffusion model (src/lib/point-diffusion.ts) on point clouds the project draws itself
 * (src/lib/point-shapes.ts) and writes src/lib/point-diffusion-weights.json. Seeded: the same options give the
 * same file, byte for byte.
 *
 * Usage: npm run train:diffusion [-- --out path]
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { trainDenoiser, trainingDefaults } from '../src/lib/point-diffusion-training.ts';
import { encodeDenoiser } from '../src/lib/point-diffusion.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(import.meta.dirname, '..', 'src', 'lib', 'point-diffusion-weights.json') },
  },
});

const started = performance.now();
const model = trainDenoiser(trainingDefaults, ({ step, loss }) => {
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`step ${step} of ${trainingDefaults.steps}: loss ${loss.toFixed(4)} (${seconds} s)`);
});
// The file states the network's shape already; record how it was trained alongside.
const { shape: _shape, ...training } = trainingDefaults;
const file = JSON.stringify(encodeDenoiser(model, training));
await writeFile(values.out, `${file}\n`);
const seconds = (performance.now() - started) / 1000;
console.log(`Trained in ${seconds.toFixed(1)} s; wrote ${values.out} (${(file.length / 1024).toFixed(1)} KB)`);
