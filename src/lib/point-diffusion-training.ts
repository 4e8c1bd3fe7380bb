/**
 * Trains the tiny diffusion model of point-diffusion.ts (DDPM's "simple" objective): take a training point,
 * add the noise of a random timestep, and teach the network to predict that noise. The prompt is dropped for a
 * share of the examples so the same network also learns the unconditional model that classifier-free guidance
 * needs. Adam with a cosine learning-rate decay; the saved weights are an exponential moving average. Seeded
 * throughout, so the same options give the same weights.
 */
import { alphaBar, createGaussian, noiseSchedule } from './diffusion.ts';
import { createRandom } from './seed.ts';
import { POINT_CLASSES, samplePoints } from './point-shapes.ts';
import {
  conditionInputs,
  layerOffsets,
  parameterCount,
  POINT_INPUTS,
  predictNoise,
  writeConditionInputs,
  writePointInputs,
  type Denoiser,
  type DenoiserShape,
  type ForwardTrace,
} from './point-diffusion.ts';

export interface TrainingOptions {
  shape: DenoiserShape;
  /** Optimiser steps. */
  steps: number;
  /** Examples per step. */
  batch: number;
  /** Peak Adam learning rate, decayed to zero along a cosine. */
  learningRate: number;
  /** Share of examples trained without their prompt (for classifier-free guidance). */
  dropPrompt: number;
  /** Training points generated per class. */
  pointsPerClass: number;
  /** Decay of the exponential moving average of the weights. */
  emaDecay: number;
  seed: number;
}

/** The committed model's settings: small enough to generate 1,000 points in the browser in well under a second. */
export const trainingDefaults: TrainingOptions = {
  shape: {
    classes: [...POINT_CLASSES],
    hidden: 48,
    residualLayers: 2,
    schedule: { kind: 'linear', steps: 1000 },
  },
  steps: 28_000,
  batch: 256,
  learningRate: 3e-3,
  dropPrompt: 0.15,
  pointsPerClass: 8000,
  emaDecay: 0.999,
  seed: 1,
};

/** Weights drawn with variance 1/inputs (LeCun), biases zero, the output layer zero so training starts at ε̂ = 0. */
export function initialParameters(shape: DenoiserShape, seed: number) {
  const normal = createGaussian(seed);
  const parameters = new Float32Array(parameterCount(shape));
  const { layers } = layerOffsets(shape);
  const conditionWidth = conditionInputs(shape);
  layers.slice(0, -1).forEach(({ weights, inputs, outputs }) => {
    const scale = Math.sqrt(1 / (inputs + conditionWidth));
    for (let i = 0; i < (inputs + conditionWidth) * outputs; i++) parameters[weights + i] = scale * normal();
  });
  return parameters;
}

/**
 * Gradient of the mean squared error over a batch, for every parameter (same layout as the parameters).
 * `conditions` holds one condition row per example.
 */
export function gradient(
  model: Denoiser,
  points: Float32Array,
  conditions: Float32Array,
  targets: Float32Array,
  rows: number,
) {
  const trace: ForwardTrace = { inputs: [], preActivations: [] };
  const predicted = predictNoise(model, points, conditions, rows, trace);
  const { layers } = layerOffsets(model);
  const conditionWidth = conditionInputs(model);
  const grads = new Float32Array(model.parameters.length);
  let loss = 0;
  let delta = new Float32Array(predicted.length);
  let skip: Float32Array | undefined;
  for (let i = 0; i < predicted.length; i++) {
    const error = (predicted[i] as number) - (targets[i] as number);
    loss += error * error;
    delta[i] = (2 * error) / predicted.length;
  }
  for (let l = layers.length - 1; l >= 0; l--) {
    const { weights, conditionWeights, biases, inputs: width, outputs } = layers[l] as (typeof layers)[number];
    const conditioned = conditionWeights !== biases;
    const input = trace.inputs[l] as Float32Array;
    // Weight and bias gradients of this layer and, below the first layer, the gradient of its input, in one pass
    // (a zero delta adds nothing to either).
    const upstream = l > 0 ? new Float32Array(rows * width) : undefined;
    for (let b = 0; b < rows; b++) {
      for (let j = 0; j < outputs; j++) {
        const d = delta[b * outputs + j] as number;
        if (d === 0) continue;
        grads[biases + j] = (grads[biases + j] as number) + d;
        const rowStart = weights + j * width;
        const inputStart = b * width;
        for (let i = 0; i < width; i++)
          grads[rowStart + i] = (grads[rowStart + i] as number) + d * (input[inputStart + i] as number);
        if (upstream)
          for (let i = 0; i < width; i++)
            upstream[inputStart + i] =
              (upstream[inputStart + i] as number) + d * (model.parameters[rowStart + i] as number);
        if (!conditioned) continue;
        const conditionRow = conditionWeights + j * conditionWidth;
        const conditionStart = b * conditionWidth;
        for (let k = 0; k < conditionWidth; k++) {
          grads[conditionRow + k] =
            (grads[conditionRow + k] as number) + d * (conditions[conditionStart + k] as number);
        }
      }
    }
    if (!upstream) break;
    // A hidden layer with a skip connection also receives, unchanged, the gradient of its own output.
    if (skip) for (let i = 0; i < upstream.length; i++) upstream[i] = (upstream[i] as number) + (skip[i] as number);
    skip = l - 1 > 0 ? upstream : undefined;
    // Then through the activation of the layer below.
    const pre = trace.preActivations[l - 1] as Float32Array;
    delta = new Float32Array(upstream.length);
    for (let i = 0; i < upstream.length; i++) {
      const x = pre[i] as number;
      const sigmoid = 1 / (1 + Math.exp(-x));
      delta[i] = (upstream[i] as number) * sigmoid * (1 + x * (1 - sigmoid));
    }
  }
  return { loss: loss / predicted.length, grads };
}

