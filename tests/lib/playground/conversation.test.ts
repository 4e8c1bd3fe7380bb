import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../../src/lib/chat-protocol';
import {
  applyEvent,
  conversationTotals,
  decodeConversation,
  emptyConversation,
  encodeConversation,
  formatDuration,
  formatUsd,
  laneHistory,
  startTurn,
  stopAnswer,
  updateAnswer,
  MAX_TURNS,
  TURNS_WITH_TOKENS,
  type Answer,
  type Conversation,
  type Turn,
} from '../../../src/lib/playground/conversation';
import { builtIn, doneAnswer, haiku, lane } from './fixtures';

const turn = (id: string, answers = [doneAnswer()], prompt = `prompt ${id}`): Turn => ({
  id,
  at: '2026-11-22T10:00:00.000Z',
  prompt,
  system: '',
  answers,
});

describe('decodeConversation', () => {
  it('reads back what it wrote', () => {
    const conversation: Conversation = {
      ...emptyConversation(),
      settings: { compare: true, system: 'Be brief.', lanes: [lane(), lane({ temperature: 0 })] },
      turns: [
        turn('1', [
          doneAnswer({
            tokens: [{ text: 'Amazon', alternatives: [{ token: 'amazon', probability: 0.5, adjusted: 1 }] }],
          }),
          doneAnswer({ status: 'error', onlySent: 'topP', error: { message: 'Too many requests.', advice: 'Wait.' } }),
        ]),
        turn('2', [
          doneAnswer({
            text: '**Hi**',
            markdown: { nodes: [{ tag: 'p', children: [{ tag: 'strong', children: ['Hi'] }] }], chars: 6 },
          }),
          doneAnswer({ status: 'stopped', onlySent: 'temperature' }),
        ]),
      ],
    };
    expect(decodeConversation(encodeConversation(conversation))).toEqual({ value: conversation, dropped: 0 });
  });

  it('sets aside a stored Markdown tree that is not allowed and keeps the answer’s text', () => {
    const raw = JSON.stringify({
      version: 1,
      turns: [
        turn('1', [
          doneAnswer({
            text: 'click',
            markdown: {
              nodes: [{ tag: 'a', href: 'javascript:alert(1)', children: ['click'] }] as never,
              chars: 5,
            },
          }),
        ]),
      ],
    });
    const answer = decodeConversation(raw).value.turns[0]?.answers[0];
    expect(answer?.text).toBe('click');
    expect(answer?.markdown).toBeUndefined();
  });

  it('keeps the valid turns of damaged data and says how many were dropped', () => {
    const raw = JSON.stringify({
      version: 1,
      turns: [turn('good'), { id: 'bad', prompt: 3 }, turn('no answers', [])],
    });
    const decoded = decodeConversation(raw);
    expect(decoded.value.turns.map((t) => t.id)).toEqual(['good']);
    expect(decoded).toMatchObject({ problem: 'partly-invalid', dropped: 2 });
  });

  it('reads settings saved before the temperature-or-top-p choice as sending temperature', () => {
    const { randomness: _randomness, ...older } = lane();
    const raw = JSON.stringify({
      version: 1,
      settings: { compare: false, system: '', lanes: [older, older] },
      turns: [turn('1', [doneAnswer({ lane: older as never })])],
    });
    const decoded = decodeConversation(raw);
    expect(decoded.dropped).toBe(0);
    expect(decoded.value.settings?.lanes[0].randomness).toBe('temperature');
    expect(decoded.value.turns[0]?.answers[0]?.lane.randomness).toBe('temperature');
  });

  it('starts empty from data that is not a conversation', () => {
    for (const raw of ['not json', '[]', '{"version":1}']) {
      expect(decodeConversation(raw)).toMatchObject({ value: emptyConversation(), problem: 'unreadable' });
    }
  });

  it('marks an answer that was still streaming when the page closed as stopped', () => {
    const raw = JSON.stringify({
      version: 1,
      turns: [turn('1', [doneAnswer({ status: 'streaming', usage: undefined })])],
    });
    expect(decodeConversation(raw).value.turns[0]?.answers[0]?.status).toBe('stopped');
  });

  it('drops a turn whose own fields are missing or of the wrong kind', () => {
    for (const bad of [
      null,
      { ...turn('bad'), id: 7 },
      { ...turn('bad'), at: 'yesterday' },
      { ...turn('bad'), prompt: null },
      { ...turn('bad'), system: 1 },
      { ...turn('bad'), answers: 'none' },
    ]) {
      const decoded = decodeConversation(JSON.stringify({ version: 1, turns: [turn('good'), bad] }));
      expect(decoded.value.turns.map((t) => t.id)).toEqual(['good']);
      expect(decoded).toMatchObject({ problem: 'partly-invalid', dropped: 1 });
    }
  });

  it('drops a turn with an answer or lane settings it cannot read', () => {
    const withLane = (changes: Record<string, unknown>) => ({ ...doneAnswer(), lane: { ...lane(), ...changes } });
    for (const bad of [
      null,
      { ...doneAnswer(), lane: null },
      { ...doneAnswer(), modelName: 3 },
      { ...doneAnswer(), text: null },
      { ...doneAnswer(), status: 'finished' },
      withLane({ modelId: 1 }),
      withLane({ temperature: '1' }),
      withLane({ topP: null }),
      withLane({ topK: '0' }),
      withLane({ maxTokens: '40' }),
      withLane({ seed: 'seed' }),
      withLane({ stopSequences: 'END' }),
      withLane({ stopSequences: ['END', 5] }),
    ]) {
      const raw = JSON.stringify({
        version: 1,
        turns: [turn('good'), { ...turn('bad'), answers: [doneAnswer(), bad] }],
      });
      const decoded = decodeConversation(raw);
      expect(decoded.value.turns.map((t) => t.id)).toEqual(['good']);
      expect(decoded.dropped).toBe(1);
    }
  });

  it('keeps an answer whose optional fields are of the wrong kind, without those fields', () => {
    const bare = { lane: lane(), modelName: 'Course model', text: 'Amazon Bedrock is a service.', status: 'done' };
    const alternative = { token: 'a', probability: 0.5, adjusted: 1 };
    for (const extra of [
      { onlySent: 'both' },
      { stopReason: 7 },
      { usage: null },
      { usage: { inputTokens: 4 } },
      { usage: { outputTokens: 5 } },
      { timeToFirstTokenMs: '12' },
      { latencyMs: null },
      { costUsd: '0' },
      { error: null },
      { error: { advice: 'Wait.' } },
      { markdown: 'Hi' },
      { tokens: 5 },
      { tokens: [null] },
      { tokens: [{ text: 1, alternatives: [] }] },
      { tokens: [{ text: 'A' }] },
      { tokens: [{ text: 'A', alternatives: [alternative, null] }] },
      { tokens: [{ text: 'A', alternatives: [{ ...alternative, token: 1 }] }] },
      { tokens: [{ text: 'A', alternatives: [{ ...alternative, probability: '0.5' }] }] },
      { tokens: [{ text: 'A', alternatives: [{ ...alternative, adjusted: null }] }] },
    ]) {
      const raw = JSON.stringify({ version: 1, turns: [{ ...turn('1'), answers: [{ ...bare, ...extra }] }] });
      // Strict: the answer has no such field at all, not even one set to undefined.
      expect(decodeConversation(raw)).toStrictEqual({
        value: { version: 1, turns: [turn('1', [bare as Answer])] },
        dropped: 0,
      });
    }
  });

  it('keeps an error’s advice only when there is some', () => {
    const errorOfStored = (error: unknown) =>
      decodeConversation(JSON.stringify({ version: 1, turns: [turn('1', [{ ...doneAnswer(), error } as Answer])] }))
        .value.turns[0]?.answers[0]?.error;
    expect(errorOfStored({ message: 'Failed.', advice: 'Wait.' })).toStrictEqual({
      message: 'Failed.',
      advice: 'Wait.',
    });
    expect(errorOfStored({ message: 'Failed.', advice: 3 })).toStrictEqual({ message: 'Failed.' });
    expect(errorOfStored({ message: 'Failed.', advice: '' })).toStrictEqual({ message: 'Failed.' });
  });

  it('keeps the top-p choice and at most four stop sequences from stored settings', () => {
    const topP = lane({ randomness: 'topP', stopSequences: ['1', '2', '3', '4', '5'] });
    const raw = JSON.stringify({
      version: 1,
      settings: { compare: 'yes', system: 'Be brief.', lanes: [topP, lane()] },
      turns: [],
    });
    expect(decodeConversation(raw)).toEqual({
      value: {
        version: 1,
        settings: {
          compare: false,
          system: 'Be brief.',
          lanes: [lane({ randomness: 'topP', stopSequences: ['1', '2', '3', '4'] }), lane()],
        },
        turns: [],
      },
      dropped: 0,
    });
  });

  it('sets aside settings it cannot read, keeps the turns and counts the settings as dropped', () => {
    for (const settings of [
      'chat',
      { compare: true, system: '', lanes: 'both' },
      { compare: true, system: 3, lanes: [lane(), lane()] },
      { compare: true, system: '', lanes: [lane()] },
      { compare: true, system: '', lanes: [{ ...lane(), topK: null }, lane()] },
    ]) {
      const decoded = decodeConversation(JSON.stringify({ version: 1, settings, turns: [turn('1')] }));
      expect(decoded).toEqual({
        value: { version: 1, turns: [turn('1')] },
        problem: 'partly-invalid',
        dropped: 1,
      });
    }
  });

  it('keeps only the latest turns', () => {
    const turns = Array.from({ length: MAX_TURNS + 5 }, (_, index) => turn(String(index)));
    const decoded = decodeConversation(JSON.stringify({ version: 1, turns }));
    expect(decoded.value.turns).toHaveLength(MAX_TURNS);
    expect(decoded.value.turns[0]?.id).toBe('5');
  });
});

