import { describe, expect, it } from 'vitest';
import {
  buildChatRequest,
  clampLane,
  defaultLane,
  defaultSettings,
  fitHistory,
  lanesToSend,
  promptProblem,
  randomnessControl,
  settingsFor,
  settingsForModels,
  switchModel,
} from '../../../src/lib/playground/settings';
import {
  MAX_MESSAGE_CHARS,
  MAX_MESSAGES,
  MAX_STOP_SEQUENCE_CHARS,
  MAX_SYSTEM_CHARS,
  MAX_TOTAL_CHARS,
} from '../../../src/lib/chat-protocol';
import { builtIn, haiku, lane, novaLite } from './fixtures';

describe('defaultLane', () => {
  it('starts at the model’s defaults, with the seed 42 and temperature as the randomness to send', () => {
    expect(defaultLane(haiku)).toEqual({
      modelId: haiku.id,
      temperature: 1,
      topP: 0.999,
      topK: 250,
      maxTokens: 512,
      stopSequences: [],
      seed: 42,
      randomness: 'temperature',
    });
    expect(defaultLane(novaLite).topK).toBe(0);
  });
});

describe('clampLane', () => {
  it('moves every value inside the model’s ranges', () => {
    const clamped = clampLane(lane({ temperature: 1.7, topP: 1.4, topK: 900, maxTokens: 99_999, seed: -3 }), haiku);
    expect(clamped).toMatchObject({ modelId: haiku.id, temperature: 1, topP: 1, topK: 500, maxTokens: 4096, seed: 0 });
  });

  it('rounds counts to whole numbers and replaces values that are not numbers with the model’s defaults', () => {
    const clamped = clampLane(lane({ temperature: Number.NaN, maxTokens: 12.6, topK: 3.4, seed: 7.9 }), builtIn);
    expect(clamped).toMatchObject({ temperature: 1, maxTokens: 13, topK: 3, seed: 7 });
  });

  it('cuts a stop sequence to 100 characters', () => {
    const long = 'ab'.repeat(MAX_STOP_SEQUENCE_CHARS);
    expect(clampLane(lane({ stopSequences: [long] }), builtIn).stopSequences).toEqual(['ab'.repeat(50)]);
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

  it('counts the system prompt as sent, without its surrounding spaces, against the conversation limit', () => {
    // 9 + 2 + 50,000 + 49,989 = 100,000 characters once "Be brief." is trimmed: the history still fits.
    const long = [
      { role: 'user', text: 'x'.repeat(50_000) },
      { role: 'assistant', text: 'y'.repeat(49_989) },
    ] as const;
    const request = buildChatRequest({
      lane: lane(),
      model: builtIn,
      system: '  Be brief.  ',
      history: [...long],
      prompt: 'Hi',
    });
    expect(request.messages).toHaveLength(3);
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

  it('starts without compare mode or a system prompt', () => {
    expect(defaultSettings([builtIn])).toEqual({
      compare: false,
      system: '',
      lanes: [defaultLane(builtIn), defaultLane(builtIn)],
    });
  });

  it('gives a conversation without settings the defaults, and one with settings its own, fitted', () => {
    expect(settingsFor(undefined, [builtIn, haiku])).toEqual(defaultSettings([builtIn, haiku]));
    const saved = {
      compare: true,
      system: 'Be brief.',
      lanes: [lane({ temperature: 9 }), lane({ modelId: haiku.id })],
    };
    expect(settingsFor(saved as Parameters<typeof settingsFor>[0], [builtIn, haiku])).toEqual({
      compare: true,
      system: 'Be brief.',
      lanes: [lane({ temperature: 2 }), lane({ modelId: haiku.id })],
    });
  });
});

describe('lanesToSend', () => {
  const settings = (compare: boolean) => ({
    compare,
    system: '',
    lanes: [lane({ temperature: 5 }), lane({ modelId: novaLite.id, temperature: 0.5 })] as [
      ReturnType<typeof lane>,
      ReturnType<typeof lane>,
    ],
  });

  it('sends the first lane alone in chat mode, within its model’s ranges', () => {
    expect(lanesToSend(settings(false), [builtIn, haiku])).toEqual([
      { lane: lane({ temperature: 2 }), model: builtIn },
    ]);
  });

  it('sends both lanes in compare mode, a lane on a model the server cannot run moved to one it can', () => {
    expect(lanesToSend(settings(true), [builtIn, novaLite])).toEqual([
      { lane: lane({ temperature: 2 }), model: builtIn },
      { lane: lane({ temperature: 0.5 }), model: builtIn },
    ]);
  });

  it('sends nothing when the server can run no model', () => {
    expect(lanesToSend(settings(true), [novaLite])).toEqual([]);
  });
});

describe('randomnessControl', () => {
  it('offers both to most models, and the learner’s choice to one that takes only one', () => {
    expect(randomnessControl(lane({ randomness: 'topP' }), haiku)).toBe('both');
    expect(randomnessControl(lane({ randomness: 'topP' }), { ...haiku, temperatureOrTopP: true })).toBe('topP');
  });
});

describe('promptProblem', () => {
  it('asks for a prompt, and for a shorter one past the limit', () => {
    expect(promptProblem('  ', '')).toBe('Write a prompt first.');
    expect(promptProblem('x'.repeat(MAX_MESSAGE_CHARS + 1), '')).toMatch(/Shorten the prompt to 20,000/);
    expect(promptProblem('Hi', 'x'.repeat(MAX_SYSTEM_CHARS + 1))).toMatch(/Shorten the system prompt to 10,000/);
    expect(promptProblem('Hi', '')).toBeUndefined();
  });

  it('lets a prompt and a system prompt exactly at their limits go', () => {
    expect(promptProblem('x'.repeat(MAX_MESSAGE_CHARS), 'y'.repeat(MAX_SYSTEM_CHARS))).toBeUndefined();
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

  it('keeps 19 pairs, as 38 turns and the prompt are within 40 messages, and drops the oldest of 20', () => {
    expect(fitHistory(pairs(19), 'Hi', '')).toEqual(pairs(19));
    const fitted = fitHistory(pairs(20), 'Hi', '');
    expect(fitted).toHaveLength(38);
    expect(fitted[0]).toEqual({ role: 'user', text: 'q1' });
  });

  it('keeps a history that makes the request exactly 100,000 characters, and drops it at one more', () => {
    const history = [
      { role: 'user' as const, text: 'x'.repeat(50_000) },
      { role: 'assistant' as const, text: 'y'.repeat(49_998) },
    ];
    expect(fitHistory(history, 'Hi', '')).toEqual(history);
    expect(fitHistory(history, 'Hi!', '')).toEqual([]);
  });

  it('counts a dropped pair’s answer too: a long first answer goes, the pair after it stays', () => {
    const history = [
      { role: 'user' as const, text: 'Hi' },
      { role: 'assistant' as const, text: 'a'.repeat(60_000) },
      { role: 'user' as const, text: 'More?' },
      { role: 'assistant' as const, text: 'b'.repeat(40_000) },
    ];
    // 2 + 60,000 + 5 + 40,000 + 5 = 100,012 characters; without the first pair, 40,010.
    expect(fitHistory(history, 'Go on', '')).toEqual(history.slice(2));
  });

  it('keeps no history when the prompt alone is over the limit', () => {
    expect(fitHistory(pairs(2), 'x'.repeat(MAX_TOTAL_CHARS + 1), '')).toEqual([]);
  });

  it('drops the oldest turns until the whole request fits the character limit', () => {
    const fitted = fitHistory(pairs(10, 10_000), 'Hi', 'Be brief.');
    const total = fitted.reduce((sum, message) => sum + message.text.length, 'Hi'.length + 'Be brief.'.length);
    expect(total).toBeLessThanOrEqual(MAX_TOTAL_CHARS);
    expect(fitted).toHaveLength(8);
    expect(fitted[0]?.text.startsWith('q6')).toBe(true);
  });
});