export interface TrainingProgress {
  step: number;
  loss: number;
}

/** Trains a model; `onProgress` hears the running loss every `every` steps. */
export function trainDenoiser(
  options: TrainingOptions,
  onProgress?: (progress: TrainingProgress) => void,
  every = 500,
) {
  const { shape, batch } = options;
  const uniform = createRandom(options.seed);
  const normal = createGaussian(options.seed + 1);
  const data = shape.classes.map((name) =>
    samplePoints(name as (typeof POINT_CLASSES)[number], options.pointsPerClass, uniform, normal),
  );
  const schedule = noiseSchedule(shape.schedule.kind, shape.schedule.steps);
  const model: Denoiser = { ...shape, parameters: initialParameters(shape, options.seed + 2) };
  const average = Float32Array.from(model.parameters);
  const m = new Float32Array(model.parameters.length);
  const v = new Float32Array(model.parameters.length);
  const conditionWidth = conditionInputs(shape);
  const points = new Float32Array(batch * POINT_INPUTS);
  const conditions = new Float32Array(batch * conditionWidth);
  const targets = new Float32Array(batch * 2);
  const none = shape.classes.length;
  const warmup = Math.max(1, Math.round(options.steps * 0.02));
  let running = 0;
  for (let step = 1; step <= options.steps; step++) {
    for (let b = 0; b < batch; b++) {
      const classIndex = Math.floor(uniform() * shape.classes.length);
      const cloud = data[classIndex] as Float64Array;
      const p = Math.floor(uniform() * options.pointsPerClass);
      const t = 1 + Math.floor(uniform() * schedule.steps);
      const a = alphaBar(schedule, t);
      const signal = Math.sqrt(a);
      const noiseLevel = Math.sqrt(1 - a);
      const ex = normal();
      const ey = normal();
      const x = signal * (cloud[2 * p] as number) + noiseLevel * ex;
      const y = signal * (cloud[2 * p + 1] as number) + noiseLevel * ey;
      writePointInputs(points, b * POINT_INPUTS, x, y);
      writeConditionInputs(conditions, b * conditionWidth, t, uniform() < options.dropPrompt ? none : classIndex, none);
      targets[2 * b] = ex;
      targets[2 * b + 1] = ey;
    }
    const { loss, grads } = gradient(model, points, conditions, targets, batch);
    running = step === 1 ? loss : 0.99 * running + 0.01 * loss;
    // Adam (β1 0.9, β2 0.999) with bias correction; learning rate warms up over 2% of the steps, then cosine decay.
    const rate =
      step <= warmup
        ? (options.learningRate * step) / warmup
        : options.learningRate * 0.5 * (1 + Math.cos((Math.PI * (step - warmup)) / (options.steps - warmup)));
    const correction1 = 1 - 0.9 ** step;
    const correction2 = 1 - 0.999 ** step;
    const params = model.parameters;
    for (let i = 0; i < params.length; i++) {
      const g = grads[i] as number;
      const mi = 0.9 * (m[i] as number) + 0.1 * g;
      const vi = 0.999 * (v[i] as number) + 0.001 * g * g;
      m[i] = mi;
      v[i] = vi;
      params[i] = (params[i] as number) - (rate * (mi / correction1)) / (Math.sqrt(vi / correction2) + 1e-8);
      average[i] = options.emaDecay * (average[i] as number) + (1 - options.emaDecay) * (params[i] as number);
    }
    if (onProgress && (step % every === 0 || step === options.steps)) onProgress({ step, loss: running });
  }
  return { ...shape, parameters: average } satisfies Denoiser;
}
