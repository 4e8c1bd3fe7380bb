import { describe, expect, it } from 'vitest';
import {
  buildChatRequest,
  clampLane,
  defaultLane,
  defaultSettings,
  promptProblem,
  settingsForModels,
  switchModel,
  fitHistory,
} from '../../../src/lib/playground/settings';
import { MAX_MESSAGE_CHARS, MAX_MESSAGES, MAX_SYSTEM_CHARS, MAX_TOTAL_CHARS } from '../../../src/lib/chat-protocol';
import { builtIn, haiku, lane, novaLite } from './fixtures';

describe('clampLane', () => {
  it('moves every value inside the model’s ranges', () => {
    const clamped = clampLane(lane({ temperature: 1.7, topP: 1.4, topK: 900, maxTokens: 99_999, seed: -3 }), haiku);
    expect(clamped).toMatchObject({ modelId: haiku.id, temperature: 1, topP: 1, topK: 500, maxTokens: 4096, seed: 0 });
  });

  it('rounds counts to whole numbers and replaces values that are not numbers with the model’s defaults', () => {
    const clamped = clampLane(lane({ temperature: Number.NaN, maxTokens: 12.6, topK: 3.4, seed: 7.9 }), builtIn);
    expect(clamped).toMatchObject({ temperature: 1, maxTokens: 13, topK: 3, seed: 7 });
  });

  it('keeps at most four stop sequences', () => {
    expect(clampLane(lane({ stopSequences: ['a', 'b', 'c', 'd', 'e'] }), builtIn).stopSequences).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });
});

describe('switchModel', () => {
  it('keeps values the new model allows and caps the rest', () => {
    const moved = switchModel(lane({ temperature: 0.3, maxTokens: 150 }), haiku);
    expect(moved).toMatchObject({ modelId: haiku.id, temperature: 0.3, maxTokens: 150 });
    const back = switchModel(lane({ modelId: haiku.id, temperature: 0.3, maxTokens: 3000 }), builtIn);
    expect(back).toMatchObject({ modelId: builtIn.id, temperature: 0.3, maxTokens: 200 });
  });
});

describe('buildChatRequest', () => {
  const history = [
    { role: 'user', text: 'Hi' },
    { role: 'assistant', text: 'Hello.' },
  ] as const;

  it('sends the seed and top-k to the built-in model, and the history before the new prompt', () => {
    const request = buildChatRequest({
      lane: lane({ temperature: 0.5, topK: 5, stopSequences: ['', '.'] }),
      model: builtIn,
      system: '  Be brief.  ',
      history: [...history],
      prompt: 'Amazon Bedrock is',
    });
    expect(request).toEqual({
      modelId: builtIn.id,
      system: 'Be brief.',
      messages: [...history, { role: 'user', text: 'Amazon Bedrock is' }],
      temperature: 0.5,
      topP: 1,
      topK: 5,
      maxTokens: 40,
      stopSequences: ['.'],
      seed: 42,
    });
  });

  it('leaves out top-k for a model without it, the seed for Bedrock, and an empty system prompt', () => {
    const request = buildChatRequest({
      lane: defaultLane(novaLite),
      model: novaLite,
      system: '   ',
      history: [],
      prompt: 'Hi',
    });
    expect(request).not.toHaveProperty('topK');
    expect(request).not.toHaveProperty('seed');
    expect(request).not.toHaveProperty('system');
    expect(request).not.toHaveProperty('stopSequences');
    expect(request).toMatchObject({ temperature: 0.7, topP: 0.9, maxTokens: 512 });
  });

  it('never sends a value outside the model’s range, whatever the lane holds', () => {
    const request = buildChatRequest({
      lane: lane({ modelId: haiku.id, temperature: 2 }),
      model: haiku,
      system: '',
      history: [],
      prompt: 'Hi',
    });
    expect(request.temperature).toBe(1);
  });
});