describe('turns and streamed events', () => {
  it('builds an answer from its events: text, words with alternatives, then the figures', () => {
    let conversation = startTurn(emptyConversation(), {
      id: 't1',
      now: new Date('2026-11-22T10:00:00Z'),
      prompt: 'Amazon Bedrock is',
      system: '',
      lanes: [{ lane: lane(), modelName: 'Course model' }],
    });
    const alternatives = [{ token: 'a', probability: 0.4, adjusted: 0.6 }];
    for (const event of [
      { type: 'start', modelId: 'course-lm' },
      { type: 'delta', text: ' a', alternatives },
      { type: 'delta', text: ' service', alternatives },
      {
        type: 'done',
        stopReason: 'max_tokens',
        usage: { inputTokens: 3, outputTokens: 2 },
        timeToFirstTokenMs: 5,
        latencyMs: 9,
        costUsd: 0,
      },
    ] as const) {
      conversation = updateAnswer(conversation, 't1', 0, (answer) => applyEvent(answer, event));
    }
    const answer = conversation.turns[0]?.answers[0];
    expect(answer).toMatchObject({
      text: ' a service',
      status: 'done',
      stopReason: 'max_tokens',
      usage: { inputTokens: 3, outputTokens: 2 },
      latencyMs: 9,
    });
    expect(answer?.tokens?.map((step) => step.text)).toEqual([' a', ' service']);
  });

  it('builds a Bedrock answer’s tree from its updates, alongside the text', () => {
    let answer = doneAnswer({ status: 'streaming', text: '' });
    const events = [
      { type: 'delta', text: 'One.\n\nTw' },
      {
        type: 'markdown',
        from: 0,
        nodes: [
          { tag: 'p', children: ['One.'] },
          { tag: 'p', children: ['Tw'] },
        ],
        chars: 9,
      },
      { type: 'delta', text: 'o.' },
      { type: 'markdown', from: 1, nodes: [{ tag: 'p', children: ['Two.'] }], chars: 11 },
    ] as const;
    for (const event of events) answer = applyEvent(answer, event as never);
    expect(answer.text).toBe('One.\n\nTwo.');
    expect(answer.markdown).toEqual({
      nodes: [
        { tag: 'p', children: ['One.'] },
        { tag: 'p', children: ['Two.'] },
      ],
      chars: 11,
    });
  });

  it('keeps the text streamed before an error, and the error’s advice', () => {
    const answer = applyEvent(doneAnswer({ status: 'streaming', text: 'Half' }), {
      type: 'error',
      error: { code: 'rate-limited', message: 'Too many requests.', advice: 'Wait a minute.' },
    });
    expect(answer).toMatchObject({
      text: 'Half',
      status: 'error',
      error: { message: 'Too many requests.', advice: 'Wait a minute.' },
    });
  });

  it('gives each lane its own history, leaving out turns it did not answer', () => {
    const turns = [
      turn('1', [doneAnswer({ text: 'A1' }), doneAnswer({ text: 'B1' })], 'Q1'),
      turn('2', [doneAnswer({ text: 'A2' })], 'Q2'),
      turn('3', [doneAnswer({ text: '', status: 'error' }), doneAnswer({ text: 'B3' })], 'Q3'),
    ];
    expect(laneHistory(turns, 0)).toEqual([
      { role: 'user', text: 'Q1' },
      { role: 'assistant', text: 'A1' },
      { role: 'user', text: 'Q2' },
      { role: 'assistant', text: 'A2' },
    ]);
    expect(laneHistory(turns, 1).map((message) => message.text)).toEqual(['Q1', 'B1', 'Q3', 'B3']);
  });

  it('leaves out of a lane’s history an answer that failed part-way or has only blank text', () => {
    const turns = [
      turn('1', [doneAnswer({ text: 'Half', status: 'error' })], 'Q1'),
      turn('2', [doneAnswer({ text: ' \n ', status: 'stopped' })], 'Q2'),
      turn('3', [doneAnswer({ text: 'A3' })], 'Q3'),
    ];
    expect(laneHistory(turns, 0).map((message) => message.text)).toEqual(['Q3', 'A3']);
  });

  it('starts a turn with one empty streaming answer per lane, after the turns so far', () => {
    const first = turn('1');
    const started = startTurn(
      { ...emptyConversation(), turns: [first] },
      {
        id: '2',
        now: new Date('2026-11-22T10:05:00Z'),
        prompt: 'Compare them.',
        system: 'Be brief.',
        lanes: [
          { lane: lane(), modelName: 'Course model' },
          { lane: lane({ modelId: haiku.id }), modelName: haiku.name, onlySent: 'temperature' },
        ],
      },
    );
    expect(started.turns).toEqual([
      first,
      {
        id: '2',
        at: '2026-11-22T10:05:00.000Z',
        prompt: 'Compare them.',
        system: 'Be brief.',
        answers: [
          { lane: lane(), modelName: 'Course model', text: '', status: 'streaming' },
          {
            lane: lane({ modelId: haiku.id }),
            modelName: 'Claude 3.5 Haiku',
            onlySent: 'temperature',
            text: '',
            status: 'streaming',
          },
        ],
      },
    ]);
  });

  it('drops the oldest turn when a new one would go beyond the most kept', () => {
    const turns = Array.from({ length: MAX_TURNS }, (_, index) => turn(String(index)));
    const started = startTurn(
      { ...emptyConversation(), turns },
      { id: 'new', now: new Date('2026-11-22T10:05:00Z'), prompt: 'Q', system: '', lanes: [] },
    );
    expect(started.turns).toHaveLength(MAX_TURNS);
    expect([started.turns[0]?.id, started.turns.at(-1)?.id]).toEqual(['1', 'new']);
  });

  it('changes only the answer of the given turn and lane', () => {
    const conversation = {
      ...emptyConversation(),
      turns: [turn('1', [doneAnswer(), doneAnswer()]), turn('2', [doneAnswer(), doneAnswer()])],
    };
    const changed = updateAnswer(conversation, '1', 1, (answer) => ({ ...answer, text: 'Changed.' }));
    expect(changed.turns.map((t) => t.answers.map((answer) => answer.text))).toEqual([
      ['Amazon Bedrock is a service.', 'Changed.'],
      ['Amazon Bedrock is a service.', 'Amazon Bedrock is a service.'],
    ]);
  });

  it('adds no word list for text that comes without alternatives', () => {
    const answer = applyEvent(doneAnswer({ status: 'streaming', text: 'One' }), { type: 'delta', text: ' two' });
    expect(answer.text).toBe('One two');
    expect(answer).not.toHaveProperty('tokens');
  });
});

