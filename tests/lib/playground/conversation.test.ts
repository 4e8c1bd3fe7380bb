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
  });

  it('shows durations in ms below a second', () => {
    expect(formatDuration(850.4)).toBe('850 ms');
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