describe('settings for the models on offer', () => {
  it('starts both lanes on the built-in model at its defaults', () => {
    const settings = defaultSettings([builtIn, haiku]);
    expect(settings?.lanes.map((l) => l.modelId)).toEqual([builtIn.id, builtIn.id]);
    expect(settings?.compare).toBe(false);
  });

  it('replaces a kept model the server can no longer run with one it can', () => {
    const kept = { compare: true, system: '', lanes: [lane({ modelId: novaLite.id }), lane({ modelId: haiku.id })] };
    const fitted = settingsForModels(kept as Parameters<typeof settingsForModels>[0], [builtIn, haiku, novaLite]);
    expect(fitted.lanes.map((l) => l.modelId)).toEqual([builtIn.id, haiku.id]);
  });

  it('has nothing to offer when no model can run', () => {
    expect(defaultSettings([novaLite])).toBeNull();
  });
});

describe('promptProblem', () => {
  it('asks for a prompt, and for a shorter one past the limit', () => {
    expect(promptProblem('  ', '')).toBe('Write a prompt first.');
    expect(promptProblem('x'.repeat(MAX_MESSAGE_CHARS + 1), '')).toMatch(/Shorten the prompt to 20,000/);
    expect(promptProblem('Hi', 'x'.repeat(MAX_SYSTEM_CHARS + 1))).toMatch(/Shorten the system prompt to 10,000/);
    expect(promptProblem('Hi', '')).toBeUndefined();
  });
});

describe('models that take temperature or top-p, not both', () => {
  const claude = { ...haiku, temperatureOrTopP: true };
  const request = (changes: Parameters<typeof lane>[0]) =>
    buildChatRequest({
      lane: lane({ modelId: claude.id, ...changes }),
      model: claude,
      system: '',
      history: [],
      prompt: 'Hi',
    });

  it('sends temperature alone by default', () => {
    const sent = request({ temperature: 0.2, topP: 0.5 });
    expect(sent.temperature).toBe(0.2);
    expect(sent).not.toHaveProperty('topP');
  });

  it('sends top-p alone when the learner chooses it', () => {
    const sent = request({ temperature: 0.2, topP: 0.5, randomness: 'topP' });
    expect(sent.topP).toBe(0.5);
    expect(sent).not.toHaveProperty('temperature');
  });

  it('sends both to every other model, whatever the choice', () => {
    const sent = buildChatRequest({
      lane: lane({ modelId: haiku.id, temperature: 0.2, topP: 0.5, randomness: 'topP' }),
      model: haiku,
      system: '',
      history: [],
      prompt: 'Hi',
    });
    expect(sent).toMatchObject({ temperature: 0.2, topP: 0.5 });
  });
});

describe('fitHistory', () => {
  const pairs = (count: number, length = 1) =>
    Array.from({ length: count }, (_, index) => [
      { role: 'user' as const, text: `q${index}`.padEnd(length, '.') },
      { role: 'assistant' as const, text: `a${index}`.padEnd(length, '.') },
    ]).flat();

  it('keeps a short history as it is', () => {
    expect(fitHistory(pairs(3), 'Hi', '')).toEqual(pairs(3));
  });

  it('drops the oldest turns beyond the message limit, still starting with the user', () => {
    const fitted = fitHistory(pairs(30), 'Hi', '');
    expect(fitted.length + 1).toBeLessThanOrEqual(MAX_MESSAGES);
    expect(fitted[0]).toEqual({ role: 'user', text: 'q11' });
    expect(fitted.at(-1)).toEqual({ role: 'assistant', text: 'a29' });
  });

  it('drops the oldest turns until the whole request fits the character limit', () => {
    const fitted = fitHistory(pairs(10, 10_000), 'Hi', 'Be brief.');
    const total = fitted.reduce((sum, message) => sum + message.text.length, 'Hi'.length + 'Be brief.'.length);
    expect(total).toBeLessThanOrEqual(MAX_TOTAL_CHARS);
    expect(fitted).toHaveLength(8);
    expect(fitted[0]?.text.startsWith('q6')).toBe(true);
  });
});