describe('conversationTotals', () => {
  const turns = [
    turn('1', [
      doneAnswer({ usage: { inputTokens: 10, outputTokens: 20 }, costUsd: 0.001 }),
      doneAnswer({ usage: { inputTokens: 10, outputTokens: 5 }, costUsd: 0.0002 }),
    ]),
    turn('2', [
      doneAnswer({ usage: { inputTokens: 40, outputTokens: 8 }, costUsd: 0.003 }),
      doneAnswer({ status: 'stopped', usage: undefined }),
    ]),
  ];

  it('adds up the finished answers of the whole conversation', () => {
    const totals = conversationTotals(turns);
    expect(totals).toMatchObject({ answers: 3, inputTokens: 60, outputTokens: 33 });
    expect(totals.costUsd).toBeCloseTo(0.0042, 10);
  });

  it('adds up one lane', () => {
    expect(conversationTotals(turns, 1)).toMatchObject({ answers: 1, inputTokens: 10, outputTokens: 5 });
  });
});

describe('stopAnswer', () => {
  const request = {
    modelId: builtIn.id,
    system: 'Be brief.',
    messages: [
      { role: 'user', text: 'Amazon Bedrock is' },
      { role: 'assistant', text: 'a service.' },
      { role: 'user', text: 'And SageMaker?' },
    ],
  } satisfies ChatRequest;
  const streaming = (changes: Parameters<typeof doneAnswer>[0]) =>
    doneAnswer({ status: 'streaming', usage: undefined, costUsd: undefined, stopReason: undefined, ...changes });

  it("counts the built-in model's words shown and the prompt in its own tokens", () => {
    const tokens = ['It', ' is', ' a'].map((text) => ({ text, alternatives: [] }));
    const stopped = stopAnswer(streaming({ text: 'It is a', tokens }), request, builtIn);
    // "Be brief . Amazon Bedrock is a service . And SageMaker ?": 12 tokens.
    expect(stopped).toMatchObject({ status: 'stopped', usage: { inputTokens: 12, outputTokens: 3 }, costUsd: 0 });
  });

  it('estimates a Bedrock answer from the text that arrived, as the server charges it, and prices it', () => {
    const stopped = stopAnswer(streaming({ lane: lane({ modelId: haiku.id }), text: 'SageMaker is' }), request, haiku);
    // "Be brief.\nAmazon Bedrock is\na service.\nAnd SageMaker?" is 53 characters; the answer 12.
    expect(stopped.usage).toEqual({ inputTokens: 27, outputTokens: 6 });
    expect(stopped.costUsd).toBeCloseTo((27 * 0.0008 + 6 * 0.004) / 1000, 12);
  });

  it('counts no words for a built-in answer stopped before its first word', () => {
    const stopped = stopAnswer(streaming({ text: '' }), request, builtIn);
    expect(stopped.usage).toEqual({ inputTokens: 12, outputTokens: 0 });
  });

  it('counts a request without a system prompt from its messages alone', () => {
    const noSystem = { modelId: haiku.id, messages: [{ role: 'user', text: 'Hello' }] } satisfies ChatRequest;
    // "\nHello": an empty system line, then the message, 6 characters.
    expect(stopAnswer(streaming({ text: 'Hi' }), noSystem, haiku).usage).toEqual({ inputTokens: 3, outputTokens: 1 });
  });

  it('makes a stopped answer count in the totals', () => {
    const stopped = stopAnswer(streaming({ text: '', tokens: [] }), request, builtIn);
    expect(conversationTotals([turn('1', [stopped])])).toMatchObject({ answers: 1, inputTokens: 12, outputTokens: 0 });
  });
});

