import { describe, expect, it } from 'vitest';
import { createGaussian } from '../../src/lib/diffusion';
import { chamferDistance } from '../../src/lib/point-clouds';
import {
  conditionInputs,
  decodeDenoiser,
  encodeDenoiser,
  generate,
  generateSample,
  parameterCount,
  POINT_INPUTS,
  writeConditionInputs,
  writePointInputs,
  type Denoiser,
  type DenoiserFile,
  type GenerationOptions,
} from '../../src/lib/point-diffusion';
import { gradient, initialParameters, trainDenoiser, trainingDefaults } from '../../src/lib/point-diffusion-training';
import { generatedShare, POINT_CLASSES, referenceClouds } from '../../src/lib/point-shapes';
import weightsFile from '../../src/lib/point-diffusion-weights.json';

const model = decodeDenoiser(weightsFile as DenoiserFile);
const options = (overrides: Partial<GenerationOptions>): GenerationOptions => ({
  prompt: 'cat',
  points: 600,
  steps: 50,
  sampler: 'ddim',
  guidance: 3,
  seed: 11,
  ...overrides,
});

describe('the network and its training', () => {
  const shape = { ...trainingDefaults.shape, hidden: 8 };

  it('computes gradients that match finite differences', () => {
    const tiny: Denoiser = { ...shape, parameters: initialParameters(shape, 3) };
    tiny.parameters = tiny.parameters.map((value, i) => value + 0.1 * Math.sin(i));
    const rows = 3;
    const width = conditionInputs(shape);
    const points = new Float32Array(rows * POINT_INPUTS);
    const conditions = new Float32Array(rows * width);
    for (let b = 0; b < rows; b++) {
      writePointInputs(points, b * POINT_INPUTS, 0.3 * b - 0.2, 0.5 - 0.2 * b);
      writeConditionInputs(conditions, b * width, 100 + 300 * b, b, shape.classes.length);
    }
    const targets = Float32Array.from([0.3, -0.2, 1, 0.5, -1, 0.1]);
    const { grads } = gradient(tiny, points, conditions, targets, rows);
    const h = 1e-3;
    for (let i = 0; i < tiny.parameters.length; i += 5) {
      const original = tiny.parameters[i] as number;
      tiny.parameters[i] = original + h;
      const above = gradient(tiny, points, conditions, targets, rows).loss;
      tiny.parameters[i] = original - h;
      const below = gradient(tiny, points, conditions, targets, rows).loss;
      tiny.parameters[i] = original;
      const numeric = (above - below) / (2 * h);
      expect(Math.abs(numeric - (grads[i] as number))).toBeLessThan(1e-3 + 0.02 * Math.abs(numeric));
    }
  });

  it('lowers the loss as it trains, and the same seed gives the same weights', () => {
    const quick = { ...trainingDefaults, shape, steps: 300, batch: 64, pointsPerClass: 500 };
    const losses: number[] = [];
    const first = trainDenoiser(quick, ({ loss }) => losses.push(loss), 50);
    const second = trainDenoiser(quick);
    expect(losses[losses.length - 1]).toBeLessThan((losses[0] as number) * 0.9);
    expect(second.parameters).toEqual(first.parameters);
    expect(trainDenoiser({ ...quick, seed: 2 }).parameters).not.toEqual(first.parameters);
  });

  it('stores weights compactly and reads them back exactly', () => {
    const file = encodeDenoiser(model, {});
    expect(decodeDenoiser(file).parameters).toEqual(model.parameters);
    expect(() => decodeDenoiser({ ...file, hidden: file.hidden + 1 })).toThrow(/parameters: .* needs/);
    expect(JSON.stringify(weightsFile).length).toBeLessThan(200 * 1024);
    expect(model.parameters.length).toBe(parameterCount(model));
  });
});

describe('generation with the committed model', () => {
  it('starts from pure noise and takes the requested number of steps', () => {
    const frames = [...generate(model, options({ steps: 20 }))];
    expect(frames).toHaveLength(21);
    expect(frames[0]?.t).toBe(1000);
    expect(frames.at(-1)?.t).toBe(0);
    const start = frames[0]?.points as Float64Array;
    const variance = start.reduce((sum, v) => sum + v * v, 0) / start.length;
    expect(variance).toBeGreaterThan(0.85);
    expect(variance).toBeLessThan(1.15);
  });

  it('rejects a prompt it was not trained on', () => {
    expect(() => generateSample(model, options({ prompt: 'dog' }))).toThrow(/prompt: "dog"/);
  });

  it('gives the same sample for the same seed, and a new one for new noise', () => {
    for (const sampler of ['ddim', 'ddpm'] as const) {
      const a = generateSample(model, options({ sampler }));
      expect(generateSample(model, options({ sampler }))).toEqual(a);
      expect(generateSample(model, options({ sampler, seed: 12 }))).not.toEqual(a);
    }
  });

  it.each(POINT_CLASSES)('draws points close to the %s training drawing, far closer than noise', (prompt) => {
    const reference = referenceClouds[prompt];
    const noise = new Float64Array(1200).map(createGaussian(5));
    for (const sampler of ['ddim', 'ddpm'] as const) {
      const sample = generateSample(model, options({ prompt, sampler, steps: sampler === 'ddim' ? 50 : 200 }));
      expect(chamferDistance(sample, reference)).toBeLessThan(chamferDistance(noise, reference) / 4);
    }
  });

  it.each(POINT_CLASSES)('follows the prompt "%s" more closely as guidance rises', (prompt) => {
    const share = (guidance: number) =>
      generatedShare(generateSample(model, options({ prompt, guidance })), prompt, model.classes);
    const unguided = share(0);
    const guided = share(3);
    // Without the prompt the model draws any of the three classes.
    expect(unguided).toBeLessThan(0.5);
    expect(guided).toBeGreaterThan(unguided + 0.15);
  });
});
