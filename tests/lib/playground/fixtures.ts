/** Catalog entries shaped like the server's: the built-in model and two Bedrock models, one of them unavailable. */
import { BUILT_IN_MODEL_ID, type ModelInfo } from '../../../src/lib/chat-protocol';
import type { Answer } from '../../../src/lib/playground/conversation';
import type { LaneSettings } from '../../../src/lib/playground/settings';

export const builtIn: ModelInfo = {
  id: BUILT_IN_MODEL_ID,
  name: 'Course model',
  provider: 'This course',
  contextWindow: 2048,
  inputModalities: ['text'],
  outputModalities: ['text'],
  temperature: { min: 0, max: 2, default: 1 },
  topP: { min: 0, max: 1, default: 1 },
  topK: { min: 0, max: 50, default: 0 },
  maxTokens: { min: 1, max: 200, default: 40 },
  price: { inputPer1k: 0, outputPer1k: 0, asOf: '2026-11-01', source: 'built in' },
  available: true,
};

export const haiku: ModelInfo = {
  ...builtIn,
  id: 'anthropic.claude-3-5-haiku-20241022-v1:0',
  name: 'Claude 3.5 Haiku',
  provider: 'Anthropic',
  contextWindow: 200_000,
  temperature: { min: 0, max: 1, default: 1 },
  topP: { min: 0, max: 1, default: 0.999 },
  topK: { min: 0, max: 500, default: 250 },
  maxTokens: { min: 1, max: 4096, default: 512 },
  price: { inputPer1k: 0.0008, outputPer1k: 0.004, asOf: '2026-11-01', source: 'aws.amazon.com/bedrock/pricing' },
};

export const novaLite: ModelInfo = {
  ...haiku,
  id: 'amazon.nova-lite-v1:0',
  name: 'Nova Lite',
  provider: 'Amazon',
  topK: null,
  temperature: { min: 0, max: 1, default: 0.7 },
  topP: { min: 0, max: 1, default: 0.9 },
  maxTokens: { min: 1, max: 5000, default: 512 },
  available: false,
  unavailableReason: 'No AWS credentials were found. Set AWS_REGION and credentials, then restart the server.',
};

export const lane = (changes: Partial<LaneSettings> = {}): LaneSettings => ({
  modelId: BUILT_IN_MODEL_ID,
  temperature: 1,
  topP: 1,
  topK: 0,
  maxTokens: 40,
  stopSequences: [],
  seed: 42,
  randomness: 'temperature',
  ...changes,
});

/** A finished answer; a change set to undefined removes that field (e.g. usage, for an answer that was stopped). */
export const doneAnswer = (changes: { [K in keyof Answer]?: Answer[K] | undefined } = {}): Answer => {
  const answer = {
    lane: lane(),
    modelName: 'Course model',
    text: 'Amazon Bedrock is a service.',
    status: 'done',
    stopReason: 'end_turn',
    usage: { inputTokens: 4, outputTokens: 5 },
    timeToFirstTokenMs: 12,
    latencyMs: 40,
    costUsd: 0,
    ...changes,
  };
  return Object.fromEntries(Object.entries(answer).filter(([, value]) => value !== undefined)) as unknown as Answer;
};