describe('formatting', () => {
  it('shows tiny costs with three significant digits, never in scientific notation', () => {
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(0.000123)).toBe('$0.000123');
    expect(formatUsd(0.0000004)).toBe('$0.000000400');
    expect(formatUsd(1.234)).toBe('$1.23');
    expect(formatUsd(0.01)).toBe('$0.01');
    expect(formatUsd(12.5)).toBe('$12.50');
  });

  it('shows durations in ms below a second', () => {
    expect(formatDuration(850.4)).toBe('850 ms');
    expect(formatDuration(1000)).toBe('1.0 s');
    expect(formatDuration(1234)).toBe('1.2 s');
  });
});

describe('encodeConversation', () => {
  it('stores word alternatives for the latest turns only, so storage stays small', () => {
    const withTokens = () => [doneAnswer({ tokens: [{ text: 'A', alternatives: [] }] })];
    const turns = Array.from({ length: TURNS_WITH_TOKENS + 2 }, (_, index) => turn(String(index), withTokens()));
    const stored = decodeConversation(encodeConversation({ ...emptyConversation(), turns })).value.turns;
    expect(stored.map((t) => t.answers[0]?.tokens !== undefined)).toEqual([
      false,
      false,
      ...Array<boolean>(TURNS_WITH_TOKENS).fill(true),
    ]);
    expect(stored[0]?.answers[0]?.text).toBe('Amazon Bedrock is a service.');
  });
});
